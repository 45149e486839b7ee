/**
 * The languages madoguchi speaks are its locale folders, not a list in code: app/i18n/locales/<tag>/ holds common.json
 * (the interface's texts) and language.json (how the language is listed and recognised). Adding a language is adding a
 * folder here and one in forms/translations (docs/languages.md); ja is the source and the fallback of any missing text.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { fallbackLanguage } from "./config";

const languageFile = z
  .object({
    /** The language's name in itself, as the switch lists it. */
    name: z.string().min(1),
    /** Where the switch lists it (smaller first). */
    order: z.number().int(),
    /** Other Accept-Language tags (or their first subtag) that mean this language: zh → zh-Hans, tl → fil. */
    matches: z.array(z.string().min(1)).default([]),
    /** Which of the city's names its texts use: Japanese, or the English (Latin-letter) ones. */
    cityNames: z.enum(["ja", "en"]).default("en"),
  })
  .strict();

export type LanguageInfo = z.infer<typeof languageFile> & { code: string };
export type Catalogue = { languages: LanguageInfo[]; texts: Record<string, Record<string, unknown>> };

export const LOCALES_DIR = path.resolve(process.env.LOCALES_DIR ?? path.join(process.cwd(), "app/i18n/locales"));

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));

/** Every language in a locales folder with its interface texts; a folder that is not a language stops the start-up. */
export function readCatalogue(dir = LOCALES_DIR): Catalogue {
  const languages: LanguageInfo[] = [];
  const texts: Catalogue["texts"] = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const code = entry.name;
    const where = path.join(dir, code);
    // A language tag the browser's Intl and <html lang> understand, spelled as they spell it.
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(code)[0];
    } catch {
      canonical = undefined;
    }
    if (canonical !== code) throw new Error(`${where}: the folder's name must be a language tag as written by BCP 47 (${canonical ?? "not one"})`);
    const info = languageFile.safeParse(readJson(path.join(where, "language.json")));
    if (!info.success) throw new Error(`${where}/language.json: ${info.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    languages.push({ ...info.data, code });
    texts[code] = readJson(path.join(where, "common.json")) as Record<string, unknown>;
  }
  if (!texts[fallbackLanguage]) throw new Error(`${dir}: the source language ${fallbackLanguage} is missing`);
  languages.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  return { languages, texts };
}

let catalogue: Catalogue | undefined;
/** The languages of this server, read once. */
export const catalogueOfServer = () => (catalogue ??= readCatalogue());
export const languages = () => catalogueOfServer().languages;
export const languageCodes = () => languages().map((l) => l.code);
export const isLanguage = (value: unknown): value is string => typeof value === "string" && languageCodes().includes(value);
export const languageInfo = (code: string) => languages().find((l) => l.code === code);

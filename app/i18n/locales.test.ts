import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageCodes } from "./languages.server";
import { localeTexts } from "../test/i18n";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}
const valueAt = (root: unknown, key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], root);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The back office stays Japanese (with English); these sections are not the resident's. */
const BACK_OFFICE = ["staffLogin", "staffAccount", "staff", "admin"];

describe("translations", () => {
  const ja = localeTexts("ja");

  it("are the ten languages a city's residents read, each from its own folder", () => {
    expect(languageCodes()).toEqual(["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi", "fil", "pt-BR", "ne", "id"]);
  });

  it.each(languageCodes().filter((l) => l !== "ja"))("%s has exactly the keys ja has, and no placeholder ja does not give", (lng) => {
    const own = localeTexts(lng);
    expect(keys(own).sort()).toEqual(keys(ja).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    // A translation may leave one out (the 和暦 example is for Japanese readers only), never invent one.
    const differing = keys(ja).filter((k) => placeholders(String(valueAt(own, k))).some((p) => !placeholders(String(valueAt(ja, k))).includes(p)));
    expect(differing).toEqual([]);
  });

  it("no translation is empty", () => {
    for (const lng of languageCodes()) {
      const flat = keys(localeTexts(lng)).map((k) => valueAt(localeTexts(lng), k));
      expect(flat.filter((v) => typeof v !== "string" || v.trim() === "")).toEqual([]);
    }
  });

  it("やさしい日本語 gives every kanji a reading ({漢字|かんじ}) in what a resident reads", () => {
    const easy = localeTexts("ja-x-easy");
    const unread = keys(easy)
      // Dates are written as plain text (dates.ts), where 年・月・日 after numbers stand without readings.
      .filter((k) => !BACK_OFFICE.includes(k.split(".")[0]!) && !k.startsWith("date."))
      .filter((k) => /\p{Script=Han}/u.test(String(valueAt(easy, k)).replace(/\{[^{}|]+\|[^{}|]+\}|\$t\([^)]*\)/g, "")));
    expect(unread).toEqual([]);
  });

  it("every literal key used with t() in app/ exists in ja", () => {
    const known = new Set(keys(ja));
    const appDir = path.resolve(import.meta.dirname, "..");
    const used = sourceFiles(appDir).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)].map((m) => `${path.relative(appDir, file)}: ${m[1]}`),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => !known.has(u.split(": ")[1]!))).toEqual([]);
  });
});

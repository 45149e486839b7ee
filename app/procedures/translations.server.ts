/**
 * A procedure's texts in other languages live beside its definition, never in it: forms/translations/<lang>/<formId>.json
 * maps a text's key to its translation, so a translator edits no definition and the definition's version does not change
 * when a translation does. A key names where the text is: `title`, `guidance.whatYouNeed.0`,
 * `steps.<step id>.fields.<field name>.options.<value>.label` — steps by id, fields by name, options by value, any other
 * list by position. A text without a translation stays Japanese (the renderer marks it lang="ja").
 */
import fs from "node:fs";
import path from "node:path";
import type { FormDefinition } from "../form-engine/definition";

/** The properties of a definition that hold text shown to people (everything else is structure or a value). */
const TEXT_KEYS = new Set([
  "title",
  "description",
  "whatYouNeed",
  "duration",
  "notes",
  "label",
  "itemLabel",
  "hint",
  "because",
  "declaration",
  "text",
  "body",
  "afterSubmit",
  "message",
  "unit",
  "suffix",
  "mark",
  "note",
]);
/** Lists whose members have a name of their own, used in keys instead of their position. */
const MEMBER_NAME: Record<string, string> = { steps: "id", fields: "name", options: "value" };

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A localized text: { ja, en, … } (ja required), as the definition schema allows for any text. */
const isLocalized = (v: Json): v is Record<string, string> & { ja: string } =>
  isObject(v) && typeof v.ja === "string" && Object.values(v).every((x) => typeof x === "string");

/** Every translatable text of a definition: key → the Japanese text (or the text as written). */
export function textsOf(definition: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  mapTexts(definition, (key, text) => {
    out[key] = typeof text === "string" ? text : text.ja!;
    return text;
  });
  return out;
}

type Text = string | Record<string, string>;

/**
 * The one walk over a definition's texts: each text (a string or a { ja, … } text under a text property) is replaced
 * by what `map` returns for it and its key; lists are keyed by their members' names where they have one.
 */
function mapTexts(node: Json, map: (key: string, text: Text) => Text, keyPath: string[] = [], isText = false): Json {
  if (isText && (typeof node === "string" || isLocalized(node))) return map(keyPath.join("."), node);
  if (Array.isArray(node)) {
    const named = MEMBER_NAME[keyPath.at(-1) ?? ""];
    return node.map((member, i) => {
      const id = named && isObject(member) && typeof member[named] === "string" ? (member[named] as string) : String(i);
      return mapTexts(member, map, [...keyPath, id], isText);
    });
  }
  if (!isObject(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mapTexts(value, map, [...keyPath, key], TEXT_KEYS.has(key))]));
}

/**
 * The definition with each text that has translations made a { ja, …translations } text. Inline translations in the
 * definition stay; a file's translation of the same text wins (the file is the translator's).
 */
export function withTranslations<D>(definition: D, byLanguage: Record<string, Record<string, string>>): D {
  if (Object.keys(byLanguage).length === 0) return definition;
  return mapTexts(definition, (key, text) => {
    const found = Object.entries(byLanguage).flatMap(([lng, texts]) => (texts[key] ? [[lng, texts[key]] as const] : []));
    if (found.length === 0) return text;
    return { ...(typeof text === "string" ? { ja: text } : text), ...Object.fromEntries(found) };
  }) as D;
}

export const TRANSLATIONS_DIR = path.resolve(process.cwd(), "forms", "translations");

/** The translation files of one procedure, by language (a folder per language; a missing file is no translation). */
export function readTranslations(formId: string, dir = TRANSLATIONS_DIR): Record<string, Record<string, string>> {
  if (!/^[a-z0-9-]+$/.test(formId) || !fs.existsSync(dir)) return {};
  const out: Record<string, Record<string, string>> = {};
  for (const lng of fs.readdirSync(dir)) {
    const file = path.join(dir, lng, `${formId}.json`);
    if (!fs.existsSync(file)) continue;
    const texts = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    if (!isObject(texts)) throw new Error(`${file}: a translation file maps keys to texts`);
    out[lng] = Object.fromEntries(Object.entries(texts).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  }
  return out;
}

/** The texts a resident reads: all but the PDF's (the paper form is the city's, in Japanese). */
export const residentTextKeys = (definition: unknown) => Object.keys(textsOf(definition)).filter((k) => !k.startsWith("pdf."));

/** The keys a language lacks for a definition (a translation test lists them per language). */
export function missingTranslations(definition: FormDefinition | unknown, texts: Record<string, string>): string[] {
  return residentTextKeys(definition).filter((key) => !texts[key]);
}

/**
 * How far each language's file covers a definition's resident texts, for the administrator: a text written in the
 * definition itself in that language counts too.
 */
export function translationCoverage(definition: unknown, formId: string, languages: readonly string[]) {
  const files = readTranslations(formId);
  const inline = new Map<string, Set<string>>();
  mapTexts(definition, (key, text) => {
    if (typeof text !== "string") for (const lng of Object.keys(text)) (inline.get(lng) ?? inline.set(lng, new Set()).get(lng)!).add(key);
    return text;
  });
  const keys = residentTextKeys(definition);
  return languages.map((lng) => {
    const missing = keys.filter((k) => !files[lng]?.[k] && !inline.get(lng)?.has(k));
    return { lng, total: keys.length, translated: keys.length - missing.length, missing: missing.slice(0, 20), missingCount: missing.length };
  });
}

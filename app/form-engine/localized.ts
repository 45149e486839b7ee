import { plainOf } from "../i18n/ruby";

/**
 * Text in a definition: a plain string (Japanese) or { ja, en, … }. ja is required and is the fallback for any
 * language a definition does not translate. Its schema is in localized-schema.ts: pages in the browser read texts
 * and never load zod.
 */
export type LocalizedText = string | ({ ja: string } & Record<string, string>);

/**
 * The text in the requested language, and the language it is actually in (for a lang attribute on fallbacks). `text`
 * is plain; `marked` keeps やさしい日本語's ふりがな ({漢字|かんじ}) for a component to render withRuby.
 */
export function localize(text: LocalizedText | undefined, lng: string): { text: string; marked: string; lang: string } {
  if (text === undefined) return { text: "", marked: "", lang: lng };
  if (typeof text === "string") return { text, marked: text, lang: "ja" };
  const own = text[lng];
  return own ? { text: plainOf(own), marked: own, lang: lng } : { text: text.ja, marked: text.ja, lang: "ja" };
}

export const localizeText = (text: LocalizedText | undefined, lng: string) => localize(text, lng).text;

/**
 * A part of a definition with each text in one language and Japanese (every text's fallback, and what a page shows
 * beside a translation) only: a page sends the browser no other language. A text is the definition's only object with
 * a `ja` string and nothing but strings (its meta-schema, localized-schema.ts).
 */
export function inLanguage<T>(part: T, lng: string): T {
  if (Array.isArray(part)) return part.map((p: unknown) => inLanguage(p, lng)) as T;
  if (part === null || typeof part !== "object") return part;
  const entries = Object.entries(part as Record<string, unknown>);
  if (typeof (part as { ja?: unknown }).ja === "string" && entries.every(([, v]) => typeof v === "string")) {
    const text = part as unknown as { ja: string } & Record<string, string>;
    return (lng !== "ja" && typeof text[lng] === "string" ? { ja: text.ja, [lng]: text[lng] } : { ja: text.ja }) as T;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, inLanguage(v, lng)])) as T;
}

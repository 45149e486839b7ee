/**
 * i18next settings shared by server and browser. Which languages exist is read from the locale folders on the server
 * (languages.server.ts); the browser takes the one the server chose from <html lang>.
 */
import { rubyPostProcessor } from "./ruby";

/** A language tag of one of the locale folders (ja, en, vi, ja-x-easy …). */
export type Language = string;
export const fallbackLanguage = "ja";
export const defaultNS = "common";

export const i18nConfig = {
  fallbackLng: fallbackLanguage,
  defaultNS,
  ns: [defaultNS],
  interpolation: { escapeValue: false }, // React escapes
  // ふりがな written {漢字|かんじ} becomes <ruby> in the page and the plain word in attributes (ruby.ts).
  postProcess: [rubyPostProcessor.name],
};

/** What the Accept-Language matcher needs to know of a language. */
export type Matchable = { code: string; matches: readonly string[] };

/** The best of the given languages for an Accept-Language header, by its q order; null when none fits. */
export function languageFromAcceptLanguage(header: string | null, languages: readonly Matchable[]): string | null {
  if (!header) return null;
  const wanted = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((w) => w.tag && w.tag !== "*" && !Number.isNaN(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const named = (tag: string) => languages.find((l) => l.code.toLowerCase() === tag || l.matches.some((m) => m.toLowerCase() === tag));
  for (const { tag } of wanted) {
    const found = named(tag) ?? named(tag.split("-")[0]!);
    if (found) return found.code;
  }
  return null;
}

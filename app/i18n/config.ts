/**
 * Languages with complete translations, in the order the switch lists them: the languages most of a Japanese city's
 * foreign residents read. ja is the source language and the fallback for anything missing. Adding one: a folder in
 * app/i18n/locales and forms/translations, and its code here.
 */
export const supportedLanguages = ["ja", "en", "zh-Hans", "ko", "vi", "fil", "pt-BR", "ne", "id"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "ja";
export const defaultNS = "common";

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** Shared i18next options for server and browser. */
export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS,
  ns: [defaultNS],
  interpolation: { escapeValue: false }, // React escapes
};

/** Language tags a browser sends that mean one of ours (Chinese → 简体中文, Portuguese → Brazilian, Tagalog → Filipino). */
const ALIASES: Record<string, Language> = { zh: "zh-Hans", pt: "pt-BR", tl: "fil", in: "id" };

/** The best of our languages for an Accept-Language header, by its q order; null when none fits. */
export function languageFromAcceptLanguage(header: string | null): Language | null {
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
  for (const { tag } of wanted) {
    const exact = supportedLanguages.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const base = tag.split("-")[0]!;
    const byBase = ALIASES[base] ?? supportedLanguages.find((l) => l === base);
    if (byBase) return byBase;
  }
  return null;
}

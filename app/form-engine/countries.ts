/**
 * 国籍・地域: ISO 3166-1 alpha-2 codes with their names in Japanese and English (i18n-iso-countries). Only the two
 * locale files are imported, never the package's index (every language, alpha-3 and numeric tables). Never in a
 * resident's page: it gets the names it shows with the question's definition (country.rules.ts, forPage; ADR 0039).
 */
import en from "i18n-iso-countries/langs/en.json";
import ja from "i18n-iso-countries/langs/ja.json";

type Names = Record<string, string | string[]>;
const first = (n: string | string[] | undefined) => (Array.isArray(n) ? n[0]! : (n ?? ""));

/**
 * What a 在留カード may say that ISO 3166-1 has no code for, stored under codes from the range ISO leaves to its users
 * (XA–XZ): 無国籍 (ICAO writes stateless as XXA) and 朝鮮, the 国籍・地域 of many 特別永住者, which is not the DPRK.
 */
const EXTRA: Record<string, { ja: string; en: string; reading: string }> = {
  XX: { ja: "無国籍", en: "Stateless", reading: "むこくせき" },
  XC: { ja: "朝鮮", en: "Chōsen (Korea)", reading: "ちょうせん" },
};

/** Names that begin with kanji sort by their reading (the collator orders kanji by code point, after all kana). */
const READING: Record<string, string> = {
  HK: "ほんこん",
  UM: "がっしゅうこくりょうゆうしょうりとう",
  EH: "にしさはら",
  GQ: "せきどうぎにあ",
  TW: "たいわん",
  KR: "だいかんみんこく",
  CF: "ちゅうおうあふりかきょうわこく",
  CN: "ちゅうかじんみんきょうわこく",
  KP: "ちょうせんみんしゅしゅぎじんみんきょうわこく",
  TL: "ひがしてぃもーる",
  ZA: "みなみあふりか",
  SS: "みなみすーだん",
  AQ: "なんきょく",
  MK: "きたまけどにあ",
  MP: "きたまりあなしょとう",
};

/** 日本 is left out: the question is asked of people who are not Japanese nationals. */
export const COUNTRY_CODES: string[] = [...Object.keys(ja.countries).filter((c) => c !== "JP"), ...Object.keys(EXTRA)];

export function countryName(code: string, lng: string): string {
  const extra = EXTRA[code];
  if (extra) return lng === "en" ? extra.en : extra.ja;
  const names = (lng === "en" ? en.countries : ja.countries) as Names;
  return first(names[code]) || first((ja.countries as Names)[code]) || code;
}

/**
 * The most common 国籍・地域 of foreign residents in Japan (出入国在留管理庁, 在留外国人統計, end of 2024), offered
 * first so most people find theirs without scrolling through 250 names.
 */
export const COMMON_COUNTRIES = ["CN", "VN", "KR", "PH", "NP", "ID", "BR", "MM", "TW", "US"];

/** Every code but the common ones, in the reader's alphabetical order (五十音順 in Japanese). */
export function countriesInOrder(lng: string, common: string[] = COMMON_COUNTRIES): string[] {
  const collator = new Intl.Collator(lng === "en" ? "en" : "ja");
  const key = (c: string) => (lng === "en" ? countryName(c, "en") : (EXTRA[c]?.reading ?? READING[c] ?? countryName(c, "ja")));
  return COUNTRY_CODES.filter((c) => !common.includes(c)).sort((a, b) => collator.compare(key(a), key(b)));
}

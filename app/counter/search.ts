/**
 * How a clerk's search words meet the registry (pure, unit-tested): one box takes a name or reading, a date of birth
 * (西暦 or 和暦), a part of an address, or an online 受付番号.
 */
import { receiptKey, searchKey } from "../cases/search";
import { toIsoDate } from "../form-engine/fields/date";

/**
 * 異体字 → the common form. Registry names keep the exact character (髙橋, 山﨑, 𠮷田) while a clerk types what the IME
 * offers first (高橋, 山崎, 吉田); folding both sides to the common form lets either find the other. NFKC already folds
 * the compatibility ideographs that have a canonical form; these are the ones it leaves alone (and the old forms still
 * common in names). A small table on purpose: only pairs a clerk meets daily, each unambiguous.
 */
const ITAIJI: Record<string, string> = {
  髙: "高",
  﨑: "崎",
  嵜: "崎",
  𠮷: "吉",
  邊: "辺",
  邉: "辺",
  澤: "沢",
  齋: "斎",
  齊: "斉",
  濵: "浜",
  濱: "浜",
  廣: "広",
  國: "国",
  櫻: "桜",
  嶋: "島",
  嶌: "島",
  德: "徳",
  瀨: "瀬",
  栁: "柳",
  槗: "橋",
  曻: "昇",
};
const ITAIJI_RE = new RegExp(`[${Object.keys(ITAIJI).join("")}]`, "gu");

/** The form both sides are compared in: NFKC (全角/半角, ﾀｶﾊｼ → タカハシ), カタカナ, 異体字 folded, no spaces, upper case. */
export function foldForSearch(text: string): string {
  return searchKey(text)
    .replace(ITAIJI_RE, (c) => ITAIJI[c] ?? c)
    .toUpperCase();
}

/** A date of birth typed in one box: 1988-05-14, 1988/5/14, 1988年5月14日, 昭和63年5月14日, S63.5.14, H2/1/5. */
export function parseBirthDate(text: string): string | null {
  const s = text.normalize("NFKC").replace(/\s/g, "");
  const m = /^(.+?)[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  // The same reading as the date question's 元号 / 年 / 月 / 日 (an era may be typed in the year: 「S63」「昭和63」).
  const iso = toIsoDate({ year: m[1], month: m[2], day: m[3] });
  return typeof iso === "string" && iso ? iso : null;
}

export type CounterQuery =
  | { kind: "empty" }
  | { kind: "receipt"; receipt: string }
  | { kind: "birthDate"; birthDate: string }
  /** Every term must be found in the person's name, reading or address. */
  | { kind: "text"; terms: string[] };

/** What the clerk typed, read once. A whole date or a 受付番号 wins over words; words are split at spaces. */
export function parseCounterQuery(raw: string): CounterQuery {
  const text = raw.normalize("NFKC").trim();
  if (!text) return { kind: "empty" };
  // A date first: 1988-05-14 has eight digits too.
  const birthDate = parseBirthDate(text);
  if (birthDate) return { kind: "birthDate", birthDate };
  const receipt = receiptKey(text);
  // A 受付番号 has a digit or a hyphen; eight Latin letters (NGUYENVA) stay a name.
  if (receipt && /[\d-]/.test(text)) return { kind: "receipt", receipt };
  const terms = text.split(/\s+/).map(foldForSearch).filter(Boolean).slice(0, 8);
  return terms.length ? { kind: "text", terms } : { kind: "empty" };
}

/** The texts a person is found by: name, reading, 通称 and the address, each folded. */
export type Searchable = { name: string; kana: string; alias?: string | null; aliasKana?: string | null; address: string };

export function matchesTerms(p: Searchable, terms: string[]): boolean {
  const haystack = [p.name, p.kana, p.alias ?? "", p.aliasKana ?? "", p.address].map(foldForSearch);
  return terms.every((term) => haystack.some((h) => h.includes(term)));
}

/** Full years of age on a day. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

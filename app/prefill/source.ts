import type { residentAccounts } from "../../db/schema";

export type ResidentAccount = typeof residentAccounts.$inferSelect;

/** One path a source offers: a value, or (with `itemKeys`) a list whose items offer those keys. */
export type Offer = {
  itemKeys?: readonly string[];
  /**
   * The value is the city's record of a legal fact (住民記録の氏名・住所, 転出証明書の記載): a resident gets it corrected
   * at the counter, not in a form, so a binding may be `fixed`. Left out, the resident must be able to correct it
   * (contact data, a planned date) and lint refuses a `fixed` binding.
   */
  authoritative?: boolean;
  /** The autocomplete token of the resident's own data it holds (WCAG 1.3.5): a field bound to it should render one. */
  autocomplete?: string;
};

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
export const PERSON_ITEM_KEYS = [
  "name",
  "birthDate",
  "sex",
  "relationship",
  "ageYears",
  "self",
  ...["foreign", "nationality", "residenceStatus", "residencePeriodEnd", "residenceCardNumber", "honseki", "hittousha", "nhi"],
] as const;

/** What the registers hold about a person beyond the 基本4情報 (性別・続柄 aside): 国籍 and 在留, 本籍・筆頭者, 国保. */
type Civil = {
  nationality: string | null;
  residenceStatus: string | null;
  residencePeriodEnd: string | null;
  residenceCardNumber: string | null;
  honseki: string | null;
  hittousha: string | null;
  nhi: boolean;
};

/**
 * The civil data as answers: yes/no for the questions forms ask (外国籍の方ですか, 国保に加入していたか), and only what
 * applies (a Japanese national has no 在留資格; a foreign resident no 本籍).
 */
export function civilOf(p: Civil) {
  const foreign = Boolean(p.nationality);
  return {
    foreign: foreign ? "yes" : "no",
    nationality: p.nationality ?? undefined,
    residenceStatus: p.residenceStatus ?? undefined,
    residencePeriodEnd: p.residencePeriodEnd ?? undefined,
    residenceCardNumber: p.residenceCardNumber ?? undefined,
    honseki: foreign ? undefined : (p.honseki ?? undefined),
    hittousha: foreign ? undefined : (p.hittousha ?? undefined),
    nhi: p.nhi ? "yes" : "no",
  };
}

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

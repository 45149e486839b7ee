import type { residentAccounts } from "../../db/schema";
import type { PrefillSourceId } from "./paths";

export type ResidentAccount = typeof residentAccounts.$inferSelect;

/** A prefill source: one module, registered in registry.server.ts. It returns its data by offered path. */
export interface PrefillSource {
  id: PrefillSourceId;
  /** i18n key of the mark shown next to prefilled answers ("住民記録より"). */
  labelKey: string;
  /** i18n key of the note under the mark, when it should say more than "the city's records" (data the resident kept). */
  noteKey?: string;
  resolve(resident: ResidentAccount): Record<string, unknown>;
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

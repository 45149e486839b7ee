/**
 * What each prefill source offers, by path. Shared by the meta-schema (a binding to a path no source offers is
 * refused) and the source modules (which must provide these). Values have the shape of the field type they fill:
 * names are { family, given, familyKana, givenKana }, dates are ISO, addresses are { postalCode, prefecture, … }.
 */
export const PREFILL_SOURCES = ["identity", "registry", "moveIn", "profile"] as const;
export type PrefillSourceId = (typeof PREFILL_SOURCES)[number];

export const OFFERED_PATHS: Record<PrefillSourceId, readonly string[]> = {
  // 基本4情報 from the sign-in (マイナンバーカード).
  identity: ["name", "birthDate", "sex", "address"],
  // 住民記録 of a current resident.
  registry: ["person.name", "person.birthDate", "person.sex", "person.address", "household.headName", "household.members"],
  // 転出証明書情報 received ahead of a 転入.
  moveIn: ["persons", "previousAddress", "previousHeadName", "plannedMoveDate", "newAddress", "headName"],
  // Contact data the resident chose to keep for reuse.
  profile: ["phone", "email", "employer", "workDaysPerWeek", "workHoursPerMonth"],
};

export const ALL_PATHS = PREFILL_SOURCES.flatMap((s) => OFFERED_PATHS[s].map((p) => `${s}.${p}`));

/** List paths (for repeating groups) and the keys each item offers. `self` marks the signed-in resident's own item. */
export const LIST_ITEM_KEYS: Record<string, readonly string[]> = {
  "registry.household.members": ["name", "birthDate", "sex", "relationship", "ageYears", "self"],
  "moveIn.persons": ["name", "birthDate", "sex", "relationship", "ageYears", "self"],
};

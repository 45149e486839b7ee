import { eq } from "drizzle-orm";
import { residentProfiles } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { OFFERED } from "../form-engine/item-keys";
import { SELF, type Prefilled } from "../prefill/provenance";

export const PROFILE_KEYS = ["phone", "email", "employer", "workDaysPerWeek", "workHoursPerMonth"] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];
export type ProfileValues = { [K in ProfileKey]?: NonNullable<(typeof residentProfiles.$inferInsert)[K]> };

export function getProfile(residentAccountId: string) {
  return getDb().select().from(residentProfiles).where(eq(residentProfiles.residentAccountId, residentAccountId)).get();
}

const profileKeyOf = (path: string | undefined) => {
  const key = path?.startsWith("profile.") ? path.slice("profile.".length) : undefined;
  return PROFILE_KEYS.find((k) => k === key);
};

function take(out: ProfileValues, key: ProfileKey | undefined, value: unknown) {
  const number = key === "workDaysPerWeek" || key === "workHoursPerMonth";
  if (key && (number ? typeof value === "number" : typeof value === "string" && value !== "")) Object.assign(out, { [key]: value });
}

/**
 * Answers of a form that could be kept for reuse: fields bound to profile.*, and inside a group offered from a list
 * of people, the fields bound to profile.* of the resident's own item (their 勤務先, not their spouse's).
 */
export function reusableAnswers(form: FormDefinition, answers: Answers, prefill: Prefilled): ProfileValues {
  const out: ProfileValues = {};
  for (const step of form.steps) {
    for (const f of step.fields) {
      take(out, profileKeyOf(f.prefill?.path), answers[f.name]);
      const offers = prefill[f.name]?.value;
      if (!f.fields || !Array.isArray(offers) || !Array.isArray(answers[f.name])) continue;
      const own = (answers[f.name] as Answers[]).find((item) => typeof item[OFFERED] === "number" && (offers[item[OFFERED]] as Answers | undefined)?.[SELF]);
      if (own) for (const child of f.fields) take(out, profileKeyOf(child.prefill?.path), own[child.name]);
    }
  }
  return out;
}

/** Keeps the given contact data, with the resident's consent recorded. */
export function keepProfile(residentAccountId: string, values: ProfileValues) {
  const now = new Date();
  getDb()
    .insert(residentProfiles)
    .values({ residentAccountId, ...values, consentedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: residentProfiles.residentAccountId, set: { ...values, consentedAt: now, updatedAt: now } })
    .run();
  recordAudit({ actor: { role: "resident", id: residentAccountId }, action: "profile.consent_given", details: { keys: Object.keys(values) } });
}

/** Withdrawing consent deletes what was kept. */
export function withdrawProfile(residentAccountId: string) {
  getDb().delete(residentProfiles).where(eq(residentProfiles.residentAccountId, residentAccountId)).run();
  recordAudit({ actor: { role: "resident", id: residentAccountId }, action: "profile.consent_withdrawn" });
}

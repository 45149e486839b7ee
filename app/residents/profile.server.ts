import { eq } from "drizzle-orm";
import { residentProfiles } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";

export const PROFILE_KEYS = ["phone", "email", "employer"] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

export function getProfile(residentAccountId: string) {
  return getDb().select().from(residentProfiles).where(eq(residentProfiles.residentAccountId, residentAccountId)).get();
}

/** Answers of a form that could be kept for reuse: those bound to profile.* paths. */
export function reusableAnswers(form: FormDefinition, answers: Answers): Partial<Record<ProfileKey, string>> {
  const out: Partial<Record<ProfileKey, string>> = {};
  for (const step of form.steps) {
    for (const f of step.fields) {
      const path = f.prefill?.path;
      if (!path?.startsWith("profile.")) continue;
      const key = path.slice("profile.".length) as ProfileKey;
      const value = answers[f.name];
      if (PROFILE_KEYS.includes(key) && typeof value === "string" && value) out[key] = value;
    }
  }
  return out;
}

/** Keeps the given contact data, with the resident's consent recorded. */
export function keepProfile(residentAccountId: string, values: Partial<Record<ProfileKey, string>>) {
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

/**
 * An optional second factor for staff (issue 13 point 4): TOTP, RFC 6238, with the otpauth library — six digits, 30
 * seconds, SHA-1, as every authenticator app reads from a QR code. A person turns it on from /staff/account by
 * entering a first code; then sign-in asks for a code after the password (/staff/login/code). A code is accepted once
 * (the last time step is kept) and one step either side of now. An administrator turns it off for someone who lost
 * their phone. Every change is audited.
 */
import { createCookie } from "@remix-run/node";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { staffUsers } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { getDb } from "../db.server";
import { getEnv } from "../env.server";
import { getSecrets } from "./session.server";

const ISSUER = "madoguchi";
const totpOf = (secret: string, label = "") => new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });

/** A key as newTotpSecret makes them (160 bits in base32): anything else posted back is not ours. */
export const isTotpSecret = (secret: string) => /^[A-Z2-7]{32}$/.test(secret);

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What the authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** The time step of a valid code (one step either side of now), or null. */
function stepOf(secret: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 30_000) + delta;
}

/** The current code of a secret (tests; the person's app computes it). */
export const currentCode = (secret: string, at = Date.now()) => totpOf(secret).generate({ timestamp: at });

export function hasSecondFactor(staffId: string): boolean {
  return Boolean(getDb().select({ s: staffUsers.totpSecret }).from(staffUsers).where(eq(staffUsers.id, staffId)).get()?.s);
}

/** Checks a sign-in code and uses it up: the same code is refused a second time. */
export function useSignInCode(staffId: string, code: string): boolean {
  const db = getDb();
  const row = db.select({ secret: staffUsers.totpSecret, last: staffUsers.totpLastStep }).from(staffUsers).where(eq(staffUsers.id, staffId)).get();
  if (!row?.secret) return false;
  const step = stepOf(row.secret, code);
  if (step === null || (row.last !== null && step <= row.last)) return false;
  // Used up only if no one used it meanwhile: another app server may have taken the same code since the read above.
  const usedUp = db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, staffId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
    .run();
  return usedUp.changes === 1;
}

/** Turns the second factor on with the secret the person's app was given, if the code shows the app has it. */
export function enableSecondFactor(staffId: string, secret: string, code: string): boolean {
  if (!isTotpSecret(secret)) return false;
  const step = stepOf(secret, code);
  if (step === null) return false;
  getDb().update(staffUsers).set({ totpSecret: secret, totpLastStep: step }).where(eq(staffUsers.id, staffId)).run();
  recordAudit({ actor: { role: "staff", id: staffId }, action: "staff.totp_enabled", subject: { type: "staff_user", id: staffId } });
  return true;
}

/** Turns it off: by the person (with a current code, checked by the caller) or by an administrator. */
export function disableSecondFactor(staffId: string, actor: AuditActor): boolean {
  const changed = getDb().update(staffUsers).set({ totpSecret: null, totpLastStep: null }).where(eq(staffUsers.id, staffId)).run().changes;
  if (changed) recordAudit({ actor, action: "staff.totp_disabled", subject: { type: "staff_user", id: staffId } });
  return changed > 0;
}

/** Checks a code of a person's own second factor without using it up (to turn it off). */
export function isCurrentCode(staffId: string, code: string): boolean {
  const secret = getDb().select({ s: staffUsers.totpSecret }).from(staffUsers).where(eq(staffUsers.id, staffId)).get()?.s;
  return Boolean(secret && stepOf(secret, code) !== null);
}

let pending: ReturnType<typeof createCookie> | undefined;
/** Between the password and the code: who passed the password, for five minutes, signed like the session cookie. */
export function pendingSignInCookie() {
  pending ??= createCookie("madoguchi_second_factor", {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().COOKIE_SECURE,
    path: "/staff/login",
    maxAge: 300,
    secrets: getSecrets(),
  });
  return pending;
}

export type PendingSignIn = { staffId: string; username: string; passwordMark: string; redirectTo: string; until: number };

export async function readPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value = (await pendingSignInCookie().parse(request.headers.get("Cookie"))) as PendingSignIn | null;
  return value && typeof value.staffId === "string" && typeof value.passwordMark === "string" && value.until > Date.now() ? value : null;
}

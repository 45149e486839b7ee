import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import { getEnv } from "../env.server";
import { DEMO_PASSWORD } from "./demo-password";
import { getDummyHash, verifyPassword } from "./password.server";
import { clearStaffSignInFailures, recordStaffSignInFailure, staffSignInTry } from "../security/throttle.server";
import { createSession } from "./session.server";
import { useSignInCode, type PendingSignIn } from "./totp.server";

export const staffSignInSchema = z.object({
  username: z.string().trim().min(1, "staffLogin.errors.usernameRequired").max(100, "staffLogin.errors.invalid"),
  password: z.string().min(1, "staffLogin.errors.passwordRequired").max(1000, "staffLogin.errors.invalid"),
});

export type StaffSignInResult =
  | { ok: true; setCookie: string; role: "staff" | "admin" }
  /** The password was right and the account has a second factor: the code comes next (/staff/login/code). */
  | { ok: "secondFactor"; staffId: string; username: string; passwordMark: string }
  | { ok: false; reason: "invalid" }
  /** The password was changed after the first step: the sign-in starts again (not a wrong code, not counted). */
  | { ok: false; reason: "restart" }
  | { ok: false; reason: "locked"; waitMs: number };

/**
 * Checks a staff password. An account that must still wait from this address (throttle.server.ts) is refused before
 * the password is even looked at, and unknown usernames cost the same scrypt time as known ones, so timing does not
 * reveal which accounts exist.
 */
export async function signInStaff(request: Request, credentials: z.infer<typeof staffSignInSchema>, ip: string): Promise<StaffSignInResult> {
  const username = credentials.username.toLowerCase();
  const tried = await staffSignInTry(username, ip, (right) => checkPassword(request, username, credentials.password, ip, right));
  if ("value" in tried) return tried.value;
  recordAudit({ actor: { role: "anonymous", id: null }, action: "auth.staff_sign_in_locked", details: { username, ip } });
  return { ok: false, reason: "locked", waitMs: tried.waitMs };
}

async function checkPassword(request: Request, username: string, password: string, ip: string, right: () => void): Promise<StaffSignInResult> {
  const user = getDb().select().from(staffUsers).where(eq(staffUsers.username, username)).get();
  const valid = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  // The demo password is public: it opens nothing outside a demo.
  const demoPasswordOutsideDemo = valid && !getEnv().DEMO && password === DEMO_PASSWORD;
  if (!user || !valid || user.disabled || demoPasswordOutsideDemo) {
    await recordStaffSignInFailure(username, ip);
    recordAudit({ actor: { role: "anonymous", id: null }, action: "auth.staff_sign_in_failed", details: { username, ip } });
    return { ok: false, reason: "invalid" };
  }
  right();
  if (user.totpSecret) return { ok: "secondFactor", staffId: user.id, username, passwordMark: passwordMark(user.passwordHash) };
  return completeSignIn(request, user, ip);
}

/**
 * Which password the first step of a sign-in with a second factor checked, carried to the code step (in its signed
 * cookie) without the hash itself: a password reset in between ends that sign-in.
 */
const passwordMark = (passwordHash: string) => createHash("sha256").update(passwordHash).digest("base64url");

type CheckedUser = Pick<typeof staffUsers.$inferSelect, "id" | "username" | "role" | "passwordHash">;

/**
 * The session, if the account is still as it was checked: the password check takes a while (scrypt), and an
 * administrator who reset the password or disabled the account meanwhile has ended its sessions for a reason.
 */
async function completeSignIn(request: Request, user: CheckedUser, ip: string): Promise<StaffSignInResult> {
  const unchanged = () => {
    const now = getDb()
      .select({ passwordHash: staffUsers.passwordHash, disabled: staffUsers.disabled })
      .from(staffUsers)
      .where(eq(staffUsers.id, user.id))
      .get();
    return now?.passwordHash === user.passwordHash && !now.disabled;
  };
  const setCookie = await createSession(request, { role: user.role, staffUserId: user.id }, unchanged);
  if (!setCookie) {
    recordAudit({
      actor: { role: "anonymous", id: null },
      action: "auth.staff_sign_in_failed",
      details: { username: user.username, ip, changedMeanwhile: true },
    });
    return { ok: false, reason: "invalid" };
  }
  await clearStaffSignInFailures(user.username, ip);
  getDb().update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, user.id)).run();
  recordAudit({ actor: { role: user.role, id: user.id }, action: "auth.sign_in", details: { ip } });
  return { ok: true as const, setCookie, role: user.role };
}

/**
 * The second step for an account with TOTP: the code from the person's app. A wrong code counts as a failed sign-in of
 * the account from this address (the same slow-down as a wrong password).
 */
export async function signInStaffWithCode(request: Request, pending: PendingSignIn, code: string, ip: string): Promise<StaffSignInResult> {
  const tried = await staffSignInTry(pending.username, ip, (right) => checkCode(request, pending, code, ip, right));
  return "value" in tried ? tried.value : { ok: false, reason: "locked", waitMs: tried.waitMs };
}

async function checkCode(request: Request, pending: PendingSignIn, code: string, ip: string, right: () => void): Promise<StaffSignInResult> {
  const user = getDb().select().from(staffUsers).where(eq(staffUsers.id, pending.staffId)).get();
  if (user && passwordMark(user.passwordHash) !== pending.passwordMark) {
    right();
    return { ok: false, reason: "restart" };
  }
  if (!user || user.disabled || !useSignInCode(user.id, code)) {
    await recordStaffSignInFailure(pending.username, ip);
    recordAudit({ actor: { role: "anonymous", id: null }, action: "auth.staff_second_factor_failed", details: { username: pending.username, ip } });
    return { ok: false, reason: "invalid" };
  }
  right();
  return completeSignIn(request, user, ip);
}

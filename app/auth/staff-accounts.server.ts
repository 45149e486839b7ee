/**
 * Staff accounts as administrators manage them (/admin/staff): create, change duty, disable and enable, reset the
 * password, unlock after failed sign-ins. Every change is written in one transaction with its audit entry, and the
 * last active administrator can be neither disabled nor demoted.
 */
import { randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { sessions, staffUsers } from "../../db/schema";
import { forgetStaffSignInFailures, staffWaitsByUsername } from "../security/throttle.server";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import { hashPassword } from "./password.server";
import { DUTIES, roleOfDuty, type Duty } from "./staff-duties";

/** The administrator making a change, and the session they make it from (kept when they reset their own password). */
export type AccountActor = { id: string; sessionIdHash: string };

export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  duty: Duty;
  role: "staff" | "admin";
  disabled: boolean;
  /** Until when sign-in is refused after failed attempts on this username; null when it is not locked. */
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

const accountColumns = {
  id: staffUsers.id,
  username: staffUsers.username,
  displayName: staffUsers.displayName,
  duty: staffUsers.duty,
  role: staffUsers.role,
  disabled: staffUsers.disabled,
  lastSignInAt: staffUsers.lastSignInAt,
  createdAt: staffUsers.createdAt,
};

export function listStaffAccounts(now = Date.now()): StaffAccount[] {
  const locked = staffWaitsByUsername(getDb().$client, now);
  return getDb()
    .select(accountColumns)
    .from(staffUsers)
    .orderBy(asc(staffUsers.username))
    .all()
    .map((a) => ({ ...a, lockedUntil: locked.get(a.username) ?? null }));
}

export function getStaffAccount(id: string, now = Date.now()): StaffAccount | null {
  const account = getDb().select(accountColumns).from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!account) return null;
  return { ...account, lockedUntil: staffWaitsByUsername(getDb().$client, now).get(account.username) ?? null };
}

// ── Input ───────────────────────────────────────────────────────────────────────────────────────

// Messages are i18n keys (admin.staff.errors.*), translated by the route.
const dutySchema = z.enum(DUTIES, { message: "admin.staff.errors.dutyRequired" });

export const newStaffAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "admin.staff.errors.usernameRequired")
    // As create-admin accepts them: the sign-in form lower-cases what is typed, so upper case could never sign in.
    .regex(/^[a-z0-9._-]{3,64}$/, "admin.staff.errors.usernameFormat"),
  displayName: z.string().trim().min(1, "admin.staff.errors.displayNameRequired").max(100, "admin.staff.errors.displayNameTooLong"),
  duty: dutySchema,
});
export type NewStaffAccount = z.infer<typeof newStaffAccountSchema>;

export const changeDutySchema = z.object({ duty: dutySchema });

// ── Passwords ───────────────────────────────────────────────────────────────────────────────────

// No 0/O, 1/l/I: the password is read off a screen and typed by hand. 32 letters = 5 bits each.
const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const PASSWORD_GROUPS = 4;
const PASSWORD_GROUP_LENGTH = 5;

/** A random password of 100 bits, in groups ("k7mqz-4wbte-…") so it can be read out and typed. */
export function generatePassword(): string {
  const groups = Array.from({ length: PASSWORD_GROUPS }, () =>
    Array.from({ length: PASSWORD_GROUP_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

// ── Changes ─────────────────────────────────────────────────────────────────────────────────────

export type AccountProblem = "notFound" | "usernameTaken" | "lastAdmin" | "self" | "forbidden";
export type AccountResult<T = object> = ({ ok: true } & T) | { ok: false; problem: AccountProblem };

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

class Refused extends Error {
  constructor(readonly problem: AccountProblem) {
    super(problem);
  }
}

/**
 * Runs a change in an IMMEDIATE transaction: the write lock is taken before anything is read, so two administrators
 * (even in two server processes) cannot both see "another admin remains" and together leave none. The actor is
 * checked again inside it: an administrator demoted or disabled a moment ago can change nothing.
 */
function change<T>(actor: AccountActor, work: (tx: Tx) => T): AccountResult<T> {
  try {
    const value = getDb().transaction(
      (tx) => {
        const me = tx.select({ role: staffUsers.role, disabled: staffUsers.disabled }).from(staffUsers).where(eq(staffUsers.id, actor.id)).get();
        if (!me || me.role !== "admin" || me.disabled) throw new Refused("forbidden");
        return work(tx);
      },
      { behavior: "immediate" },
    );
    return { ok: true, ...value };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

const auditActor = (actor: AccountActor) => ({ role: "admin" as const, id: actor.id });
const subject = (id: string) => ({ type: "staff_user", id });

function targetOf(tx: Tx, id: string) {
  const target = tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!target) throw new Refused("notFound");
  return target;
}

/** Refuses when the target is the only active administrator. */
function keepOneAdmin(tx: Tx, target: typeof staffUsers.$inferSelect) {
  if (target.role !== "admin" || target.disabled) return;
  const other = tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.disabled, false), ne(staffUsers.id, target.id)))
    .get();
  if (!other) throw new Refused("lastAdmin");
}

/** Creates an account with a generated password, returned here once and stored only as a hash. */
export async function createStaffAccount(input: NewStaffAccount, actor: AccountActor): Promise<AccountResult<{ id: string; password: string }>> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const result = change(actor, (tx) => {
    if (tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, input.username)).get()) throw new Refused("usernameTaken");
    tx.insert(staffUsers)
      .values({ id, username: input.username, displayName: input.displayName, passwordHash, duty: input.duty, role: roleOfDuty(input.duty) })
      .run();
    recordAudit(
      {
        actor: auditActor(actor),
        action: "staff.account_created",
        subject: subject(id),
        details: { username: input.username, displayName: input.displayName, duty: input.duty },
      },
      tx,
    );
    return {};
  });
  return result.ok ? { ok: true, id, password } : result;
}

/** Changes what the person does, and with it their role (a demotion takes effect on their next request). */
export function changeDuty(id: string, duty: Duty, actor: AccountActor): AccountResult<{ changed: boolean }> {
  return change(actor, (tx) => {
    const target = targetOf(tx, id);
    if (target.duty === duty) return { changed: false };
    if (roleOfDuty(duty) !== "admin") keepOneAdmin(tx, target);
    tx.update(staffUsers)
      .set({ duty, role: roleOfDuty(duty) })
      .where(eq(staffUsers.id, id))
      .run();
    recordAudit(
      { actor: auditActor(actor), action: "staff.duty_changed", subject: subject(id), details: { username: target.username, from: target.duty, to: duty } },
      tx,
    );
    return { changed: true };
  });
}

/** Disables an account and ends all its sessions at once, or enables it again. Nobody disables their own account. */
export function setAccountDisabled(id: string, disabled: boolean, actor: AccountActor): AccountResult<{ changed: boolean }> {
  return change(actor, (tx) => {
    const target = targetOf(tx, id);
    if (target.disabled === disabled) return { changed: false };
    if (disabled) {
      if (target.id === actor.id) throw new Refused("self");
      keepOneAdmin(tx, target);
      tx.delete(sessions).where(eq(sessions.staffUserId, id)).run();
    }
    tx.update(staffUsers).set({ disabled }).where(eq(staffUsers.id, id)).run();
    recordAudit(
      {
        actor: auditActor(actor),
        action: disabled ? "staff.account_disabled" : "staff.account_enabled",
        subject: subject(id),
        details: { username: target.username },
      },
      tx,
    );
    return { changed: true };
  });
}

/**
 * Gives the account a new generated password (returned once) and ends its sessions: whoever knew the old one is
 * signed out. An administrator resetting their own keeps the session they are using.
 */
export async function resetStaffPassword(id: string, actor: AccountActor): Promise<AccountResult<{ password: string; username: string; displayName: string }>> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return change(actor, (tx) => {
    const target = targetOf(tx, id);
    tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, id)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.staffUserId, id), ne(sessions.idHash, actor.sessionIdHash)))
      .run();
    recordAudit({ actor: auditActor(actor), action: "staff.password_reset", subject: subject(id), details: { username: target.username } }, tx);
    return { password, username: target.username, displayName: target.displayName };
  });
}

/**
 * Forgets the account's failed sign-ins from every address, so its waits end now. The wait of an address that failed
 * on many accounts is not the account's and stays until it expires.
 */
export function unlockStaffAccount(id: string, actor: AccountActor): AccountResult<{ changed: boolean }> {
  return change(actor, (tx) => {
    const target = targetOf(tx, id);
    // The same connection as the transaction's: the waits go with the audit entry, or not at all.
    const removed = forgetStaffSignInFailures(getDb().$client, target.username);
    if (removed > 0) {
      recordAudit(
        { actor: auditActor(actor), action: "staff.account_unlocked", subject: subject(id), details: { username: target.username, failures: removed } },
        tx,
      );
    }
    return { changed: removed > 0 };
  });
}

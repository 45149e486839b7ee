import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, staffUsers } from "../../db/schema";
import { seedDemoData } from "../../db/seed";
import type { Db } from "../db.server";
import { useTestDatabase } from "../test/db";
import { verifyPassword } from "./password.server";
import { recordStaffSignInFailure, staffSignInWait } from "../security/throttle.server";
import { createSession, getPrincipal } from "./session.server";
import {
  changeDuty,
  createStaffAccount,
  generatePassword,
  getStaffAccount,
  listStaffAccounts,
  newStaffAccountSchema,
  resetStaffPassword,
  setAccountDisabled,
  unlockStaffAccount,
  type AccountActor,
} from "./staff-accounts.server";
import { signInStaff } from "./staff-sign-in.server";

let db: Db;
const admin1: AccountActor = { id: "staff-admin1", sessionIdHash: "admin1-session" };

const requestWith = (setCookie?: string) => new Request("http://localhost/", { headers: setCookie ? { Cookie: setCookie.split(";")[0]! } : {} });
const signIn = (username: string, password: string) => signInStaff(requestWith(), { username, password }, "10.0.0.1");
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const activeAdmins = () =>
  db
    .select()
    .from(staffUsers)
    .all()
    .filter((u) => u.role === "admin" && !u.disabled);

/** Every value in every table, as text: a password must not appear anywhere in the database. */
function wholeDatabase(): string {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => JSON.stringify(db.$client.prepare(`select * from "${name}"`).all())).join("\n");
}

async function newClerk(username = "suzuki") {
  const result = await createStaffAccount({ username, displayName: "鈴木 一郎", duty: "counter" }, admin1);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

async function secondAdmin() {
  const result = await createStaffAccount({ username: "admin2", displayName: "管理 次郎", duty: "admin" }, admin1);
  if (!result.ok) throw new Error(result.problem);
  return { id: result.id, sessionIdHash: "admin2-session" };
}

beforeEach(async () => {
  db = useTestDatabase();
  await seedDemoData(db);
});

describe("generated passwords", () => {
  it("are long, random and easy to type", () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    expect(new Set(passwords).size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
  });
});

describe("creating an account", () => {
  it("stores only a hash of the generated password, which then signs in, with the role the duty gives", async () => {
    const { id, password } = await newClerk();
    const row = db.select().from(staffUsers).where(eq(staffUsers.id, id)).get()!;
    expect(row).toMatchObject({ username: "suzuki", duty: "counter", role: "staff", disabled: false });
    expect(await verifyPassword(password, row.passwordHash)).toBe(true);
    expect(wholeDatabase()).not.toContain(password);

    const signedIn = await signIn("suzuki", password);
    expect(signedIn).toMatchObject({ ok: true, role: "staff" });
    expect(getStaffAccount(id)!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("gives a 管理者 the admin role", async () => {
    const { id } = await secondAdmin();
    expect(getStaffAccount(id)).toMatchObject({ duty: "admin", role: "admin" });
  });

  it("is audited with who, what and which account, never the password", async () => {
    const { id, password } = await newClerk();
    const [entry] = auditOf("staff.account_created");
    expect(entry).toMatchObject({
      actorRole: "admin",
      actorId: "staff-admin1",
      subjectType: "staff_user",
      subjectId: id,
      details: { username: "suzuki", displayName: "鈴木 一郎", duty: "counter" },
    });
    expect(entry!.at).toBeInstanceOf(Date);
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  it("refuses a username that exists, writing nothing", async () => {
    const before = wholeDatabase();
    expect(await createStaffAccount({ username: "counter1", displayName: "x", duty: "reviewer" }, admin1)).toEqual({ ok: false, problem: "usernameTaken" });
    expect(wholeDatabase()).toBe(before);
  });

  it("validates the form: lower-cases the username and refuses what could never sign in", () => {
    expect(newStaffAccountSchema.parse({ username: " Sato.K ", displayName: " 佐藤 ", duty: "reviewer" })).toEqual({
      username: "sato.k",
      displayName: "佐藤",
      duty: "reviewer",
    });
    const bad = newStaffAccountSchema.safeParse({ username: "佐藤", displayName: "", duty: "boss" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["username", "admin.staff.errors.usernameFormat"],
      ["displayName", "admin.staff.errors.displayNameRequired"],
      ["duty", "admin.staff.errors.dutyRequired"],
    ]);
  });
});

describe("changing duty", () => {
  it("changes the role with it, at once for a signed-in person, and is audited", async () => {
    const cookie = await createSession(requestWith(), { role: "staff", staffUserId: "staff-counter1" });
    expect(changeDuty("staff-counter1", "admin", admin1)).toEqual({ ok: true, changed: true });
    expect(await getPrincipal(requestWith(cookie))).toMatchObject({ role: "admin" });
    expect(changeDuty("staff-counter1", "reviewer", admin1)).toEqual({ ok: true, changed: true });
    expect(await getPrincipal(requestWith(cookie))).toMatchObject({ role: "staff", staff: { duty: "reviewer" } });
    expect(auditOf("staff.duty_changed").map((e) => e.details)).toEqual([
      { username: "counter1", from: "counter", to: "admin" },
      { username: "counter1", from: "admin", to: "reviewer" },
    ]);
  });

  it("never demotes the last active administrator, who may step down once there is another", async () => {
    expect(changeDuty("staff-admin1", "counter", admin1)).toEqual({ ok: false, problem: "lastAdmin" });
    expect(getStaffAccount("staff-admin1")!.role).toBe("admin");
    expect(auditOf("staff.duty_changed")).toEqual([]);

    const admin2 = await secondAdmin();
    setAccountDisabled(admin2.id, true, admin1);
    // A disabled administrator does not count.
    expect(changeDuty("staff-admin1", "counter", admin1)).toEqual({ ok: false, problem: "lastAdmin" });
    setAccountDisabled(admin2.id, false, admin1);
    expect(changeDuty("staff-admin1", "counter", admin1)).toEqual({ ok: true, changed: true });
    expect(activeAdmins().map((a) => a.username)).toEqual(["admin2"]);
  });

  it("two administrators demoting each other at once leave one administrator", async () => {
    const admin2 = await secondAdmin();
    // Both loaded the page while both were administrators; the second change arrives after the first.
    expect(changeDuty(admin2.id, "reviewer", admin1)).toMatchObject({ ok: true });
    expect(changeDuty("staff-admin1", "reviewer", admin2)).toEqual({ ok: false, problem: "forbidden" });
    expect(activeAdmins().map((a) => a.id)).toEqual(["staff-admin1"]);
  });
});

describe("disabling and enabling", () => {
  it("ends every session of the account, refuses its sign-in, and lets it in again when enabled", async () => {
    const { id, password } = await newClerk();
    const first = await signIn("suzuki", password);
    const second = await signIn("suzuki", password);
    if (first.ok !== true || second.ok !== true) throw new Error("sign-in failed");

    expect(setAccountDisabled(id, true, admin1)).toEqual({ ok: true, changed: true });
    expect(await getPrincipal(requestWith(first.setCookie))).toBeNull();
    expect(await getPrincipal(requestWith(second.setCookie))).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.staffUserId, id)).all()).toEqual([]);
    expect(await signIn("suzuki", password)).toEqual({ ok: false, reason: "invalid" });

    expect(setAccountDisabled(id, false, admin1)).toEqual({ ok: true, changed: true });
    expect(await signIn("suzuki", password)).toMatchObject({ ok: true });
    expect(auditOf("staff.account_disabled")).toMatchObject([{ actorId: "staff-admin1", subjectId: id, details: { username: "suzuki" } }]);
    expect(auditOf("staff.account_enabled")).toMatchObject([{ actorId: "staff-admin1", subjectId: id }]);
  });

  it("refuses an administrator disabling their own account", () => {
    expect(setAccountDisabled("staff-admin1", true, admin1)).toEqual({ ok: false, problem: "self" });
    expect(activeAdmins()).toHaveLength(1);
  });

  it("two administrators disabling each other at once leave one administrator", async () => {
    const admin2 = await secondAdmin();
    expect(setAccountDisabled(admin2.id, true, admin1)).toMatchObject({ ok: true });
    expect(setAccountDisabled("staff-admin1", true, admin2)).toEqual({ ok: false, problem: "forbidden" });
    expect(activeAdmins().map((a) => a.id)).toEqual(["staff-admin1"]);
  });
});

describe("resetting a password", () => {
  it("replaces the password, ends the account's sessions, and is audited without the password", async () => {
    const { id, password: old } = await newClerk();
    const signedIn = await signIn("suzuki", old);
    if (signedIn.ok !== true) throw new Error("sign-in failed");

    const reset = await resetStaffPassword(id, admin1);
    if (!reset.ok) throw new Error(reset.problem);
    expect(reset.password).not.toBe(old);
    expect(await getPrincipal(requestWith(signedIn.setCookie))).toBeNull();
    expect(await signIn("suzuki", old)).toMatchObject({ ok: false });
    expect(await signIn("suzuki", reset.password)).toMatchObject({ ok: true });
    expect(wholeDatabase()).not.toContain(reset.password);
    expect(auditOf("staff.password_reset")).toMatchObject([{ actorId: "staff-admin1", subjectId: id, details: { username: "suzuki" } }]);
  });

  it("keeps the session an administrator resets their own password from", async () => {
    const mine = await createSession(requestWith(), { role: "admin", staffUserId: "staff-admin1" });
    const elsewhere = await createSession(requestWith(), { role: "admin", staffUserId: "staff-admin1" });
    const principal = (await getPrincipal(requestWith(mine)))!;
    expect(await resetStaffPassword("staff-admin1", { id: "staff-admin1", sessionIdHash: principal.sessionIdHash })).toMatchObject({ ok: true });
    expect(await getPrincipal(requestWith(mine))).not.toBeNull();
    expect(await getPrincipal(requestWith(elsewhere))).toBeNull();
  });
});

describe("unlocking", () => {
  it("shows until when an account must wait and ends every wait of it, audited", async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await recordStaffSignInFailure("counter1", "10.0.0.1");
    for (let i = 0; i < 6; i++) await recordStaffSignInFailure("counter1", "10.0.0.3");
    expect(await staffSignInWait("counter1", "10.0.0.1")).toBeGreaterThan(25_000);
    expect(await staffSignInWait("counter1", "10.0.0.2")).toBe(0);
    const waiting = listStaffAccounts(now).find((a) => a.username === "counter1")!;
    // The longest wait: six failures from 10.0.0.3, 60 seconds.
    expect(waiting.lockedUntil!.getTime() - now).toBeGreaterThan(55_000);
    expect(waiting.lockedUntil!.getTime() - now).toBeLessThanOrEqual(61_000);
    expect(listStaffAccounts(now).find((a) => a.username === "reviewer1")!.lockedUntil).toBeNull();

    expect(unlockStaffAccount("staff-counter1", admin1)).toEqual({ ok: true, changed: true });
    expect(await staffSignInWait("counter1", "10.0.0.1")).toBe(0);
    expect(await staffSignInWait("counter1", "10.0.0.3")).toBe(0);
    expect(getStaffAccount("staff-counter1")!.lockedUntil).toBeNull();
    expect(auditOf("staff.account_unlocked")).toMatchObject([{ actorId: "staff-admin1", subjectId: "staff-counter1", details: { failures: 4 } }]);
  });

  it("four failures are no wait", async () => {
    for (let i = 0; i < 4; i++) await recordStaffSignInFailure("counter1", "10.0.0.1");
    expect(getStaffAccount("staff-counter1")!.lockedUntil).toBeNull();
  });
});

describe("who may change accounts", () => {
  it("only an active administrator; a clerk changes nothing", async () => {
    const clerk: AccountActor = { id: "staff-counter1", sessionIdHash: "x" };
    const before = wholeDatabase();
    expect(await createStaffAccount({ username: "sato", displayName: "佐藤", duty: "admin" }, clerk)).toEqual({ ok: false, problem: "forbidden" });
    expect(changeDuty("staff-counter1", "admin", clerk)).toEqual({ ok: false, problem: "forbidden" });
    expect(setAccountDisabled("staff-admin1", true, clerk)).toEqual({ ok: false, problem: "forbidden" });
    expect(await resetStaffPassword("staff-admin1", clerk)).toEqual({ ok: false, problem: "forbidden" });
    expect(unlockStaffAccount("staff-admin1", clerk)).toEqual({ ok: false, problem: "forbidden" });
    expect(wholeDatabase()).toBe(before);
  });

  it("an unknown account is not found", async () => {
    expect(changeDuty("nobody", "admin", admin1)).toEqual({ ok: false, problem: "notFound" });
    expect(setAccountDisabled("nobody", true, admin1)).toEqual({ ok: false, problem: "notFound" });
    expect(await resetStaffPassword("nobody", admin1)).toEqual({ ok: false, problem: "notFound" });
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../db/seed";
import type * as Passwords from "./password.server";
import { useTestDatabase } from "../test/db";
import { createStaffAccount, resetStaffPassword, setAccountDisabled, type AccountActor } from "./staff-accounts.server";
import { signInStaff, signInStaffWithCode } from "./staff-sign-in.server";
import { currentCode, enableSecondFactor, newTotpSecret } from "./totp.server";

// What an administrator does while a sign-in's password check (scrypt, on another thread) is running.
const duringCheck = vi.hoisted(() => ({ run: undefined as undefined | (() => Promise<unknown> | unknown) }));
vi.mock("./password.server", async (original) => {
  const real = await original<typeof Passwords>();
  return {
    ...real,
    verifyPassword: async (password: string, hash: string) => {
      const valid = await real.verifyPassword(password, hash);
      const run = duringCheck.run;
      duringCheck.run = undefined;
      await run?.();
      return valid;
    },
  };
});

const admin1: AccountActor = { id: "staff-admin1", sessionIdHash: "admin1-session" };
const signIn = (password: string) => signInStaff(new Request("http://localhost/"), { username: "suzuki", password }, "10.0.0.1");
let db: ReturnType<typeof useTestDatabase>;
const sessionsOf = (id: string) => db.$client.prepare("select count(*) from sessions where staff_user_id = ?").pluck().get(id);

async function newClerk() {
  const result = await createStaffAccount({ username: "suzuki", displayName: "鈴木 一郎", duty: "counter" }, admin1);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

describe("a staff sign-in that meets an administrator's change", () => {
  beforeEach(async () => {
    db = useTestDatabase();
    await seedDemoData(db);
  });

  it("with the old password, opens no session when the password is reset during its check", async () => {
    const { id, password } = await newClerk();
    duringCheck.run = () => resetStaffPassword(id, admin1);
    // Before, the session was written after the reset had ended the account's sessions: the old password kept one.
    expect(await signIn(password)).toMatchObject({ ok: false, reason: "invalid" });
    expect(sessionsOf(id)).toBe(0);
  });

  it("opens no session for an account disabled during its check", async () => {
    const { id, password } = await newClerk();
    duringCheck.run = () => setAccountDisabled(id, true, admin1);
    expect(await signIn(password)).toMatchObject({ ok: false, reason: "invalid" });
    expect(sessionsOf(id)).toBe(0);
  });

  it("with a second factor, opens no session when the password is reset between the password and the code", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { id, password } = await newClerk();
      const secret = newTotpSecret();
      expect(enableSecondFactor(id, secret, currentCode(secret))).toBe(true);
      vi.setSystemTime(Date.now() + 30_000); // the code that turned it on is used up
      const first = await signIn(password);
      if (first.ok !== "secondFactor") throw new Error("expected the code step");
      const pending = { ...first, redirectTo: "/staff", until: Date.now() + 300_000 };
      await resetStaffPassword(id, admin1);
      // Before, the code alone finished a sign-in begun with the password the reset had replaced.
      expect(await signInStaffWithCode(new Request("http://localhost/"), pending, currentCode(secret), "10.0.0.1")).toEqual({ ok: false, reason: "restart" });
      expect(sessionsOf(id)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("opens a session when nothing changed", async () => {
    const { id, password } = await newClerk();
    expect(await signIn(password)).toMatchObject({ ok: true });
    expect(sessionsOf(id)).toBe(1);
  });
});

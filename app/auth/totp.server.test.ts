import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../db/seed";
import type { Db } from "../db.server";
import { staffSignInWait } from "../security/throttle.server";
import { staffUsers } from "../../db/schema";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { signInStaff, signInStaffWithCode } from "./staff-sign-in.server";
import { currentCode, disableSecondFactor, enableSecondFactor, hasSecondFactor, isCurrentCode, newTotpSecret, totpUri, useSignInCode } from "./totp.server";

let db: Db;
const request = () => new Request("http://localhost/");
const audited = (action: string) => db.$client.prepare("select count(*) from audit_log where action = ?").pluck().get(action);

beforeEach(async () => {
  db = useTestDatabase();
  await seedDemoData(db);
});

describe("the TOTP second factor (RFC 6238)", () => {
  it("is turned on only with a code from the app that has the key, and is audited", () => {
    const secret = newTotpSecret();
    expect(totpUri(secret, "counter1")).toMatch(/^otpauth:\/\/totp\/madoguchi:counter1\?.*secret=[A-Z2-7]+/);
    expect(enableSecondFactor("staff-counter1", secret, "000000") && currentCode(secret) !== "000000").toBe(false);
    expect(hasSecondFactor("staff-counter1")).toBe(false);
    expect(enableSecondFactor("staff-counter1", secret, currentCode(secret))).toBe(true);
    expect(hasSecondFactor("staff-counter1")).toBe(true);
    expect(audited("staff.totp_enabled")).toBe(1);
  });

  it("asks for the code after the right password, accepts it once, and counts a wrong one as a failed sign-in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const secret = newTotpSecret();
      expect(enableSecondFactor("staff-counter1", secret, currentCode(secret))).toBe(true);
      // The code that turned it on is used up: sign-in takes the next one.
      vi.setSystemTime(Date.now() + 30_000);
      const first = await signInStaff(request(), { username: "counter1", password: "madoguchi-demo" }, "10.0.0.1");
      expect(first).toEqual({ ok: "secondFactor", staffId: "staff-counter1", username: "counter1", passwordMark: expect.any(String) });
      if (first.ok !== "secondFactor") throw new Error("expected the code step");
      const pending = { ...first, redirectTo: "/staff", until: Date.now() + 300_000 };
      expect(await signInStaffWithCode(request(), pending, "123 456", "10.0.0.1")).toMatchObject({ ok: false });
      const code = currentCode(secret);
      expect(await signInStaffWithCode(request(), pending, code, "10.0.0.1")).toMatchObject({ ok: true });
      // The same code a second time (someone looking over the shoulder) is refused.
      expect(await signInStaffWithCode(request(), pending, code, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
      for (let i = 0; i < 5; i++) await signInStaffWithCode(request(), pending, "000000", "10.0.0.2");
      expect(await staffSignInWait("counter1", "10.0.0.2")).toBeGreaterThan(0);
      expect(audited("auth.staff_second_factor_failed")).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is turned off by an administrator for someone who lost their phone, audited", () => {
    const secret = newTotpSecret();
    enableSecondFactor("staff-counter1", secret, currentCode(secret));
    expect(isCurrentCode("staff-counter1", currentCode(secret))).toBe(true);
    expect(disableSecondFactor("staff-counter1", { role: "admin", id: "staff-admin1" })).toBe(true);
    expect(hasSecondFactor("staff-counter1")).toBe(false);
    expect(isCurrentCode("staff-counter1", currentCode(secret))).toBe(false);
    expect(audited("staff.totp_disabled")).toBe(1);
  });

  it("takes a code once when another app server takes the same code at the same moment", async () => {
    const { db: fileDb, file, remove } = useTestDatabaseFile();
    try {
      const secret = newTotpSecret();
      fileDb
        .insert(staffUsers)
        .values({ id: "s1", username: "s1", displayName: "s1", passwordHash: "x", role: "staff", duty: "reviewer", totpSecret: secret })
        .run();
      const code = currentCode(secret);
      // The other server has checked the same code and is writing that it is used up.
      const { committed } = await writerElsewhere(file, `update staff_users set totp_last_step = ${Math.floor(Date.now() / 30_000)} where id = 's1'`);
      expect(writeLockHeld(file)).toBe(true);
      // This one read the code as unused before the other's write was committed: it let the code in a second time.
      expect(useSignInCode("s1", code)).toBe(false);
      await committed;
    } finally {
      remove();
    }
  }, 20_000);
});

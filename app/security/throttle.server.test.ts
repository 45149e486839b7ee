import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../db/seed";
import { signInStaff } from "../auth/staff-sign-in.server";
import { getDb } from "../db.server";
import { useTestDatabase } from "../test/db";
import { allow, clearStaffSignInFailures, countAddressTry, recordStaffSignInFailure, staffSignInWait, waitAfterFailures } from "./throttle.server";

beforeEach(async () => {
  await seedDemoData(useTestDatabase());
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => vi.useRealTimers());

const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
const signIn = (password: string, address: string) => signInStaff(new Request("http://localhost/"), { username: "counter1", password }, address);

describe("staff sign-in slows down per account and address", () => {
  it("lets four wrong passwords pass, then makes that address wait 30 s, doubling, at most 15 minutes", () => {
    expect([1, 4, 5, 6, 7, 20].map(waitAfterFailures)).toEqual([0, 0, 30, 60, 120, 900]);
  });

  it("keeps the account open from another address while one guesses (the finding: anyone locked every account)", async () => {
    for (let i = 0; i < 5; i++) expect(await signIn(`wrong-${i}`, "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    // The right password waits too from the guessing address, and is not even checked …
    expect(await signIn("madoguchi-demo", "203.0.113.9")).toMatchObject({ ok: false, reason: "locked" });
    // … while the clerk at their own desk signs in.
    expect(await signIn("madoguchi-demo", "10.0.0.5")).toMatchObject({ ok: true });
    later(31);
    expect(await staffSignInWait("counter1", "203.0.113.9")).toBe(0);
    expect(await signIn("wrong-again", "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    const second = await staffSignInWait("counter1", "203.0.113.9");
    expect(second).toBeGreaterThan(55_000);
    expect(second).toBeLessThanOrEqual(60_000);
  });

  it("counts guesses sent at once: only the first five reach the password check (the finding: twenty did)", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(`wrong-${i}`, "203.0.113.7")));
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => r.ok === false && r.reason === "locked")).toHaveLength(15);
    // The right password sent beside them is not let through either, and it waits like any other try.
    expect(await signIn("madoguchi-demo", "203.0.113.7")).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts an account's tries under way on other app servers: with five under way, a sixth waits (each server let one through)", async () => {
    // Tries of counter1 from an address being checked on other app servers: their rows in the shared table.
    const underWay = (address: string, n: number) => {
      for (let i = 0; i < n; i++)
        getDb()
          .$client.prepare("insert into rate_limits (key, points, expire) values (?, 1, ?)")
          .run(`staff-try:counter1|${address}|elsewhere-${i}`, Date.now() + 60_000);
    };
    underWay("203.0.113.11", 4);
    expect(await signIn("wrong", "203.0.113.11")).toEqual({ ok: false, reason: "invalid" });
    underWay("203.0.113.12", 5);
    // Before, this server checked its try as if it were alone: a sixth guess while five were under way.
    expect(await signIn("wrong", "203.0.113.12")).toMatchObject({ ok: false, reason: "locked" });
    // A try that ended leaves no row behind; those of a server that died end after a minute.
    expect(getDb().$client.prepare("select count(*) from rate_limits where key like 'staff-try:counter1|203.0.113.11|%'").pluck().get()).toBe(4);
    vi.setSystemTime(Date.now() + 61_000);
    expect(await signIn("wrong-again", "203.0.113.12")).toEqual({ ok: false, reason: "invalid" });
  });

  it("gives an address's try back only within its hour: given back later, the next hour would allow one failure more", async () => {
    const counted = countAddressTry("10.0.0.78");
    later(3601);
    for (let i = 0; i < 51; i++) countAddressTry("10.0.0.78");
    counted.giveBack();
    expect(countAddressTry("10.0.0.78").waitMs).toBeGreaterThan(0);
  });

  it("forgets an account's failures from an address once it signs in from there", async () => {
    for (let i = 0; i < 4; i++) await recordStaffSignInFailure("counter1", "10.0.0.1");
    await clearStaffSignInFailures("counter1", "10.0.0.1");
    await recordStaffSignInFailure("counter1", "10.0.0.1");
    expect(await staffSignInWait("counter1", "10.0.0.1")).toBe(0);
  });

  it("counts tries on many accounts sent at once from one address: 51 reach a password check, not all (password spraying)", async () => {
    const spray = (i: number) => signInStaff(new Request("http://localhost/"), { username: `nobody${i}`, password: "Password1" }, "203.0.113.50");
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => spray(i)));
    // Before, each account's first try passed the address's check before any failure was counted: 60 were checked.
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(51);
    expect(results.filter((r) => r.ok === false && r.reason === "locked")).toHaveLength(9);
    expect(await signIn("madoguchi-demo", "203.0.113.50")).toMatchObject({ ok: false, reason: "locked" });
  }, 20_000);

  it("gives a right password's try back: an address counts failures, not sign-ins", async () => {
    for (let i = 0; i < 50; i++) countAddressTry("10.0.0.77");
    expect(await signIn("madoguchi-demo", "10.0.0.77")).toMatchObject({ ok: true });
    expect(await signIn("madoguchi-demo", "10.0.0.77")).toMatchObject({ ok: true });
    expect(await signIn("wrong", "10.0.0.77")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await signIn("madoguchi-demo", "10.0.0.77")).toMatchObject({ ok: false, reason: "locked" });
  });

  it("makes an address that fails on many accounts wait, for any account", async () => {
    for (let i = 0; i < 51; i++) expect(countAddressTry("10.0.0.9").waitMs).toBe(0);
    expect(countAddressTry("10.0.0.9").waitMs).toBeGreaterThan(0);
    expect(await staffSignInWait("someone-new", "10.0.0.9")).toBeGreaterThan(0);
    expect(await staffSignInWait("someone-new", "10.0.0.8")).toBe(0);
  });
});

describe("per-address limits", () => {
  it("allows 60 new drafts from an address in ten minutes, then refuses until the window ends (the finding: 5,039 in 20 s)", async () => {
    for (let i = 0; i < 60; i++) expect(await allow("drafts", "198.51.100.1")).toBe(true);
    expect(await allow("drafts", "198.51.100.1")).toBe(false);
    expect(await allow("drafts", "198.51.100.2")).toBe(true);
    later(601);
    expect(await allow("drafts", "198.51.100.1")).toBe(true);
  });

  it("counts uploads and resident sign-ins apart from drafts", async () => {
    for (let i = 0; i < 60; i++) await allow("drafts", "198.51.100.3");
    expect(await allow("uploads", "198.51.100.3")).toBe(true);
    expect(await allow("residentSignIn", "198.51.100.3")).toBe(true);
  });
});

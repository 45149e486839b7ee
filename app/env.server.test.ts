import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  const secrets = [randomBytes(32).toString("hex"), randomBytes(32).toString("hex"), randomBytes(32).toString("hex"), randomBytes(32).toString("hex")];
  const secret = (n: number) => secrets[n]!;

  it("gives the documented defaults; the demo is off unless set (found: no DEMO variable meant the demo was on)", () => {
    expect(() => parseEnv({})).toThrow(/SESSION_SECRET: required when DEMO=off/);
    const env = parseEnv({ SESSION_SECRET: secret(1) });
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_PATH: "./data/madoguchi.sqlite",
      DEMO: false,
      NODE_ENV: "development",
      COOKIE_SECURE: false,
      RETENTION_SCHEDULE: true,
    });
    // One of several app servers leaves the daily job to another (or to cron).
    expect(parseEnv({ SESSION_SECRET: secret(1), RETENTION_SCHEDULE: "off" }).RETENTION_SCHEDULE).toBe(false);
  });

  it("makes cookies Secure in production unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production", DEMO: "on" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", DEMO: "on", COOKIE_SECURE: "off" }).COOKIE_SECURE).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DEMO: "maybe" })).toThrow(/DEMO: must be one of on, off/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
  });

  it("requires a session secret when the demo is off", () => {
    expect(() => parseEnv({ DEMO: "off" })).toThrow(/SESSION_SECRET: required when DEMO=off/);
    const secrets = parseEnv({ DEMO: "off", SESSION_SECRET: `${secret(1)}, ${secret(2)}` }).SESSION_SECRET;
    expect(secrets).toEqual([secret(1), secret(2)]);
  });

  it("refuses a secret that is long but guessable", () => {
    for (const weak of ["a".repeat(32), "password".repeat(4), "madoguchi-madoguchi-madoguchi-mad", "abababababababababababababababab"])
      expect(() => parseEnv({ DEMO: "off", SESSION_SECRET: weak }), weak).toThrow(/SESSION_SECRET: a secret is too easy to guess/);
    expect(() => parseEnv({ DEMO: "off", SESSION_SECRET: `${secret(3)},${"x".repeat(40)}` })).toThrow(/too easy to guess/);
    // 32 random hex characters (openssl rand -hex 16) and base64 of 32 random bytes pass.
    expect(parseEnv({ DEMO: "off", SESSION_SECRET: "9f86d081884c7d659a2feaa0c55ad015" }).SESSION_SECRET).toHaveLength(1);
    expect(parseEnv({ DEMO: "off", SESSION_SECRET: "q3Jx8vN0bT5+Yk2LwZr9aF7mUe1Hc6sDpG4oIiVtQ/E=" }).SESSION_SECRET).toHaveLength(1);
  });
});

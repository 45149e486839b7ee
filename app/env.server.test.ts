import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_PATH: "./data/madoguchi.sqlite", DEMO: true, NODE_ENV: "development", COOKIE_SECURE: false });
  });

  it("makes cookies Secure in production unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "off" }).COOKIE_SECURE).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DEMO: "maybe" })).toThrow(/DEMO: must be one of on, off/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
  });

  it("requires a session secret when the demo is off", () => {
    expect(() => parseEnv({ DEMO: "off" })).toThrow(/SESSION_SECRET: required when DEMO=off/);
    const secrets = parseEnv({ DEMO: "off", SESSION_SECRET: `${"a".repeat(32)}, ${"b".repeat(32)}` }).SESSION_SECRET;
    expect(secrets).toEqual(["a".repeat(32), "b".repeat(32)]);
  });
});

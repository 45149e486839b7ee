import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessions } from "../../db/schema";
import { seedDemoData } from "../../db/seed";
import { useTestDatabase } from "../test/db";
import { createSession, endSession, getPrincipal } from "./session.server";
import { requireAdmin, requireResident, requireStaff, safeRedirectPath } from "./guards.server";

const requestWith = (setCookie?: string, path = "/") =>
  new Request(`http://localhost${path}`, { headers: setCookie ? { Cookie: setCookie.split(";")[0]! } : {} });

describe("sessions", () => {
  beforeEach(async () => {
    const db = useTestDatabase();
    await seedDemoData(db);
  });

  it("stores only a hash of the id and resolves the principal from the account", async () => {
    const setCookie = await createSession(requestWith(), { role: "staff", staffUserId: "staff-counter1" });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const principal = await getPrincipal(requestWith(setCookie));
    expect(principal).toMatchObject({ role: "staff", staff: { username: "counter1" } });
    const rows = (await import("../db.server")).getDb().select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(setCookie).not.toContain(rows[0]!.idHash);
  });

  it("ends the old session when a new one starts, and on sign-out", async () => {
    const first = await createSession(requestWith(), { role: "staff", staffUserId: "staff-counter1" });
    const second = await createSession(requestWith(first), { role: "admin", staffUserId: "staff-admin1" });
    expect(await getPrincipal(requestWith(first))).toBeNull();
    expect(await getPrincipal(requestWith(second))).toMatchObject({ role: "admin" });
    await endSession(requestWith(second));
    expect(await getPrincipal(requestWith(second))).toBeNull();
  });

  it("expires", async () => {
    const setCookie = await createSession(requestWith(), { role: "staff", staffUserId: "staff-counter1" });
    vi.useFakeTimers({ now: Date.now() + 9 * 3600_000 });
    try {
      expect(await getPrincipal(requestWith(setCookie))).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects a cookie that was not signed by us", async () => {
    expect(await getPrincipal(new Request("http://localhost/", { headers: { Cookie: "madoguchi_session=forged" } }))).toBeNull();
  });
});

describe("guards", () => {
  beforeEach(async () => {
    await seedDemoData(useTestDatabase());
  });

  const thrown = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as Response;
    }
    throw new Error("expected the guard to throw");
  };

  it("redirect to sign-in when nobody is signed in, keeping where they wanted to go", async () => {
    const res = await thrown(requireStaff(requestWith(undefined, "/staff?status=received")));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/staff/login?redirectTo=%2Fstaff%3Fstatus%3Dreceived");
    expect((await thrown(requireResident(requestWith()))).headers.get("Location")).toMatch(/^\/login\?/);
  });

  it("answer 403 to the wrong role", async () => {
    const staff = await createSession(requestWith(), { role: "staff", staffUserId: "staff-counter1" });
    expect((await thrown(requireAdmin(requestWith(staff)))).status).toBe(403);
    expect((await thrown(requireResident(requestWith(staff)))).status).toBe(403);
    await expect(requireStaff(requestWith(staff))).resolves.toMatchObject({ role: "staff" });
  });

  it("only redirect to local paths after sign-in", () => {
    expect(safeRedirectPath("/staff?x=1")).toBe("/staff?x=1");
    expect(safeRedirectPath("//evil.example/")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
    expect(safeRedirectPath(null, "/mypage")).toBe("/mypage");
    // Found in review: redirectTo=/%09/evil.example (a tab, which browsers drop, then //) left the site.
    expect(safeRedirectPath(new URLSearchParams("redirectTo=/%09/evil.example").get("redirectTo"))).toBe("/");
    for (const sneaky of ["/\t/evil.example", "/\n/evil.example", "/\r\n//evil.example", "/\u0000/evil", "/\\/evil.example", "/./\\evil.example"])
      expect(safeRedirectPath(sneaky), JSON.stringify(sneaky)).toBe("/");
    // Paths of this site stay as they are, encoded parts included.
    expect(safeRedirectPath("/procedures/juminhyo/steps/request?back=check#copies")).toBe("/procedures/juminhyo/steps/request?back=check#copies");
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});

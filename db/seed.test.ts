import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../app/auth/password.server";
import { useTestDatabase } from "../app/test/db";
import { auditLog, households, moveInPersons, publicFundsAccounts, persons, staffUsers } from "./schema";
import { DEMO_PASSWORD, seedDemoData } from "./seed";

describe("demo seed", () => {
  it("seeds the registry, a pending move-in and the three staff accounts, once", async () => {
    const db = useTestDatabase();
    const today = new Date("2031-04-01T00:00:00Z");
    expect(await seedDemoData(db, today)).toBe(true);
    expect(await seedDemoData(db, today)).toBe(false);

    const people = db.select().from(persons).all();
    expect(people.length).toBeGreaterThanOrEqual(12);
    expect(db.select().from(households).all().length).toBeGreaterThanOrEqual(5);
    const names = people.map((p) => p.familyName + p.givenName).join(",");
    for (const rare of ["髙", "﨑", "𠮷"]) expect(names).toContain(rare);

    // Children under 6 in the family of four, whatever year the demo is seeded in.
    const age = (birth: string) => (today.getTime() - new Date(birth).getTime()) / (365.25 * 86400_000);
    const takahashiChildren = people.filter((p) => p.householdId === "hh-takahashi" && p.relationship === "子");
    expect(takahashiChildren).toHaveLength(2);
    for (const child of takahashiChildren) expect(age(child.birthDate)).toBeLessThan(6);

    const foreign = people.find((p) => p.alias);
    expect(foreign).toMatchObject({ familyName: "NGUYEN", residenceStatus: expect.any(String), nationality: expect.any(String) });
    expect(people.some((p) => age(p.birthDate) > 65)).toBe(true);
    expect(db.select().from(households).where(eq(households.id, "hh-yoshida")).get()?.building?.length).toBeGreaterThan(30);

    // The 伊藤 family of four, and the SILVA couple (foreign nationals on 国保).
    const movers = db.select().from(moveInPersons).all();
    expect(movers.filter((m) => m.moveInId === "mi-ito")).toHaveLength(4);
    expect(movers.filter((m) => m.moveInId === "mi-silva").every((m) => m.nationality && m.residenceCardNumber && m.nhi)).toBe(true);
    // 公金受取口座 registered by the parents of the 髙橋 and 伊藤 families.
    const accounts = db
      .select()
      .from(publicFundsAccounts)
      .all()
      .map((a) => a.residentCode);
    expect(accounts).toEqual(expect.arrayContaining(["10000000011", "10000000012", "20000000011", "20000000012"]));

    const staff = db.select().from(staffUsers).all();
    expect(staff.map((s) => [s.username, s.role]).sort()).toEqual([
      ["admin1", "admin"],
      ["counter1", "staff"],
      ["reviewer1", "staff"],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, staff[0]!.passwordHash)).toBe(true);
  });

  it("keeps the audit log append-only", () => {
    const db = useTestDatabase();
    db.insert(auditLog).values({ at: new Date(), actorRole: "system", action: "test" }).run();
    expect(() => db.update(auditLog).set({ action: "changed" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
  });
});

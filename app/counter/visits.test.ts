import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, counterVisits, residentAccounts, submissions } from "../../db/schema";
import { seedDemoData } from "../../db/seed";
import { getDb } from "../db.server";
import { syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { addResident, juminhyoAnswers, submit } from "../test/submissions";
import { closeIdleVisits, finishVisit, lookUpPerson, openVisit, recentVisits, searchAtCounter, startVisit } from "./visits.server";

let clock = new Date("2026-11-23T01:00:00Z");
vi.mock("../clock.server", () => ({ now: () => clock }));

const clerk = { role: "staff" as const, id: "staff-counter1" };
const audits = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("counter visits", () => {
  beforeEach(async () => {
    clock = new Date("2026-11-23T01:00:00Z");
    const db = useTestDatabase();
    await seedDemoData(db, clock);
    syncFormDefinitions(undefined, () => {});
  });

  it("finds 髙橋 大輔 through 高橋 with the household and ages, and audits the query and the count only", () => {
    const outcome = searchAtCounter(clerk, "高橋 だいすけ");
    if (outcome.problem) throw new Error("expected results");
    expect(outcome.results.map((p) => p.id)).toEqual(["p-takahashi-daisuke"]);
    const [daisuke] = outcome.results;
    expect(daisuke!.age).toBe(38);
    expect(daisuke!.household.map((m) => `${m.givenName} ${m.relationship}`)).toEqual([
      "大輔 世帯主",
      "由美 妻",
      expect.stringMatching(/ 子$/),
      expect.stringMatching(/ 子$/),
    ]);
    expect(audits("counter.search").map((a) => [a.actorId, a.details])).toEqual([["staff-counter1", { query: "高橋 だいすけ", kind: "text", results: 1 }]]);
  });

  it("finds a pending mover (転出証明書情報) by 和暦 birth date", () => {
    const outcome = searchAtCounter(clerk, "昭和62年3月19日");
    if (outcome.problem) throw new Error("expected results");
    expect(outcome.results.map((p) => [p.kind, p.id, p.household.length])).toEqual([["mover", "mp-ito-kenichi", 4]]);
  });

  it("finds the applicant of an online submission by its 受付番号", () => {
    addResident("r1");
    getDb().update(residentAccounts).set({ personId: "p-takahashi-daisuke" }).where(eq(residentAccounts.id, "r1")).run();
    const s = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"), { residentAccountId: "r1" });
    const outcome = searchAtCounter(clerk, s.receiptNumber.replace("-", "").toLowerCase());
    expect(outcome.problem === null && outcome.kind).toBe("receipt");
    expect(outcome.problem === null && outcome.results.map((p) => p.id)).toEqual(["p-takahashi-daisuke"]);
  });

  it("eight letters typed without the hyphen are a 受付番号 when one was issued, a name otherwise", () => {
    addResident("r1");
    getDb().update(residentAccounts).set({ personId: "p-takahashi-daisuke" }).where(eq(residentAccounts.id, "r1")).run();
    const s = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"), { residentAccountId: "r1" });
    getDb().update(submissions).set({ receiptNumber: "ABCD-EFGH" }).where(eq(submissions.id, s.id)).run();
    const found = searchAtCounter(clerk, "abcdefgh");
    expect(found.problem === null && found.kind).toBe("receipt");
    expect(found.problem === null && found.results.map((p) => p.id)).toEqual(["p-takahashi-daisuke"]);
    expect(searchAtCounter(clerk, "ABCDEFGK")).toMatchObject({ problem: null, kind: "text" });
  });

  it("an empty search is a problem, not a search, and is not audited", () => {
    expect(searchAtCounter(clerk, "  ")).toEqual({ problem: "empty" });
    expect(audits("counter.search")).toEqual([]);
  });

  it("opening a person starts a visit with the identity check, audited with the visit", () => {
    expect(lookUpPerson(clerk, { kind: "resident", id: "p-takahashi-daisuke" })?.name).toBe("髙橋 大輔");
    expect(audits("counter.person_viewed").map((a) => a.subjectId)).toEqual(["p-takahashi-daisuke"]);

    const refused = startVisit(clerk, { kind: "resident", id: "p-takahashi-daisuke" }, { identityCheck: "other", identityNote: " " });
    expect(refused).toEqual({ ok: false, problem: "invalid", errors: [{ target: "identityNote", problem: "noteRequired" }] });
    expect(startVisit(clerk, { kind: "resident", id: "p-takahashi-daisuke" }, { identityCheck: "passport", identityNote: null })).toMatchObject({ ok: false });
    expect(startVisit(clerk, { kind: "resident", id: "nobody" }, { identityCheck: "drivers_license", identityNote: null })).toEqual({
      ok: false,
      problem: "notFound",
    });
    expect(getDb().select().from(counterVisits).all()).toEqual([]);

    const started = startVisit(clerk, { kind: "resident", id: "p-takahashi-daisuke" }, { identityCheck: "drivers_license", identityNote: null });
    if (!started.ok) throw new Error("expected a visit");
    expect(audits("counter.person_opened").map((a) => [a.actorId, a.subjectType, a.subjectId, a.details])).toEqual([
      ["staff-counter1", "person", "p-takahashi-daisuke", { visitId: started.visitId, identityCheck: "drivers_license" }],
    ]);
    const page = openVisit(clerk, started.visitId, "ja")!;
    expect(page.visit).toMatchObject({ status: "open", identityCheck: "drivers_license", person: { name: "髙橋 大輔" } });
    expect(page.procedures.map((p) => p.formId)).toContain("juminhyo");
    // Another clerk's visit is not found.
    expect(openVisit({ role: "staff", id: "staff-reviewer1" }, started.visitId, "ja")).toBeNull();
    expect(finishVisit({ role: "staff", id: "staff-reviewer1" }, started.visitId)).toEqual({ ok: false, problem: "notFound" });
  });

  it("a visit left open closes after the idle time, as of when it went idle, and stays in the clerk's recent visits", () => {
    const started = startVisit(clerk, { kind: "mover", id: "mp-ito-aya" }, { identityCheck: "my_number_card", identityNote: null });
    if (!started.ok) throw new Error("expected a visit");
    const startedAt = clock;
    clock = new Date(startedAt.getTime() + 29 * 60_000);
    expect(openVisit(clerk, started.visitId, "ja")!.visit.status).toBe("open"); // activity: the idle time starts again
    const lastActivity = clock;
    clock = new Date(lastActivity.getTime() + 31 * 60_000);
    const [visit] = recentVisits(clerk);
    expect(visit).toMatchObject({
      id: started.visitId,
      status: "closed",
      closeReason: "idle",
      closedAt: new Date(lastActivity.getTime() + 30 * 60_000).toISOString(),
    });
    expect(visit!.person?.name).toBe("伊藤 彩");
    // Finishing it later changes nothing.
    expect(finishVisit(clerk, started.visitId)).toEqual({ ok: true });
    expect(recentVisits(clerk)[0]).toMatchObject({ closeReason: "idle" });
  });

  it("the clerk finishes a visit once", () => {
    const started = startVisit(clerk, { kind: "resident", id: "p-takahashi-yumi" }, { identityCheck: "other", identityNote: "健康保険証と年金手帳" });
    if (!started.ok) throw new Error("expected a visit");
    finishVisit(clerk, started.visitId);
    finishVisit(clerk, started.visitId);
    expect(recentVisits(clerk)[0]).toMatchObject({ status: "closed", closeReason: "finished", identityNote: "健康保険証と年金手帳" });
    expect(audits("counter.visit_finished")).toHaveLength(1);
  });
});

describe("counter visits on several app servers", () => {
  it("a visit the clerk worked on through another app server meanwhile is not closed as idle", async () => {
    const database = useTestDatabaseFile();
    try {
      await seedDemoData(database.db, clock);
      syncFormDefinitions(undefined, () => {});
      const started = startVisit(clerk, { kind: "resident", id: "p-takahashi-yumi" }, { identityCheck: "my_number_card", identityNote: null });
      if (!started.ok) throw new Error("expected a visit");
      clock = new Date(clock.getTime() + 31 * 60_000);
      // The other server is writing the clerk's activity as this one finds the visit idle in its snapshot.
      const { committed } = await writerElsewhere(
        database.file,
        `update counter_visits set last_activity_at = ${clock.getTime()} where id = '${started.visitId}'`,
      );
      expect(writeLockHeld(database.file)).toBe(true);
      closeIdleVisits(clock);
      await committed;
      // It was closed before: the close did not ask whether the visit was still idle when it wrote.
      const status = database.db.$client.prepare("select status from counter_visits where id = ?").pluck().get(started.visitId);
      expect(status).toBe("open");
    } finally {
      database.remove();
    }
  }, 20_000);
});

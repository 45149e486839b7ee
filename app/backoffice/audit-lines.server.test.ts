import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { useTestDatabase } from "../test/db";
import { auditLines, type AuditLine } from "./audit-lines.server";

const hanako: AuditActor = { role: "staff", id: "hanako" };
const taro: AuditActor = { role: "staff", id: "taro" };
const log = (actor: AuditActor, action: string, id = "s1") => recordAudit({ actor, action, subject: { type: "submission", id } });
const shape = (lines: ReturnType<typeof auditLines>) => lines.map((l) => [l.actorId, l.action, l.count]);

/** What grouping every entry of s1 at once gives, read from the table itself (times, ids and all): the reference. */
function groupedAtOnce(db: ReturnType<typeof useTestDatabase>): AuditLine[] {
  const entries = db.$client
    .prepare("select id, at, actor_role as actorRole, actor_id as actorId, action from audit_log where subject_id = 's1' order by at desc, id desc")
    .all() as { id: number; at: number; actorRole: string; actorId: string | null; action: string }[];
  const expected: AuditLine[] = [];
  for (const e of entries) {
    const line = expected.at(-1);
    if (line && e.action === "submission.viewed" && line.action === e.action && line.actorRole === e.actorRole && line.actorId === e.actorId) {
      line.count++;
      line.firstAt = new Date(e.at);
    } else expected.push({ ...e, at: new Date(e.at), firstAt: new Date(e.at), count: 1 } as AuditLine);
  }
  return expected;
}

describe("a submission's audit list", () => {
  beforeEach(() => {
    useTestDatabase();
  });

  it("collapses consecutive views by one person into one line with a count, and nothing else", () => {
    log(hanako, "submission.status_changed");
    log(hanako, "submission.status_changed");
    log(taro, "submission.viewed");
    log(hanako, "submission.viewed");
    log(hanako, "submission.viewed");
    log(hanako, "submission.viewed");
    log(hanako, "submission.viewed", "another submission");
    const lines = auditLines("s1");
    expect(shape(lines)).toEqual([
      ["hanako", "submission.viewed", 3],
      ["taro", "submission.viewed", 1],
      ["hanako", "submission.status_changed", 1],
      ["hanako", "submission.status_changed", 1],
    ]);
    // A line keeps its newest entry's id and time, and its oldest time.
    expect(lines[0]!.id).toBeGreaterThan(lines[1]!.id);
    expect(lines[0]!.at.getTime()).toBeGreaterThanOrEqual(lines[0]!.firstAt.getTime());
    expect(lines[3]!.at).toBeInstanceOf(Date);
  });

  it("gives the newest lines a page asks for, a long run of views counting as one", () => {
    log(taro, "submission.note_added");
    for (let i = 0; i < 300; i++) log(hanako, "submission.viewed");
    log(taro, "submission.status_changed");
    expect(shape(auditLines("s1", 2))).toEqual([
      ["taro", "submission.status_changed", 1],
      ["hanako", "submission.viewed", 300],
    ]);
    expect(auditLines("s1")).toHaveLength(3);
    expect(auditLines("no such submission")).toEqual([]);
  });

  it("keeps apart views by different kinds of actor with no id (a resident's own views are not staff views)", () => {
    log({ role: "system", id: null }, "submission.viewed");
    log({ role: "anonymous", id: null }, "submission.viewed");
    expect(auditLines("s1").map((l) => l.actorRole)).toEqual(["anonymous", "system"]);
  });

  it("gives the lines grouping every entry would give, however runs fall across the pages it reads", () => {
    // A staff entry without an id (same role as hanako's) must not join her run.
    const actors: AuditActor[] = [hanako, taro, { role: "staff", id: null }, { role: "anonymous", id: null }];
    const actions = ["submission.viewed", "submission.viewed", "submission.note_added"];
    // Runs of up to 150 entries: longer than a page read (64), so runs end before, on and after a page's end.
    const history = fc.array(fc.record({ actor: fc.nat(3), action: fc.nat(2), times: fc.integer({ min: 1, max: 150 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 6 }), (runs, limit) => {
        const db = useTestDatabase();
        for (const run of runs) for (let i = 0; i < run.times; i++) log(actors[run.actor]!, actions[run.action]!);
        const expected = groupedAtOnce(db);
        expect(auditLines("s1")).toEqual(expected);
        expect(auditLines("s1", limit)).toEqual(expected.slice(0, limit));
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it("stays right while the log grows between reads: views on top, other entries, entries dated into the past", () => {
    const actors: AuditActor[] = [hanako, taro, { role: "staff", id: null }];
    const actions = ["submission.viewed", "submission.viewed", "submission.note_added"];
    // Each step writes some entries (now, or dated back into what a page already counted) and reads the list again.
    const step = fc.record({
      actor: fc.nat(2),
      action: fc.nat(2),
      times: fc.integer({ min: 1, max: 90 }),
      back: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 4 }),
      limit: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const db = useTestDatabase();
        for (const s of steps) {
          for (let i = 0; i < s.times; i++) {
            const at = s.back === null ? undefined : new Date(Date.now() - s.back);
            recordAudit({ actor: actors[s.actor]!, action: actions[s.action]!, subject: { type: "submission", id: "s1" }, at });
          }
          const expected = groupedAtOnce(db);
          expect(auditLines("s1", s.limit)).toEqual(expected.slice(0, s.limit));
          expect(auditLines("s1")).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it("reads a growing run of views from its top, not to its end again, on each view", () => {
    const db = useTestDatabase();
    log(taro, "submission.note_added");
    for (let i = 0; i < 500; i++) log(hanako, "submission.viewed");
    expect(shape(auditLines("s1", 21))).toEqual([
      ["hanako", "submission.viewed", 500],
      ["taro", "submission.note_added", 1],
    ]);
    // Each further view is one more entry; counting the run again would step through all of it.
    let scanned = 0;
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string, ...rest: unknown[]) => {
      const statement = (prepare as (...args: unknown[]) => ReturnType<typeof prepare>)(source, ...rest);
      if (/count\(/.test(source)) scanned += 1;
      return statement;
    }) as typeof db.$client.prepare;
    for (let i = 0; i < 5; i++) {
      log(hanako, "submission.viewed");
      expect(shape(auditLines("s1", 21))).toEqual([
        ["hanako", "submission.viewed", 501 + i],
        ["taro", "submission.note_added", 1],
      ]);
    }
    db.$client.prepare = prepare;
    expect(scanned).toBe(0);
  });

  it("keeps a run that stopped and one that began after it apart, though both reach past a page", () => {
    useTestDatabase();
    for (let i = 0; i < 100; i++) log(hanako, "submission.viewed");
    expect(shape(auditLines("s1", 3))).toEqual([["hanako", "submission.viewed", 100]]);
    log(taro, "submission.note_added");
    for (let i = 0; i < 100; i++) log(hanako, "submission.viewed");
    expect(shape(auditLines("s1", 3))).toEqual([
      ["hanako", "submission.viewed", 100],
      ["taro", "submission.note_added", 1],
      ["hanako", "submission.viewed", 100],
    ]);
  });

  it("sees a run that stopped below a newer one with the same viewer, when few entries came between two reads", () => {
    useTestDatabase();
    // A page of 64 holds the newer run (62), the note and the older run's newest entry: it counts the older run.
    for (let i = 0; i < 10; i++) log(hanako, "submission.viewed");
    log(taro, "submission.note_added");
    for (let i = 0; i < 62; i++) log(hanako, "submission.viewed");
    expect(shape(auditLines("s1", 3))).toEqual([
      ["hanako", "submission.viewed", 62],
      ["taro", "submission.note_added", 1],
      ["hanako", "submission.viewed", 10],
    ]);
    // Three more views: now the page ends inside the newer run, and the note lies between the two pages' last entries.
    for (let i = 0; i < 3; i++) log(hanako, "submission.viewed");
    expect(shape(auditLines("s1", 3))).toEqual([
      ["hanako", "submission.viewed", 65],
      ["taro", "submission.note_added", 1],
      ["hanako", "submission.viewed", 10],
    ]);
  });
});

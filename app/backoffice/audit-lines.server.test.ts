import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { useTestDatabase } from "../test/db";
import { auditLines, type AuditLine } from "./audit-lines.server";

const hanako: AuditActor = { role: "staff", id: "hanako" };
const taro: AuditActor = { role: "staff", id: "taro" };
const log = (actor: AuditActor, action: string, id = "s1") => recordAudit({ actor, action, subject: { type: "submission", id } });
const shape = (lines: ReturnType<typeof auditLines>) => lines.map((l) => [l.actorId, l.action, l.count]);

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
        // What grouping every entry at once gives, read from the table itself (times, ids and all).
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
        expect(auditLines("s1")).toEqual(expected);
        expect(auditLines("s1", limit)).toEqual(expected.slice(0, limit));
      }),
      { numRuns: 40 },
    );
  });
});

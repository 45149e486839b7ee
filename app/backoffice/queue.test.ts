import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { submissionRevisions, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase } from "../test/db";
import { addStaff, juminhyoAnswers, submit } from "../test/submissions";
import { listQueue, parseQueueFilter, queueNeighbours, queueQuery, statusCounts, withCaseFacts, type QueueFilter } from "./queue.server";

const base: QueueFilter = { sort: "newest" };
const setStatus = (id: string, status: "in_review" | "completed") => getDb().update(submissions).set({ status }).where(eq(submissions.id, id)).run();

describe("staff queue", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addStaff("me");
    addStaff("other");
  });

  it("filters by procedure, status, assignee and day (the city's day, JST), and counts per status", () => {
    const a = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"), { at: new Date("2026-11-21T15:30:00Z") }); // 11/22 00:30 JST
    const b = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { at: new Date("2026-11-21T14:30:00Z") }); // 11/21 23:30 JST
    const c = submit("tennyu", { persons: [] }, { at: new Date("2026-11-22T03:00:00Z") });
    getDb().update(submissions).set({ assigneeId: "me" }).where(eq(submissions.id, a.id)).run();
    getDb().update(submissions).set({ assigneeId: "other" }).where(eq(submissions.id, b.id)).run();
    setStatus(b.id, "in_review");
    const ids = (f: Partial<QueueFilter>) => listQueue({ ...base, ...f }, "me").rows.map((r) => r.id);
    expect(ids({})).toEqual([c.id, a.id, b.id]);
    expect(ids({ form: "juminhyo" })).toEqual([a.id, b.id]);
    expect(ids({ status: "in_review" })).toEqual([b.id]);
    expect(ids({ assignee: "me" })).toEqual([a.id]);
    expect(ids({ assignee: "unassigned" })).toEqual([c.id]);
    expect(ids({ from: "2026-11-22", to: "2026-11-22" })).toEqual([c.id, a.id]);
    expect(ids({ to: "2026-11-21" })).toEqual([b.id]);
    expect(ids({ sort: "oldest" })).toEqual([b.id, a.id, c.id]);
    // Counts follow inserts and status changes (triggers), per procedure or overall.
    expect(statusCounts()).toMatchObject({ received: 2, in_review: 1, completed: 0 });
    expect(statusCounts("juminhyo")).toMatchObject({ received: 1, in_review: 1 });
    setStatus(a.id, "completed");
    expect(statusCounts("juminhyo")).toMatchObject({ received: 0, in_review: 1, completed: 1 });
  });

  it("finds by 受付番号 however typed, and by the start of the name or its reading (ひらがな too)", () => {
    const a = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"));
    const b = submit("juminhyo", juminhyoAnswers("高田", "花子", "タカダ", "ハナコ"));
    submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    const found = (q: string) =>
      listQueue({ ...base, q }, "me")
        .rows.map((r) => r.id)
        .sort();
    expect(found(a.receiptNumber.replace("-", "").toLowerCase())).toEqual([a.id]);
    expect(found("髙橋 大")).toEqual([a.id]);
    expect(found("たかはし")).toEqual([a.id]);
    expect(found("ﾀｶ")).toEqual([a.id, b.id].sort()); // half-width kana typed
    expect(found("橋")).toEqual([]); // from the start only
  });

  it("pages with a keyset: forward and back, nothing lost or repeated, even when submissions share a time", () => {
    const at = new Date("2026-11-01T00:00:00Z");
    const all = Array.from({ length: 120 }, (_, i) =>
      submit("juminhyo", juminhyoAnswers("山本", `${i}`, "ヤマモト", "タロウ"), { at: new Date(at.getTime() + Math.floor(i / 3) * 1000) }),
    );
    const expected = [...all].sort((x, y) => y.submittedAt.getTime() - x.submittedAt.getTime() || (x.id < y.id ? 1 : -1)).map((s) => s.id);
    const p1 = listQueue(base, "me");
    const p2 = listQueue({ ...base, after: p1.next! }, "me");
    const p3 = listQueue({ ...base, after: p2.next! }, "me");
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).toEqual(expected);
    expect(p1.previous).toBeNull();
    expect(p3.next).toBeNull();
    expect(p3.rows).toHaveLength(20);
    expect(listQueue({ ...base, before: p3.previous! }, "me").rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    expect(listQueue({ ...base, before: p2.previous! }, "me").rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
  });

  it("reads its filters from the URL, dropping what is malformed and saying so", () => {
    const { filter, problems } = parseQueueFilter(new URLSearchParams("status=lost&from=2026-13-45&to=2026-11-01&form=hoikusho&sort=sideways&after=';drop"));
    expect(filter).toEqual({ form: "hoikusho", to: "2026-11-01", sort: "newest" });
    expect(problems).toEqual(["from"]);
    expect(parseQueueFilter(new URLSearchParams("from=2026-11-02&to=2026-11-01")).problems).toEqual(["range"]);
  });
});

describe("the queue carried to a case", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addStaff("me");
  });

  it("keeps only the queue's filters in the query string", () => {
    expect(queueQuery(new URLSearchParams("form=juminhyo&status=received&done=status&x=1"))).toBe("?form=juminhyo&status=received");
    expect(queueQuery(new URLSearchParams("done=note"))).toBe("");
  });

  it("finds the previous and next case in the filtered, sorted list", () => {
    const day = (d: number) => ({ at: new Date(`2026-11-${d}T03:00:00Z`) });
    const a = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"), day(20));
    const other = submit("tennyu", { persons: [] }, day(21));
    const b = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), day(22));
    const c = submit("juminhyo", juminhyoAnswers("山﨑", "美咲", "ヤマサキ", "ミサキ"), day(23));
    const filter = { ...base, form: "juminhyo" };
    expect(queueNeighbours(filter, "me", b.id)).toEqual({ previous: c.id, next: a.id }); // newest first
    expect(queueNeighbours({ ...filter, sort: "oldest" }, "me", b.id)).toEqual({ previous: a.id, next: c.id });
    expect(queueNeighbours(filter, "me", c.id)).toEqual({ previous: null, next: b.id });
    expect(queueNeighbours(base, "me", b.id)).toEqual({ previous: c.id, next: other.id });
  });

  it("marks resubmitted cases and cases with files, with 経過日数 and 期限", () => {
    const a = submit("juminhyo", juminhyoAnswers("髙橋", "大輔", "タカハシ", "ダイスケ"), { at: new Date("2026-11-20T03:00:00Z") });
    getDb().insert(submissionRevisions).values({ submissionId: a.id, revision: 1, answers: {}, provenance: {}, submittedAt: new Date() }).run();
    const [row] = withCaseFacts(listQueue(base, "me").rows, new Date("2026-11-25T03:00:00Z"));
    expect(row).toMatchObject({ resubmitted: true, hasFiles: false, elapsedDays: 5, dueDate: "2026-11-23", overdue: true, subjectName: "髙橋 大輔" });
  });
});

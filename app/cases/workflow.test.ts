import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, staffUsers, submissionEvents, submissionRevisions, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase } from "../test/db";
import { addResident, addStaff, juminhyoAnswers, submit } from "../test/submissions";
import { drafts } from "../../db/schema";
import { createDraft, findOpenDraft, startCorrection, submitDraft } from "../submissions/drafts.server";
import { addNote, applyStaffCommand, assign, changeStatus, type StaffActor } from "./workflow.server";
import { openCorrectionRequest, residentHistory } from "./resident-view.server";

const clerk: StaffActor = { role: "staff", id: "clerk" };
const statusOf = (id: string) => getDb().select().from(submissions).where(eq(submissions.id, id)).get()!.status;

describe("status workflow", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addStaff("clerk");
    addResident("r1");
  });

  it("moves 受付 → 審査中 → 完了 only along the workflow, and refuses a decision made on a stale view", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    expect(changeStatus(s.id, "received", "completed", clerk)).toEqual({ ok: false, problem: "notAllowed" });
    expect(changeStatus(s.id, "received", "in_review", clerk)).toEqual({ ok: true });
    // Another clerk still looking at 受付 tries to reject: refused, nothing written.
    expect(changeStatus(s.id, "received", "rejected", clerk, "重複")).toEqual({ ok: false, problem: "stale" });
    expect(changeStatus(s.id, "in_review", "completed", clerk)).toEqual({ ok: true });
    expect(statusOf(s.id)).toBe("completed");
    expect(changeStatus(s.id, "completed", "in_review", clerk)).toEqual({ ok: false, problem: "notAllowed" });
    const audited = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, s.id))
      .all()
      .map((a) => a.action);
    expect(audited).toEqual(["submission.status_changed", "submission.status_changed"]);
  });

  it("needs a message for 補正依頼 and 却下; notes and assignments are history too, and history cannot be rewritten", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    expect(changeStatus(s.id, "received", "rejected", clerk, "  ")).toEqual({ ok: false, problem: "messageRequired" });
    expect(statusOf(s.id)).toBe("received");
    expect(assign(s.id, "clerk", clerk)).toEqual({ ok: true });
    expect(addNote(s.id, "電話で確認済み", clerk)).toEqual({ ok: true });
    expect(addNote(s.id, " ", clerk)).toEqual({ ok: false, problem: "messageRequired" });
    expect(changeStatus(s.id, "received", "rejected", clerk, "同じ請求が重複しています")).toEqual({ ok: true });
    const events = getDb().select().from(submissionEvents).where(eq(submissionEvents.submissionId, s.id)).all();
    expect(events.map((e) => e.kind)).toEqual(["assign", "note", "status"]);
    // The resident sees the reason, never the note.
    expect(residentHistory(s.id).map((e) => e.message)).toEqual(["同じ請求が重複しています"]);
    expect(() => getDb().update(submissionEvents).set({ body: "書き換え" }).run()).toThrow(/append-only/);
    expect(() => getDb().delete(submissionEvents).run()).toThrow(/append-only/);
  });

  it("補正依頼 round trip: the resident's correction replaces the answers (kept as a revision), once, and returns it to 審査中", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ", 1), { residentAccountId: "r1" });
    changeStatus(s.id, "received", "in_review", clerk);
    changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を2通にしてください");
    expect(openCorrectionRequest(s.id)).toBe("通数を2通にしてください");
    const draft = startCorrection(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!);
    expect(startCorrection(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!).id).toBe(draft.id); // started once
    getDb()
      .update(drafts)
      .set({ answers: { ...draft.answers, copies: 2 } })
      .where(eq(drafts.id, draft.id))
      .run();
    const updated = submitDraft(draft.id, "ja");
    expect(updated).toMatchObject({ id: s.id, receiptNumber: s.receiptNumber, status: "in_review" });
    expect(updated.answers.copies).toBe(2);
    // A second click finds it done: no second revision.
    submitDraft(draft.id, "ja");
    const revisions = getDb().select().from(submissionRevisions).where(eq(submissionRevisions.submissionId, s.id)).all();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.answers.copies).toBe(1);
    expect(residentHistory(s.id).map((e) => e.kind)).toEqual(["status", "status", "resubmitted"]);
    expect(openCorrectionRequest(s.id)).toBeNull();
  });

  it("closes a correction whose 補正依頼 was withdrawn meanwhile, so the resident is not stuck in it", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { residentAccountId: "r1" });
    changeStatus(s.id, "received", "in_review", clerk);
    changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を確認してください");
    const draft = startCorrection(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!);
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")?.id).toBe(draft.id);
    changeStatus(s.id, "needs_correction", "in_review", clerk);
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")).toBeUndefined();
    expect(getDb().select().from(drafts).where(eq(drafts.id, draft.id)).get()!.status).toBe("closed");
  });

  it("finds the newest open draft, past a newer correction whose 補正依頼 was withdrawn", () => {
    const older = createDraft({ residentAccountId: "r1" }, getLiveForm("juminhyo")!);
    const newer = createDraft({ residentAccountId: "r1" }, getLiveForm("juminhyo")!);
    const at = (id: string, ms: number) =>
      getDb()
        .update(drafts)
        .set({ updatedAt: new Date(ms) })
        .where(eq(drafts.id, id))
        .run();
    // Dated back, then the older one made the newest, so neither the insert order nor the row id decides.
    at(older.id, Date.UTC(2026, 0, 1));
    at(newer.id, Date.UTC(2026, 0, 2));
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")?.id).toBe(newer.id);
    at(older.id, Date.UTC(2026, 0, 3));
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")?.id).toBe(older.id);

    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { residentAccountId: "r1" });
    changeStatus(s.id, "received", "in_review", clerk);
    changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を確認してください");
    const correction = startCorrection(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!);
    at(correction.id, Date.UTC(2026, 0, 4));
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")?.id).toBe(correction.id);
    changeStatus(s.id, "needs_correction", "in_review", clerk);
    expect(findOpenDraft({ residentAccountId: "r1" }, "juminhyo")?.id).toBe(older.id);
    expect(getDb().select().from(drafts).where(eq(drafts.id, correction.id)).get()!.status).toBe("closed");
  });

  it("checks a staff command from the page before carrying it out", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    addStaff("gone");
    getDb().update(staffUsers).set({ disabled: true }).where(eq(staffUsers.id, "gone")).run();
    expect(applyStaffCommand("nope", { intent: "note", note: "x" }, clerk)).toEqual({ ok: false, problem: "notFound" });
    expect(applyStaffCommand(s.id, null, clerk)).toEqual({ ok: false, problem: "notAllowed" });
    expect(applyStaffCommand(s.id, { intent: "status", expected: "bogus", to: "in_review", message: "" }, clerk)).toEqual({ ok: false, problem: "stale" });
    expect(applyStaffCommand(s.id, { intent: "status", expected: "received", to: "bogus", message: "" }, clerk)).toEqual({ ok: false, problem: "notAllowed" });
    expect(applyStaffCommand(s.id, { intent: "assign", assignee: "gone" }, clerk)).toEqual({ ok: false, problem: "notAllowed" });
    expect(applyStaffCommand(s.id, { intent: "assign", assignee: "someone-else" }, clerk)).toEqual({ ok: false, problem: "notAllowed" });
    expect(applyStaffCommand(s.id, { intent: "assign", assignee: "me" }, clerk)).toEqual({ ok: true });
    expect(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!.assigneeId).toBe("clerk");
    expect(applyStaffCommand(s.id, { intent: "assign", assignee: "" }, clerk)).toEqual({ ok: true });
    expect(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!.assigneeId).toBeNull();
    expect(applyStaffCommand(s.id, { intent: "status", expected: "received", to: "in_review", message: "" }, clerk)).toEqual({ ok: true });
    expect(statusOf(s.id)).toBe("in_review");
  });
});

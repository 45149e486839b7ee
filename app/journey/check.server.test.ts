import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { drafts, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { createDraft, startCorrection } from "../submissions/drafts.server";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { addResident, juminhyoAnswers, submit as submitted } from "../test/submissions";
import { submitFromCheck } from "./check.server";

const owner = { anonymousKeyHash: "browser-1" };
const actor = { kind: "resident" as const, residentAccountId: null };

/** A complete 住民票 request, as the check page shows it. */
function completeDraft() {
  const form = getLiveForm("juminhyo")!;
  const draft = createDraft(owner, form);
  getDb()
    .update(drafts)
    .set({ answers: juminhyoAnswers("窓口", "花子", "マドグチ", "ハナコ"), completedSteps: form.definition.steps.map((s) => s.id) })
    .where(eq(drafts.id, draft.id))
    .run();
  return draft;
}

const submit = (draftId: string) => submitFromCheck(owner, actor, { draftId, declared: true, keepProfile: false }, "ja");

describe("submitting from the check page", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
  });

  it("submits a complete draft once: the second send finds the first 受付番号", () => {
    const draft = completeDraft();
    const first = submit(draft.id);
    expect(first).toMatchObject({ kind: "submitted" });
    expect(submit(draft.id)).toEqual(first);
    expect(getDb().select().from(submissions).all()).toHaveLength(1);
  });

  it("a draft closed meanwhile (taken over at the counter) is not sent online as well", () => {
    const draft = completeDraft();
    // As the counter does when it continues a procedure begun online: the visit has its copy, this one is closed.
    getDb().update(drafts).set({ status: "closed" }).where(eq(drafts.id, draft.id)).run();
    expect(submit(draft.id)).toEqual({ kind: "noDraft" });
    expect(getDb().select().from(submissions).all()).toHaveLength(0);
  });

  it("a correction closed when its case was decided is not applied to the case's next 補正依頼", () => {
    addResident("r1");
    const application = submitted("juminhyo", juminhyoAnswers("窓口", "花子", "マドグチ", "ハナコ"), { residentAccountId: "r1" });
    getDb().update(submissions).set({ status: "needs_correction" }).where(eq(submissions.id, application.id)).run();
    const stale = startCorrection(application);
    getDb()
      .update(drafts)
      .set({ status: "closed", answers: { ...stale.answers, copies: 9 } })
      .where(eq(drafts.id, stale.id))
      .run();
    // Staff asked again: the case waits for a correction, and the old page is sent.
    const outcome = submitFromCheck(
      { residentAccountId: "r1" },
      { kind: "resident", residentAccountId: "r1" },
      { draftId: stale.id, declared: true, keepProfile: false },
      "ja",
    );
    expect(outcome).toEqual({ kind: "noDraft" });
    expect(getDb().select({ answers: submissions.answers, status: submissions.status }).from(submissions).get()).toMatchObject({
      answers: { copies: 1 },
      status: "needs_correction",
    });
  });
});

describe("submitting from the check page on several app servers", () => {
  it("checks the draft as it is sent: a save through another server meanwhile is checked, not sent unchecked", async () => {
    const database = useTestDatabaseFile();
    try {
      syncFormDefinitions(undefined, () => {});
      const draft = completeDraft();
      // A second tab, served by another app server, is saving the first step again, emptied, as this one submits.
      const { committed } = await writerElsewhere(
        database.file,
        `update drafts set answers = '{}', completed_steps = '[]', updated_at = ${Date.now()} where id = '${draft.id}'`,
      );
      expect(writeLockHeld(database.file)).toBe(true);
      // Before, the draft was checked as read before the lock and sent as stored after it: an empty application.
      expect(submit(draft.id)).toMatchObject({ kind: "goTo" });
      await committed;
      expect(database.db.$client.prepare("select count(*) from submissions").pluck().get()).toBe(0);
    } finally {
      database.remove();
    }
  }, 20_000);
});

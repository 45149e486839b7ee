import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { drafts } from "../../db/schema";
import { getDb } from "../db.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { openDraftInsert, useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { juminhyoAnswers, submit } from "../test/submissions";
import { createDraft, saveStep, saveWorkingValues, startCorrection } from "./drafts.server";

const stored = (id: string) => getDb().select().from(drafts).where(eq(drafts.id, id)).get()!;

describe("saving a step", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
  });

  // Two tabs (or a resident's phone and a slow network's retry) post different steps of one draft; each request read
  // the draft before the other wrote.
  it("keeps what another request saved after this one read the draft (the finding: the first step's answers were lost)", () => {
    const form = getLiveForm("juminhyo")!;
    const seenByBoth = createDraft({ anonymousKeyHash: "browser-1" }, form);
    saveStep(seenByBoth, form, "applicant", { applicantPhone: "0540001111" });
    const saved = saveStep(seenByBoth, form, "request", { scope: "self", copies: 2, purpose: "bank" });
    expect(stored(seenByBoth.id)).toMatchObject({
      answers: { applicantPhone: "0540001111", scope: "self", copies: 2, purpose: "bank" },
      completedSteps: ["applicant", "request"],
    });
    expect(saved.answers).toEqual(stored(seenByBoth.id).answers);
  });

  it("a group's working values keep another step's answers too", () => {
    const form = getLiveForm("juminhyo")!;
    const seenByBoth = createDraft({ anonymousKeyHash: "browser-2" }, form);
    saveStep(seenByBoth, form, "applicant", { applicantPhone: "0540001111" });
    saveWorkingValues(seenByBoth, "persons", { persons: [{}] });
    expect(stored(seenByBoth.id)).toMatchObject({ answers: { applicantPhone: "0540001111", persons: [{}] }, completedSteps: ["applicant"] });
  });

  it("writes nothing into a draft that was submitted or closed meanwhile", () => {
    const form = getLiveForm("juminhyo")!;
    const draft = createDraft({ anonymousKeyHash: "browser-3" }, form);
    getDb().update(drafts).set({ status: "closed" }).where(eq(drafts.id, draft.id)).run();
    saveStep(draft, form, "applicant", { applicantPhone: "0540001111" });
    saveWorkingValues(draft, "persons", { persons: [{}] });
    const { answers, completedSteps } = stored(draft.id);
    expect({ answers, completedSteps }).toEqual({ answers: {}, completedSteps: [] });
  });
});

describe("starting a correction after a 補正依頼", () => {
  it("makes one correction draft when another app server starts it at the same moment (a double click on 「修正する」)", async () => {
    const database = useTestDatabaseFile();
    try {
      syncFormDefinitions(undefined, () => {});
      const submission = submit("juminhyo", juminhyoAnswers("窓口", "花子", "マドグチ", "ハナコ"));
      const form = getLiveForm("juminhyo")!;
      // The other server found no correction draft and is inserting one; this one looks before that is committed.
      const { committed } = await writerElsewhere(database.file, openDraftInsert(form.versionId, "juminhyo", { correction_of: submission.id }));
      expect(writeLockHeld(database.file)).toBe(true);
      startCorrection(submission);
      await committed;
      // Before, each made its own: the one left open later carried stale answers into a second 補正依頼.
      const open = database.db.$client.prepare("select count(*) from drafts where correction_of = ? and status = 'open'").pluck().get(submission.id);
      expect(open).toBe(1);
    } finally {
      database.remove();
    }
  }, 20_000);
});

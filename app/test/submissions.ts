/** Submissions made the way the journey makes them (a draft, then submitDraft), for back-office tests. */
import { eq } from "drizzle-orm";
import { drafts, residentAccounts, staffUsers, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import type { Answers } from "../form-engine/engine";
import { getLiveForm } from "../procedures/store.server";
import { createDraft, submitDraft, type Submission } from "../submissions/drafts.server";

export function addResident(id: string, name = "住民 太郎") {
  getDb().insert(residentAccounts).values({ id, provider: "demo", subject: id, name, createdAt: new Date() }).run();
}

export function addStaff(id: string, displayName = id) {
  getDb().insert(staffUsers).values({ id, username: id, displayName, passwordHash: "x", role: "staff", duty: "reviewer" }).run();
}

export function submit(formId: string, answers: Answers, options: { at?: Date; residentAccountId?: string } = {}): Submission {
  const form = getLiveForm(formId)!;
  const owner = options.residentAccountId ? { residentAccountId: options.residentAccountId } : { anonymousKeyHash: `anon-${Math.random()}` };
  const draft = createDraft(owner, form);
  const db = getDb();
  db.update(drafts)
    .set({ answers, completedSteps: form.definition.steps.map((s) => s.id) })
    .where(eq(drafts.id, draft.id))
    .run();
  const submission = submitDraft(draft.id, "ja");
  if (!options.at) return submission;
  db.update(submissions).set({ submittedAt: options.at, updatedAt: options.at }).where(eq(submissions.id, submission.id)).run();
  return { ...submission, submittedAt: options.at };
}

export { hoikushoAnswers, juminhyoAnswers } from "../../db/demo-submissions";

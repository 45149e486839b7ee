/**
 * Changes to a submission made by staff (status, assignment, notes) and by the resident (resubmission after a
 * 補正依頼). Each is one transaction: the change, its entry in the case history and in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { drafts, staffUsers, submissionEvents, submissionRevisions, submissions, type SubmissionStatus } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { getDb } from "../db.server";
import type { FormDefinition } from "../form-engine/definition";
import { kickDelivery, queueNotice } from "../notify/outbox.server";
import { applicantOf } from "./applicant";
import { canMove, isSubmissionStatus, MESSAGE_REQUIRED } from "./statuses";

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type StaffActor = AuditActor & { role: "staff" | "admin"; id: string };

export type WorkflowResult = { ok: true } | { ok: false; problem: "stale" | "notAllowed" | "messageRequired" | "notFound" | "unreachable" };

/** Statuses the resident is told about by e-mail (if they gave an address); 受付 is told when submitting. */
const NOTIFIED: readonly SubmissionStatus[] = ["needs_correction", "completed", "rejected"];

/** Where the resident follows their application: My page when they applied signed in; otherwise only by e-mail. */
export const applicationPath = (s: { residentAccountId: string | null; receiptNumber: string }) =>
  s.residentAccountId ? `/mypage/applications/${s.receiptNumber}` : undefined;

/**
 * Whether a 補正依頼 can reach the applicant: on My page (applied signed in) or by e-mail (an address; without
 * SMTP_URL staff see it on the case page and write themselves). An anonymous applicant without an address would
 * never learn of it, and the case would wait for nothing.
 */
export const canReachApplicant = (s: { residentAccountId: string | null; contactEmail: string | null }) => Boolean(s.residentAccountId || s.contactEmail);

const log = (tx: Tx, actor: AuditActor, action: string, submissionId: string, details: Record<string, unknown>, at: Date) =>
  recordAudit({ actor, action, subject: { type: "submission", id: submissionId }, details, at }, tx);

/**
 * Moves a submission on. `expected` is the status the clerk saw: if someone else changed it meanwhile, nothing
 * happens and the clerk is told, instead of one decision silently overwriting another.
 */
export function changeStatus(submissionId: string, expected: SubmissionStatus, to: SubmissionStatus, actor: StaffActor, message = ""): WorkflowResult {
  const db = getDb();
  let queued = false;
  const result = db.transaction((tx) => {
    const current = tx.select().from(submissions).where(eq(submissions.id, submissionId)).get();
    if (!current) return { ok: false, problem: "notFound" } as const;
    if (current.status !== expected) return { ok: false, problem: "stale" } as const;
    if (!canMove(current.status, to)) return { ok: false, problem: "notAllowed" } as const;
    const body = message.trim();
    if (MESSAGE_REQUIRED.includes(to) && body === "") return { ok: false, problem: "messageRequired" } as const;
    if (to === "needs_correction" && !canReachApplicant(current)) return { ok: false, problem: "unreachable" } as const;
    const at = new Date();
    tx.update(submissions)
      .set({ status: to, updatedAt: at })
      .where(and(eq(submissions.id, submissionId), eq(submissions.status, expected)))
      .run();
    tx.insert(submissionEvents)
      .values({ submissionId, at, actorRole: actor.role, actorId: actor.id, kind: "status", fromStatus: expected, toStatus: to, body: body || null })
      .run();
    log(tx, actor, "submission.status_changed", submissionId, { from: expected, to }, at);
    if (NOTIFIED.includes(to) && current.contactEmail) {
      queued = queueNotice(tx, {
        kind: to as "needs_correction" | "completed" | "rejected",
        to: current.contactEmail,
        language: current.language,
        submissionId,
        params: { formVersionId: current.formVersionId, receiptNumber: current.receiptNumber, message: body || undefined, path: applicationPath(current) },
      });
    }
    return { ok: true } as const;
  });
  // Sent after the commit: the mail server never holds up or undoes a decision.
  if (queued) kickDelivery();
  return result;
}

/** 担当: assigns to a staff member, or to no one (null). */
export function assign(submissionId: string, assigneeId: string | null, actor: StaffActor): WorkflowResult {
  const db = getDb();
  return db.transaction((tx) => {
    const found = tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, submissionId)).get();
    if (!found) return { ok: false, problem: "notFound" } as const;
    const at = new Date();
    tx.update(submissions).set({ assigneeId, updatedAt: at }).where(eq(submissions.id, submissionId)).run();
    tx.insert(submissionEvents).values({ submissionId, at, actorRole: actor.role, actorId: actor.id, kind: "assign", assigneeId }).run();
    log(tx, actor, "submission.assigned", submissionId, { assigneeId }, at);
    return { ok: true } as const;
  });
}

/** An internal note (staff only; the resident never sees it). */
export function addNote(submissionId: string, text: string, actor: StaffActor): WorkflowResult {
  const body = text.trim();
  if (body === "") return { ok: false, problem: "messageRequired" };
  const db = getDb();
  return db.transaction((tx) => {
    const found = tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, submissionId)).get();
    if (!found) return { ok: false, problem: "notFound" } as const;
    const at = new Date();
    tx.insert(submissionEvents).values({ submissionId, at, actorRole: actor.role, actorId: actor.id, kind: "note", body }).run();
    log(tx, actor, "submission.note_added", submissionId, {}, at);
    return { ok: true } as const;
  });
}

/** What staff do on a submission's page, as its forms send it (checked here, not by the caller). */
export type StaffCommand =
  | { intent: "status"; expected: string; to: string; message: string }
  /** "me", "" (no one) or a staff member's id. */
  | { intent: "assign"; assignee: string }
  | { intent: "note"; note: string };

const isActiveStaff = (id: string) =>
  getDb()
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, id), eq(staffUsers.disabled, false)))
    .get() !== undefined;

/** Carries out a staff command on a submission; `null` is a command the page does not offer. */
export function applyStaffCommand(submissionId: string, command: StaffCommand | null, actor: StaffActor): WorkflowResult {
  if (!getDb().select({ id: submissions.id }).from(submissions).where(eq(submissions.id, submissionId)).get()) return { ok: false, problem: "notFound" };
  switch (command?.intent) {
    case "status": {
      const { expected, to, message } = command;
      if (!isSubmissionStatus(expected)) return { ok: false, problem: "stale" };
      if (!isSubmissionStatus(to)) return { ok: false, problem: "notAllowed" };
      return changeStatus(submissionId, expected, to, actor, message);
    }
    case "assign": {
      const assignee = command.assignee === "me" ? actor.id : command.assignee === "" ? null : command.assignee;
      // Only to someone who can work on it: an unknown or disabled account is refused.
      if (assignee && !isActiveStaff(assignee)) return { ok: false, problem: "notAllowed" };
      return assign(submissionId, assignee, actor);
    }
    case "note":
      return addNote(submissionId, command.note, actor);
    default:
      return { ok: false, problem: "notAllowed" };
  }
}

/**
 * The resident's corrected answers after a 補正依頼 replace the submission's (the earlier ones are kept as a
 * revision) and it returns to 審査中. Runs inside the submitting transaction; a repeat finds it already done.
 */
export function resubmitCorrection(tx: Tx, draft: typeof drafts.$inferSelect, definition: FormDefinition, fallbackName: string | null) {
  const submission = tx.select().from(submissions).where(eq(submissions.id, draft.correctionOf!)).get();
  if (!submission) throw new Error(`Correction draft ${draft.id} points at a missing submission`);
  if (draft.status === "submitted") return submission;
  if (submission.status !== "needs_correction") {
    // The request was withdrawn or decided while the resident was correcting: nothing to update, the draft is done.
    tx.update(drafts).set({ status: "closed", updatedAt: new Date() }).where(eq(drafts.id, draft.id)).run();
    return submission;
  }
  const at = new Date();
  const revisions = tx
    .select({ revision: submissionRevisions.revision })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, submission.id))
    .all();
  tx.insert(submissionRevisions)
    .values({
      submissionId: submission.id,
      revision: revisions.length + 1,
      answers: submission.answers,
      provenance: submission.provenance,
      submittedAt: submission.submittedAt,
    })
    .run();
  const changes = {
    answers: draft.answers,
    provenance: draft.provenance,
    ...applicantOf(definition, draft.answers, fallbackName),
    status: "in_review" as const,
    updatedAt: at,
  };
  tx.update(submissions).set(changes).where(eq(submissions.id, submission.id)).run();
  tx.update(drafts).set({ status: "submitted", updatedAt: at }).where(eq(drafts.id, draft.id)).run();
  const actor = { role: "resident" as const, id: draft.residentAccountId };
  tx.insert(submissionEvents)
    .values({
      submissionId: submission.id,
      at,
      actorRole: actor.role,
      actorId: actor.id,
      kind: "resubmitted",
      fromStatus: "needs_correction",
      toStatus: "in_review",
    })
    .run();
  log(tx, actor, "submission.resubmitted", submission.id, { revision: revisions.length + 1 }, at);
  return { ...submission, ...changes };
}

/** A submission as staff see it: answers by the definition it was submitted with, provenance, files and history. */
import { languageInfo } from "../i18n/languages.server";
import { asc, eq } from "drizzle-orm";
import type { TFunction } from "i18next";
import { residentAccounts, staffUsers, submissionEvents, submissionRevisions, submissions } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { openApplicationsOf } from "../cases/duplicates.server";
import { NEXT_STATUSES } from "../cases/statuses";
import { canReachApplicant } from "../cases/workflow.server";
import { noticesOf } from "../notify/outbox.server";
import { getDb } from "../db.server";
import { localizeText } from "../form-engine/localized";
import { summarize } from "../form-engine/summary";
import { getFormVersion } from "../procedures/store.server";
import { formatDateTime } from "../i18n/dates";
import { auditLines } from "./audit-lines.server";
import { sourceMarks } from "../prefill/prefill-sources.server";
import { attachmentsOf, fileIdsOf } from "../submissions/attachments.server";

export type StaffSubmission = typeof submissions.$inferSelect;

export const getSubmission = (id: string): StaffSubmission | undefined => getDb().select().from(submissions).where(eq(submissions.id, id)).get();

export const listStaff = () =>
  getDb()
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(eq(staffUsers.disabled, false))
    .orderBy(asc(staffUsers.displayName))
    .all();

const staffNames = () =>
  new Map(
    getDb()
      .select({ id: staffUsers.id, name: staffUsers.displayName })
      .from(staffUsers)
      .all()
      .map((s) => [s.id, s.name]),
  );

export function submissionView(submission: StaffSubmission, lng: string, t: TFunction) {
  const db = getDb();
  const form = getFormVersion(submission.formVersionId)!;
  const names = staffNames();
  const applicantAccount = submission.residentAccountId
    ? db
        .select({ name: residentAccounts.name, provider: residentAccounts.provider })
        .from(residentAccounts)
        .where(eq(residentAccounts.id, submission.residentAccountId))
        .get()
    : undefined;
  const revisions = db
    .select()
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, submission.id))
    .orderBy(asc(submissionRevisions.revision))
    .all();
  const events = db.select().from(submissionEvents).where(eq(submissionEvents.submissionId, submission.id)).orderBy(asc(submissionEvents.id)).all();
  const currentFiles = fileIdsOf(form.definition, submission.answers);
  const actorName = (role: string, id: string | null) =>
    role === "staff" || role === "admin" ? (names.get(id ?? "") ?? t("staff.detail.unknownStaff")) : t(`staff.detail.actor.${role}`);
  return {
    form,
    sections: summarize(form.definition, submission.answers, lng, t, sourceMarks(submission.provenance)),
    applicant: {
      name: submission.applicantName,
      signedIn: Boolean(applicantAccount),
      accountName: applicantAccount?.name ?? null,
      // Counter mode (staff filling in for a resident) will record the staff member here.
      actingStaff: null as string | null,
    },
    assigneeName: submission.assigneeId ? (names.get(submission.assigneeId) ?? null) : null,
    attachments: attachmentsOf(form.definition, [submission.answers, ...revisions.map((r) => r.answers)]).map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      // A file of an answer before a correction is still shown, marked as earlier.
      current: currentFiles.includes(a.id),
    })),
    revisions: revisions.map((r) => ({ revision: r.revision, submittedAt: r.submittedAt.toISOString() })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      actor: actorName(e.actorRole, e.actorId),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      body: e.body,
      assignee: e.assigneeId ? (names.get(e.assigneeId) ?? null) : null,
    })),
    actorName,
  };
}

export const submissionRevisionAnswers = (submissionId: string) =>
  getDb()
    .select({ answers: submissionRevisions.answers })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, submissionId))
    .all()
    .map((r) => r.answers);

/** How many lines of its audit list a submission's page shows, unless staff ask for all of them. */
export const AUDIT_LINES_SHOWN = 20;

/**
 * A submission's page for staff, dates as the city's clock shows them, or undefined when there is no such submission.
 * Every staff view of a submission's personal data is in the audit log.
 */
export function staffSubmissionPage(id: string, actor: AuditActor, lng: string, t: TFunction, { allAudit = false } = {}) {
  const submission = getSubmission(id);
  if (!submission) return undefined;
  recordAudit({ actor, action: "submission.viewed", subject: { type: "submission", id } });
  const v = submissionView(submission, lng, t);
  return {
    receiptNumber: submission.receiptNumber,
    formTitle: localizeText(v.form.definition.title, lng),
    revision: v.form.revision,
    status: submission.status,
    next: NEXT_STATUSES[submission.status],
    // 重複の可能性: the same person's other open applications of this procedure.
    duplicates: openApplicationsOf({ ...submission, excludeId: submission.id }),
    contactEmail: submission.contactEmail,
    // Whether a 補正依頼 would reach the applicant (My page or e-mail): the page says so before staff try.
    reachable: canReachApplicant(submission),
    notices: noticesOf(submission.id).map((n) => ({ ...n, at: formatDateTime(n.at, "ja") })),
    submittedAt: formatDateTime(submission.submittedAt, "ja"),
    updatedAt: formatDateTime(submission.updatedAt, "ja"),
    language: languageNamed(submission.language, lng),
    applicant: v.applicant,
    assigneeId: submission.assigneeId,
    assigneeName: v.assigneeName,
    staff: listStaff(),
    sections: v.sections,
    attachments: v.attachments,
    revisions: v.revisions.map((r) => ({ ...r, submittedAt: formatDateTime(r.submittedAt, "ja") })),
    events: v.events.map((e) => ({ ...e, at: formatDateTime(e.at, "ja") })),
    ...auditList(id, allAudit, v.actorName),
  };
}

// One per staff language (the languages of the locale folders): making one is slower than the rest of the name.
const displayNames = new Map<string, Intl.DisplayNames>();
const languageNames = (staffLanguage: string) => {
  let names = displayNames.get(staffLanguage);
  if (!names) displayNames.set(staffLanguage, (names = new Intl.DisplayNames([staffLanguage], { type: "language" })));
  return names;
};

/** The language a resident applied in, for staff: in the staff's language and in its own name (ベトナム語（Tiếng Việt）). */
function languageNamed(code: string, staffLanguage: string): string {
  let named = code;
  try {
    named = languageNames(staffLanguage).of(code) ?? code;
  } catch {
    // A code Intl cannot read (an old or hand-made row): shown as it is.
  }
  // Each language's folder names it in itself (the switch's words).
  const own = languageInfo(code)?.name;
  return own && own !== named ? `${named}（${own}）` : named;
}

/** The newest lines of the audit list (all with `all`), and whether there are more than the page shows. */
function auditList(id: string, all: boolean, actorName: (role: string, id: string | null) => string) {
  const lines = auditLines(id, all ? undefined : AUDIT_LINES_SHOWN + 1);
  return {
    audit: lines.slice(0, all ? undefined : AUDIT_LINES_SHOWN).map((a) => ({
      id: a.id,
      at: formatDateTime(a.at, "ja"),
      firstAt: formatDateTime(a.firstAt, "ja"),
      actor: actorName(a.actorRole, a.actorId),
      action: a.action,
      count: a.count,
    })),
    auditMore: !all && lines.length > AUDIT_LINES_SHOWN,
  };
}

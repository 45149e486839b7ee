/** PDF and CSV downloads for staff: gathering the submissions, and the audit entry for each one handed out. */
import { eq, inArray } from "drizzle-orm";
import type { TFunction } from "i18next";
import { counterVisits, staffUsers, submissions } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/audit.server";
import { getDb } from "../db.server";
import { getFormVersion, getLiveForm } from "../procedures/store.server";
import { attachmentContent, attachmentFilesOf, fileIdsOf } from "../submissions/attachments.server";
import type { Owner } from "../submissions/drafts.server";
import { ownSubmission } from "../submissions/resident-copy.server";
import { csvHeader, csvRows } from "./csv.server";
import { getSubmission, submissionRevisionAnswers } from "./detail.server";
import { renderPdf } from "./pdf-render.server";

/** The paper form is in Japanese, whoever prints it. */
const PAPER_LANGUAGE = "ja";
import { listQueue, type QueueFilter } from "./queue.server";

/** The most submissions one printout takes (a batch of 1,000 is about a minute of printing, not a server stall). */
export const MAX_BATCH = 1000;

/** One audit entry per submission handed out (so each submission's log shows it), written together. */
function auditEach(actor: AuditActor, action: string, ids: string[], details: Record<string, unknown> = {}) {
  const at = new Date();
  getDb().transaction((tx) => {
    for (const id of ids) recordAudit({ actor, action, subject: { type: "submission", id }, details, at }, tx);
  });
}

const definitionOf = (versionId: number) => getFormVersion(versionId)!.definition; // parsed once per process

/** One PDF of the given submissions in the given order, attachments included; each handed-out one is audited. */
export async function submissionsPdf(ids: string[], actor: AuditActor): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const rows = getDb().select().from(submissions).where(inArray(submissions.id, ids)).all();
  // Entered at the counter: the resident's signature (drawn on screen, kept with the visit) or an empty box for it.
  const visitIds = [...new Set(rows.flatMap((r) => (r.counterVisitId ? [r.counterVisitId] : [])))];
  const signatures = new Map(
    visitIds.length
      ? getDb()
          .select({ id: counterVisits.id, signature: counterVisits.signature })
          .from(counterVisits)
          .where(inArray(counterVisits.id, visitIds))
          .all()
          .map((v) => [v.id, v.signature])
      : [],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  if (ordered.length === 0) return null;
  const bytes = await renderPdf(
    ordered.map((s) => {
      const definition = definitionOf(s.formVersionId);
      const files = attachmentFilesOf(definition, s.answers);
      const signature = s.channel === "counter" ? { signature: { path: signatures.get(s.counterVisitId ?? "") ?? null } } : {};
      return { definition, answers: s.answers, receiptNumber: s.receiptNumber, submittedAt: s.submittedAt, files, ...signature };
    }),
    PAPER_LANGUAGE,
  );
  auditEach(
    actor,
    "submission.pdf_downloaded",
    ordered.map((s) => s.id),
    { batch: ordered.length > 1 },
  );
  // Named by 受付番号, as the clerk files it (a batch: the first and how many).
  const first = ordered[0]!.receiptNumber;
  return { bytes, fileName: ordered.length === 1 ? `${first}.pdf` : `${first}-${ordered.length}.pdf` };
}

/**
 * The CSV of a procedure's queue under the given filters (every page), as a stream: read a page at a time through the
 * same keyset query as the screen, so memory stays flat however many rows match.
 */
export function queueCsvStream(filter: QueueFilter & { form: string }, staffId: string, actor: AuditActor, t: TFunction): ReadableStream<Uint8Array> | null {
  const latest = getLiveForm(filter.form);
  if (!latest) return null;
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(latest.definition, t)));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const page = listQueue({ ...filter, before: undefined, after: cursor }, staffId, 500);
      const ids = page.rows.map((r) => r.id);
      const full = ids.length
        ? getDb()
            .select({ s: submissions, assigneeName: staffUsers.displayName })
            .from(submissions)
            .leftJoin(staffUsers, eq(staffUsers.id, submissions.assigneeId))
            .where(inArray(submissions.id, ids))
            .all()
        : [];
      const byId = new Map(full.map((r) => [r.s.id, r]));
      const list = ids.map((id) => byId.get(id)!).map(({ s, assigneeName }) => ({ ...s, assigneeName, definition: definitionOf(s.formVersionId) }));
      if (list.length) controller.enqueue(encoder.encode(csvRows(latest.definition, list, t)));
      auditEach(actor, "submission.csv_exported", ids);
      cursor = page.next ?? undefined;
      if (!page.next) done = true;
    },
  });
}

/**
 * A file of a submission (current, or of an answer before a correction) for staff to view or download, audited; or
 * undefined. Only a file this submission refers to: an attachment id from another submission is not found here.
 */
export function submissionFile(submissionId: string, attachmentId: string, actor: AuditActor, download: boolean) {
  const submission = getSubmission(submissionId);
  if (!submission) return undefined;
  const definition = definitionOf(submission.formVersionId);
  const ids = [submission.answers, ...submissionRevisionAnswers(submission.id)].flatMap((a) => fileIdsOf(definition, a));
  if (!ids.includes(attachmentId)) return undefined;
  const file = attachmentContent(attachmentId);
  if (!file) return undefined;
  recordAudit({
    actor,
    action: download ? "submission.attachment_downloaded" : "submission.attachment_viewed",
    subject: { type: "submission", id: submission.id },
    details: { attachmentId: file.id },
  });
  return file;
}

/**
 * The resident's copy of their own submission as PDF (the same paper form, without the staff boxes or attachments:
 * the resident has their files), or null when it is not theirs. Handing it out is audited like a staff download.
 */
export async function residentCopyPdf(owner: Owner | null, formId: string, receiptNumber: string, actor: AuditActor) {
  const s = ownSubmission(owner, receiptNumber, formId);
  if (!s) return null;
  const bytes = await renderPdf(
    [{ definition: definitionOf(s.formVersionId), answers: s.answers, receiptNumber: s.receiptNumber, submittedAt: s.submittedAt, copy: "resident" }],
    PAPER_LANGUAGE,
  );
  recordAudit({ actor, action: "submission.resident_copy_downloaded", subject: { type: "submission", id: s.id } });
  return { bytes, receiptNumber: s.receiptNumber };
}

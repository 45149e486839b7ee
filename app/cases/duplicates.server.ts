/**
 * A second open application of the same procedure by the same person (重複の可能性): the same signed-in resident, or
 * the same applicant name and birth date (cases/applicant.ts). Only a hint for the resident and for staff: people do
 * apply twice on purpose (a second 住民票 request), so nothing is refused.
 */
import { and, asc, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { submissions, type SubmissionStatus } from "../../db/schema";
import { getDb } from "../db.server";

/** Statuses in which an application is still being handled. */
export const OPEN_STATUSES: readonly SubmissionStatus[] = ["received", "in_review", "needs_correction"];

export type PersonOf = {
  formId: string;
  residentAccountId: string | null;
  personKey: string | null;
  /** the submission itself, left out */ excludeId?: string;
};

/** 受付番号 of the person's other open applications of the procedure, oldest first. */
export function openApplicationsOf(person: PersonOf): string[] {
  const same: SQL[] = [];
  if (person.residentAccountId) same.push(eq(submissions.residentAccountId, person.residentAccountId));
  if (person.personKey) same.push(eq(submissions.personKey, person.personKey));
  if (same.length === 0) return [];
  return getDb()
    .select({ receiptNumber: submissions.receiptNumber })
    .from(submissions)
    .where(
      and(
        or(...same),
        eq(submissions.formId, person.formId),
        inArray(submissions.status, [...OPEN_STATUSES]),
        person.excludeId ? ne(submissions.id, person.excludeId) : undefined,
      ),
    )
    .orderBy(asc(submissions.submittedAt))
    .limit(5)
    .all()
    .map((r) => r.receiptNumber);
}

/** The ids among `rows` that have another open application of the same person and procedure (the queue's mark). */
export function possibleDuplicates(rows: { id: string }[]): Set<string> {
  if (rows.length === 0) return new Set();
  const db = getDb();
  const found = db
    .select({ id: submissions.id, formId: submissions.formId, residentAccountId: submissions.residentAccountId, personKey: submissions.personKey })
    .from(submissions)
    .where(
      inArray(
        submissions.id,
        rows.map((r) => r.id),
      ),
    )
    .all();
  // At most a page (50) of rows, each one indexed look-up.
  return new Set(found.filter((s) => openApplicationsOf({ ...s, excludeId: s.id }).length > 0).map((s) => s.id));
}

/** What the queue tells a clerk about a case at a glance: whom it is about, how long it has waited, its 期限. */
import { personAt } from "../cases/applicant";
import type { SubmissionStatus } from "../cases/statuses";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { isoDateInJapan } from "../i18n/dates";

const DAY = 24 * 60 * 60 * 1000;
const OPEN: readonly SubmissionStatus[] = ["received", "in_review", "needs_correction"];

/** Whole days between two of the city's calendar days (JST has no daylight saving, so each day is 24 hours). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export type CaseFacts = {
  /** The person the case is about: the definition's subjectName (a 保育所 case: the child), else the applicant. */
  subjectName: string | null;
  /** 経過日数: calendar days since it was submitted, the city's days (submitted today: 0). */
  elapsedDays: number;
  /** 期限: the day the 標準処理期間 (processingDays, in calendar days) ends, ISO. */
  dueDate: string;
  /** An open case past its 期限. */
  overdue: boolean;
};

export function caseFacts(
  definition: FormDefinition,
  s: { answers: Answers; applicantName: string | null; submittedAt: Date; status: SubmissionStatus },
  now = new Date(),
): CaseFacts {
  const subject = definition.subjectName ? personAt(definition, s.answers, definition.subjectName)?.name : undefined;
  const submitted = isoDateInJapan(s.submittedAt);
  const today = isoDateInJapan(now);
  const dueDate = addDays(submitted, definition.processingDays);
  return {
    subjectName: subject || s.applicantName,
    elapsedDays: Math.max(0, daysBetween(submitted, today)),
    dueDate,
    overdue: OPEN.includes(s.status) && today > dueDate,
  };
}

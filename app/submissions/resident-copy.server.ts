/**
 * The resident's copy of what they submitted (控え): the answers as submitted, by the definition version they were
 * made with, formatted as the check page formats them, for the receipt page and My page. Only the owner gets it.
 */
import type { TFunction } from "i18next";
import { localizeText } from "../form-engine/localized";
import { summarize } from "../form-engine/summary";
import { getFormVersion } from "../procedures/store.server";
import { findSubmissionForOwner, type Owner, type Submission } from "./drafts.server";

/** The owner's submission of the procedure by 受付番号, or undefined (someone else's is answered as missing). */
export function ownSubmission(owner: Owner | null, receiptNumber: string, formId?: string): Submission | undefined {
  const submission = owner ? findSubmissionForOwner(owner, receiptNumber) : undefined;
  return submission && (formId === undefined || submission.formId === formId) ? submission : undefined;
}

/** The answers as submitted, by step, without sources or 変更 links: a copy, not a form. */
export function submittedAnswers(submission: Submission, lng: string, t: TFunction) {
  const form = getFormVersion(submission.formVersionId)!;
  return { formTitle: localizeText(form.definition.title, lng), sections: summarize(form.definition, submission.answers, lng, t) };
}

/** The link to the copy as PDF. */
export const residentCopyPdfPath = (s: Pick<Submission, "formId" | "receiptNumber">) => `/procedures/${s.formId}/receipt/${s.receiptNumber}/pdf`;

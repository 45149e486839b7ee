/**
 * My page (マイページ): what the city holds about the signed-in resident (住民記録, or what the identity provider told
 * us), their applications, and the contact data kept with their consent. Days are the day in Japan, shown as every
 * date is (i18n/dates).
 */
import type { TFunction } from "i18next";
import type { residentAccounts } from "../../db/schema";
import { openCorrectionRequest, residentHistory } from "../cases/resident-view.server";
import { localizeText } from "../form-engine/localized";
import { getFormVersion } from "../procedures/store.server";
import { formatDate, formatDateTime, isoDateInJapan } from "../i18n/dates";
import { findSubmissionForOwner, formOfDraft, listOpenDrafts, listSubmissionsOf, startCorrection } from "../submissions/drafts.server";
import { residentCopyPdfPath, submittedAnswers } from "../submissions/resident-copy.server";
import { getProfile } from "./profile.server";
import { formatAddress, fullName, getRegistryPerson, listHouseholdMembers } from "./resident-records.server";

type ResidentAccount = typeof residentAccounts.$inferSelect;

export function myPage(resident: ResidentAccount, lng: string) {
  const registry = resident.personId ? getRegistryPerson(resident.personId) : undefined;
  const profile = getProfile(resident.id);
  return {
    identity: { name: resident.name, nameKana: resident.nameKana, birthDate: resident.birthDate, sex: resident.sex, address: resident.address },
    registry: registry
      ? {
          name: fullName(registry.person),
          birthDate: formatDate(registry.person.birthDate, lng),
          sex: registry.person.sex,
          address: formatAddress(registry.household),
          members: listHouseholdMembers(registry.household.id).map((m) => ({
            id: m.id,
            name: fullName(m),
            relationship: m.relationship,
            birthDate: formatDate(m.birthDate, lng),
          })),
        }
      : null,
    profile: profile
      ? {
          phone: profile.phone,
          email: profile.email,
          employer: profile.employer,
          workDaysPerWeek: profile.workDaysPerWeek,
          workHoursPerMonth: profile.workHoursPerMonth,
          consentedAt: formatDate(isoDateInJapan(profile.consentedAt), lng),
        }
      : null,
    drafts: listOpenDrafts({ residentAccountId: resident.id }).map((d) => ({
      formId: d.formId,
      title: localizeText(formOfDraft(d).definition.title, lng),
      updatedAt: formatDate(isoDateInJapan(d.updatedAt), lng),
    })),
    submissions: listSubmissionsOf(resident.id).map((s) => ({
      receiptNumber: s.receiptNumber,
      formId: s.formId,
      title: localizeText(getFormVersion(s.formVersionId)!.definition.title, lng),
      submittedAt: formatDate(isoDateInJapan(s.submittedAt), lng),
      status: s.status,
    })),
  };
}

/**
 * One of the resident's own applications and its progress, or undefined: someone else's 受付番号 is answered as if it
 * did not exist.
 */
export function myApplication(resident: ResidentAccount, receiptNumber: string, lng: string, t: TFunction) {
  const submission = findSubmissionForOwner({ residentAccountId: resident.id }, receiptNumber);
  if (!submission) return undefined;
  return {
    // The answers as they stand (after a correction, the corrected ones), and the copy as PDF.
    sections: submittedAnswers(submission, lng, t).sections,
    pdfPath: residentCopyPdfPath(submission),
    formTitle: localizeText(getFormVersion(submission.formVersionId)!.definition.title, lng),
    receiptNumber: submission.receiptNumber,
    status: submission.status,
    submittedAt: formatDateTime(submission.submittedAt, lng),
    correction: submission.status === "needs_correction" ? openCorrectionRequest(submission.id) : null,
    history: residentHistory(submission.id).map((e) => ({ ...e, at: formatDateTime(e.at, lng) })),
  };
}

export type CorrectionStart = { kind: "notFound" } | { kind: "notOpen"; receiptNumber: string } | { kind: "started"; formId: string };

/** Starts (or resumes) correcting an application, only while a 補正依頼 is open on it. */
export function correctMyApplication(resident: ResidentAccount, receiptNumber: string): CorrectionStart {
  const submission = findSubmissionForOwner({ residentAccountId: resident.id }, receiptNumber);
  if (!submission) return { kind: "notFound" };
  if (submission.status !== "needs_correction") return { kind: "notOpen", receiptNumber: submission.receiptNumber };
  startCorrection(submission);
  return { kind: "started", formId: submission.formId };
}

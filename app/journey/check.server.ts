/** The check page (確認): every answer by step with where it came from, the declaration, and submitting. */
import type { TFunction } from "i18next";
import { openCorrectionRequest } from "../cases/resident-view.server";
import { localizeText } from "../form-engine/localized";
import { summarize } from "../form-engine/summary";
import { pageTitle } from "../i18n/title";
import { sourceMarks } from "../prefill/prefill-sources.server";
import { keepProfile, reusableAnswers } from "../residents/profile.server";
import { findDraftOfOwner, findSubmissionOfDraft, formOfDraft, submitDraft, type Owner } from "../submissions/drafts.server";
import type { DraftContext } from "./draft.server";
import { journeyOf, type Actor, type Place } from "./journey";

type Locale = { t: TFunction; lng: string };

export type CheckOutcome = { goTo: Place } | { page: ReturnType<typeof page> };

function page({ form, draft, actor }: DraftContext, { t, lng }: Locale, declarationError?: string) {
  const reusable = actor.kind === "resident" && actor.residentAccountId ? Object.keys(reusableAnswers(form.definition, draft.answers, draft.prefill)) : [];
  return {
    // Correcting after a 補正依頼: the city's message stays in view while the resident checks and changes answers.
    correction: draft.correctionOf ? (openCorrectionRequest(draft.correctionOf) ?? "") : null,
    reusable,
    title: pageTitle(t, `${t("journey.check.title")} – ${localizeText(form.definition.title, lng)}`, { error: Boolean(declarationError) }),
    formId: form.formId,
    draftId: draft.id,
    formTitle: form.definition.title,
    declaration: form.definition.declaration,
    sections: summarize(form.definition, draft.answers, lng, t, sourceMarks(draft.provenance)),
    declarationError,
  };
}

/** The check page, once every step that applies is done. */
export function showCheck(ctx: DraftContext, locale: Locale, declarationError?: string): CheckOutcome {
  const open = journeyOf(ctx.form.definition, ctx.draft, ctx.actor).checkPage();
  return open ? { goTo: open } : { page: page(ctx, locale, declarationError) };
}

export type SubmitRequest = { draftId: string; declared: boolean; keepProfile: boolean };
export type SubmitOutcome =
  { kind: "submitted"; receiptNumber: string } | { kind: "declarationMissing" } | { kind: "goTo"; place: Place } | { kind: "noDraft" };

/**
 * Submits the draft the page showed (by id, so a second tab or a double click finds the first submission instead
 * of a newer draft), after the declaration and a full validation against its own pinned definition.
 */
export function submitFromCheck(owner: Owner, actor: Actor, input: SubmitRequest, lng: string): SubmitOutcome {
  const draft = findDraftOfOwner(owner, input.draftId);
  if (!draft) return { kind: "noDraft" };
  // A second submit (double click, back and resubmit, another tab) finds the first submission.
  const existing = findSubmissionOfDraft(draft);
  if (existing) return { kind: "submitted", receiptNumber: existing.receiptNumber };
  if (!input.declared) return { kind: "declarationMissing" };
  const form = formOfDraft(draft);
  const check = journeyOf(form.definition, draft, actor).canSubmit();
  if (!check.ok) return check.reason === "incomplete" ? { kind: "goTo", place: check.goTo } : { kind: "noDraft" };
  const submission = submitDraft(draft.id, lng);
  // Kept for later procedures only when the resident ticked the box (explicit consent).
  if (actor.kind === "resident" && actor.residentAccountId && input.keepProfile) {
    const values = reusableAnswers(form.definition, draft.answers, draft.prefill);
    if (Object.keys(values).length > 0) keepProfile(actor.residentAccountId, values);
  }
  return { kind: "submitted", receiptNumber: submission.receiptNumber };
}

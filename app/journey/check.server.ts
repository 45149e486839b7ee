/** The check page (確認): every answer by step with where it came from, the declaration, and submitting. */
import type { TFunction } from "i18next";
import { z } from "zod";
import { answerAt, applicantOf } from "../cases/applicant";
import { openApplicationsOf } from "../cases/duplicates.server";
import { openCorrectionRequest } from "../cases/resident-view.server";
import { localizeText, inLanguage } from "../form-engine/localized";
import { summarize, type SummarySection } from "../form-engine/summary";
import type { Answers } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { offeredIndex } from "../form-engine/item-keys";
import { shownValues } from "../prefill/step.server";
import { placePath } from "./paths";
import { pageTitle } from "../i18n/title";
import { sourceMarks } from "../prefill/prefill-sources.server";
import { getProfile, keepProfile, reusableAnswers } from "../residents/profile.server";
import { DraftNotOpen, findDraftOfOwner, findSubmissionOfDraft, formOfDraft, submitDraft, type Draft, type Owner } from "../submissions/drafts.server";
import { isRetired } from "../procedures/store.server";
import { getDb } from "../db.server";
import type { AnswersState, JourneyForm } from "./answers-store.server";
import { journeyOf, type Actor, type Place } from "./journey";

type Locale = { t: TFunction; lng: string };

export type CheckOutcome = { goTo: Place } | { page: ReturnType<typeof page> };

/** The check page's context: a resident's draft (requireDraft), or an administrator's preview (which is no correction). */
export type CheckContext = {
  form: JourneyForm;
  draft: AnswersState & Pick<Draft, "id" | "correctionOf">;
  actor: Actor;
  /** A preview's URL of a place (the resident journey's paths otherwise). */
  placeUrl?: (place: Place) => string;
};

export type CheckErrors = { declaration?: string; noticeEmail?: string; /** the address as typed, kept on an error */ noticeEmailValue?: string };

const residentOf = (actor: Actor) => (actor.kind === "preview" ? null : actor.residentAccountId);

/** The address the submission's notices go to: its e-mail answer, the one left on the check page, or the kept profile's. */
function contactEmailOf(form: JourneyForm, draft: AnswersState, actor: Actor, typed: string): string | null {
  const answer = answerAt(draft.answers, form.definition.contactEmail);
  if (typeof answer === "string" && answer) return answer;
  if (typed) return typed;
  const resident = residentOf(actor);
  return (resident && getProfile(resident)?.email) || null;
}

function page({ form, draft, actor, placeUrl }: CheckContext, { t, lng }: Locale, errors: CheckErrors = {}) {
  const declarationError = errors.declaration;
  const reusable = actor.kind === "resident" && actor.residentAccountId ? Object.keys(reusableAnswers(form.definition, draft.answers, draft.prefill)) : [];
  // 重複の可能性: the same person's open application of this procedure (a correction is the application itself; a
  // preview shows no one's real applications).
  const duplicates =
    draft.correctionOf || actor.kind === "preview"
      ? []
      : openApplicationsOf({ formId: form.formId, residentAccountId: residentOf(actor), personKey: applicantOf(form.definition, draft.answers).personKey });
  return {
    duplicates,
    // Without an address from the answers or the profile, the resident may leave one for notices (without SMTP_URL
    // staff see it on the case page and can write themselves; ADR 0013).
    askNoticeEmail: !draft.correctionOf && actor.kind === "resident" && contactEmailOf(form, draft, actor, "") === null,
    noticeEmailError: errors.noticeEmail,
    noticeEmailValue: errors.noticeEmailValue ?? "",
    // Correcting after a 補正依頼: the city's message stays in view while the resident checks and changes answers.
    correction: draft.correctionOf ? (openCorrectionRequest(draft.correctionOf) ?? "") : null,
    reusable,
    title: pageTitle(t, `${t("journey.check.title")} – ${localizeText(form.definition.title, lng)}`, {
      error: Boolean(declarationError || errors.noticeEmail),
    }),
    formId: form.formId,
    draftId: draft.id,
    formTitle: inLanguage(form.definition.title, lng),
    declaration: inLanguage(form.definition.declaration, lng),
    /** The language of the page's texts: the page reads them in it, whatever the browser's i18next says meanwhile. */
    lng,
    sections: withItemLinks(
      form,
      draft,
      placeUrl ?? ((place) => placePath(form.formId, place)),
      summarize(form.definition, draft.answers, lng, t, sourceMarks(draft.provenance)),
    ),
    declarationError,
  };
}

/**
 * 「変更」 of a person asked one per page leads to that person's page. The stored answer holds only who is in it; the
 * page lists every offered person first, so the item's place there is found through which offered person it is.
 */
function withItemLinks(form: JourneyForm, draft: AnswersState, urlOf: (place: Place) => string, sections: SummarySection[]): SummarySection[] {
  return sections.map((section) => {
    const step = form.definition.steps.find((s) => s.id === section.stepId)!;
    const shown = shownValues(step, draft);
    return {
      ...section,
      rows: section.rows.map((row) => {
        const def = step.fields.find((f) => f.name === row.field);
        if (!row.items || !def || !getFieldType(def.type).items?.onePerPage?.(def)) return row;
        const stored = (draft.answers[row.field] as Answers[] | undefined) ?? [];
        const list = (shown[row.field] as Answers[] | undefined) ?? [];
        const placeOf = (index: number) => {
          const offered = offeredIndex(stored[index]);
          if (offered !== undefined) return list.findIndex((x) => offeredIndex(x) === offered);
          const nth = stored.slice(0, index).filter((x) => offeredIndex(x) === undefined).length;
          return list.flatMap((x, i) => (offeredIndex(x) === undefined ? [i] : []))[nth] ?? -1;
        };
        return {
          ...row,
          items: row.items.map((item) => {
            const place = placeOf(item.index);
            const href = place < 0 ? undefined : urlOf({ at: "step", stepId: step.id, item: `${row.field}.${place}`, returnToCheck: true });
            return { ...item, href };
          }),
        };
      }),
    };
  });
}

/** The check page, once every step that applies is done. */
export function showCheck(ctx: CheckContext, locale: Locale, errors: CheckErrors = {}): CheckOutcome {
  const open = journeyOf(ctx.form.definition, ctx.draft, ctx.actor).checkPage();
  return open ? { goTo: open } : { page: page(ctx, locale, errors) };
}

export type SubmitRequest = { draftId: string; declared: boolean; keepProfile: boolean; /** optional, for notices */ noticeEmail?: string };
export type SubmitOutcome =
  | { kind: "submitted"; receiptNumber: string }
  | { kind: "invalid"; declarationMissing: boolean; noticeEmailInvalid: boolean }
  | { kind: "goTo"; place: Place }
  | { kind: "noDraft" }
  | { kind: "closed" };

const noticeEmail = z.string().max(254).email();

/**
 * Submits the draft the page showed (by id, so a second tab or a double click finds the first submission instead
 * of a newer draft), after the declaration and a full validation against its own pinned definition.
 */
export function submitFromCheck(owner: Owner, actor: Actor, input: SubmitRequest, lng: string): SubmitOutcome {
  // Read, checked and sent under the write lock: a save through another app server meanwhile (a second tab) is either
  // in what is checked or waits until the draft is sent, never sent unchecked.
  return getDb().transaction(() => checkAndSubmit(owner, actor, input, lng));
}

function checkAndSubmit(owner: Owner, actor: Actor, input: SubmitRequest, lng: string): SubmitOutcome {
  const draft = findDraftOfOwner(owner, input.draftId);
  if (!draft) return { kind: "noDraft" };
  // A second submit (double click, back and resubmit, another tab) finds the first submission.
  const existing = findSubmissionOfDraft(draft);
  if (existing) return { kind: "submitted", receiptNumber: existing.receiptNumber };
  // Cleaned like the e-mail field type: full-width characters and surrounding spaces are not the resident's mistake.
  const typed = (input.noticeEmail ?? "").normalize("NFKC").trim();
  const noticeEmailInvalid = typed !== "" && !noticeEmail.safeParse(typed).success;
  if (!input.declared || noticeEmailInvalid) return { kind: "invalid", declarationMissing: !input.declared, noticeEmailInvalid };
  const form = formOfDraft(draft);
  // A retired procedure takes no more applications, also from a draft begun before (issue 11, point 5).
  if (isRetired(form.formId)) return { kind: "closed" };
  const check = journeyOf(form.definition, draft, actor).canSubmit();
  if (!check.ok) return check.reason === "incomplete" ? { kind: "goTo", place: check.goTo } : { kind: "noDraft" };
  let submission;
  try {
    submission = submitDraft(draft.id, lng, { contactEmail: contactEmailOf(form, draft, actor, typed) });
  } catch (error) {
    // Closed while this page was open (taken over at the counter, or its correction's case decided): as for a draft
    // that is gone, back to the start page.
    if (error instanceof DraftNotOpen) return { kind: "noDraft" };
    throw error;
  }
  // Kept for later procedures only when the resident ticked the box (explicit consent).
  if (actor.kind === "resident" && actor.residentAccountId && input.keepProfile) {
    const values = reusableAnswers(form.definition, draft.answers, draft.prefill);
    if (Object.keys(values).length > 0) keepProfile(actor.residentAccountId, values);
  }
  return { kind: "submitted", receiptNumber: submission.receiptNumber };
}

/**
 * A procedure on one page, every section (step) that applies under its own heading: the clerk's page at the counter
 * (書かない窓口), where the conversation, not the form, decides the order. The same engine as the step pages: the same
 * fields and prefill, the same server validation step by step (each step validated with the answers before it), the
 * same fixed values refused when tampered with. A step whose answers are valid is saved as done; the others keep what
 * was entered and the page shows what is missing.
 */
import type { TFunction } from "i18next";
import { errorTarget, normalizeStep, validateStep, visibleSteps, type Answers, type FieldError, type Step } from "../form-engine/engine";
import { translateErrors } from "../form-engine/errors";
import { getFieldType } from "../form-engine/field-types";
import { localizeText, inLanguage } from "../form-engine/localized";
import { pageTitle } from "../i18n/title";
import { fixedFieldsChanged, fixedValues, ownItems, prefillMarks, shownValues } from "../prefill/step.server";
import type { ReceivedForm } from "../submissions/attachments.server";
import type { AnswersState, AnswersStore, JourneyForm } from "./answers-store.server";
import { applyFieldCommand, fieldsForPage, fieldsShown } from "./journey";
import { nestedFromFormData } from "./step.server";

type Locale = { t: TFunction; lng: string };
export type SectionsContext = { form: JourneyForm; draft: AnswersState; store: AnswersStore };

/** The hidden input naming each section the page showed: a section that opened since is shown, not refused. */
export const SECTION = "_section";

/** What is still missing in a procedure: per section that applies, the answers its validation refuses. */
export function missingAnswers(form: JourneyForm, draft: AnswersState): { stepId: string; count: number }[] {
  let before: Answers = {};
  return visibleSteps(form.definition, draft.answers).flatMap((step) => {
    const shown = shownValues(step, draft);
    const result = validateStep(step, fixedOver(step, draft, shown), before);
    before = { ...before, ...result.values };
    const count = result.ok ? (draft.completedSteps.includes(step.id) ? 0 : 1) : result.errors.length;
    return count > 0 ? [{ stepId: step.id, count }] : [];
  });
}

const fixedOver = (step: Step, draft: AnswersState, raw: Answers) => ({ ...raw, ...fixedValues(step, draft) });

function sectionsPage(
  { form, draft }: SectionsContext,
  { t, lng }: Locale,
  posted?: { values: Answers; errors: FieldError[] },
  notice?: { opened: string[]; focus?: string },
) {
  // What was entered stands in for the answers (people offered from a list keep their place through which offer they are).
  const state = posted ? { ...draft, answers: { ...draft.answers, ...posted.values } } : draft;
  const steps = visibleSteps(form.definition, state.answers);
  const errors = posted?.errors ?? [];
  const sections = steps.map((step) => {
    const shown = shownValues(step, state);
    return {
      id: step.id,
      title: step.title,
      description: step.description,
      fields: fieldsForPage(fieldsShown(step, { ...state.answers, ...shown }), lng),
      values: shown,
      prefill: prefillMarks(step, state, shown),
      ownItems: ownItems(step, state, shown),
      opened: notice?.opened.includes(step.id) ?? false,
    };
  });
  return {
    /** The language of the page's texts: the page reads them in it, whatever the browser's i18next says meanwhile. */
    lng,
    title: pageTitle(t, localizeText(form.definition.title, lng), { error: errors.length > 0 }),
    formId: form.formId,
    formTitle: inLanguage(form.definition.title, lng),
    sections,
    answers: draft.answers,
    errors,
    opened: notice?.opened ?? [],
    focus: errors.length > 0 ? undefined : notice?.focus,
    multipart: steps.some((s) =>
      s.fields.some(
        (f) =>
          getFieldType(f.type).upload ||
          getFieldType(f.type)
            .items?.fields(f)
            .some((c) => getFieldType(c.type).upload),
      ),
    ),
  };
}

export type SectionsPage = ReturnType<typeof sectionsPage>;
export type SectionsOutcome = { saved: true } | { page: SectionsPage; status: 200 | 400 };

const pick = (step: Step, values: Answers) => Object.fromEntries(step.fields.filter((f) => f.name in values).map((f) => [f.name, values[f.name]]));

/** The page; `fix`: an answer the resident asked to have corrected, focused on arrival and named in a notice. */
export function showSections(ctx: SectionsContext, locale: Locale, fix?: string): SectionsPage & { fix: string | null } {
  const fields = ctx.form.definition.steps.flatMap((s) => s.fields);
  const def = fix ? fields.find((f) => f.name === fix) : undefined;
  if (!def) return { ...sectionsPage(ctx, locale), fix: null };
  const focus = errorTarget(fields, def.name, ctx.draft.answers);
  return { ...sectionsPage(ctx, locale, undefined, { opened: [], focus }), fix: localizeText(def.label, locale.lng) };
}

/**
 * A post of the whole procedure. A field's command ("add another") keeps everything entered and comes back. Otherwise
 * each section that applies is validated in order, with the answers before it; valid ones are saved as done. Saved
 * when every section is; a section that the answers opened (and the page did not show) is shown next.
 */
export async function postSections(ctx: SectionsContext, received: ReceivedForm, locale: Locale): Promise<SectionsOutcome> {
  const { form, store } = ctx;
  let draft = ctx.draft;
  const posted = nestedFromFormData(received.form);
  const shownSections = new Set([posted[SECTION]].flat().filter((v): v is string => typeof v === "string"));
  const steps = visibleSteps(form.definition, draft.answers).filter((s) => shownSections.has(s.id));
  for (const step of steps) await store.receiveUploads(step.fields, received, posted);

  for (const step of steps) {
    const command = applyFieldCommand(step, normalizeStep(step, posted), posted._action);
    if (!command) continue;
    for (const s of steps) store.saveWorkingValues(s.id, s === step ? command.values : normalizeStep(s, posted));
    const values = steps.reduce<Answers>((acc, s) => ({ ...acc, ...(s === step ? command.values : normalizeStep(s, posted)) }), {});
    return { page: sectionsPage(ctx, locale, { values, errors: [] }, { opened: [], focus: command.focus }), status: 200 };
  }

  const errors: FieldError[] = [];
  const entered: Answers = {};
  let before: Answers = {};
  for (const step of visibleSteps(form.definition, { ...draft.answers, ...posted })) {
    if (!shownSections.has(step.id)) continue;
    const raw = pick(step, posted);
    const tampered = fixedFieldsChanged(step, draft, raw);
    if (tampered.length > 0) {
      errors.push(...tampered.map((name) => ({ path: name, target: `${name}-fixed`, message: locale.t("validation.fixed") })));
      continue;
    }
    const result = validateStep(step, fixedOver(step, draft, raw), before);
    Object.assign(entered, result.values);
    before = { ...before, ...result.values };
    if (result.ok) {
      draft = store.saveStep(step.id, result.values);
    } else {
      store.saveWorkingValues(step.id, result.values);
      errors.push(...translateErrors(step, result.errors, locale.t, locale.lng, result.values));
    }
  }
  const ctxAfter = { ...ctx, draft };
  if (errors.length > 0) return { page: sectionsPage(ctxAfter, locale, { values: entered, errors }), status: 400 };
  // Sections the answers opened (「公金受取口座で受け取る」 opens the account): shown with what the city knows, to check.
  const opened = visibleSteps(form.definition, draft.answers).filter((s) => !draft.completedSteps.includes(s.id));
  if (opened.length > 0) {
    const first = opened[0]!;
    const focus = `section-${first.id}`;
    return { page: sectionsPage(ctxAfter, locale, undefined, { opened: opened.map((s) => s.id), focus }), status: 200 };
  }
  return { saved: true };
}

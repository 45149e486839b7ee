/** A step page of the journey: what it shows, and what a post to it does. Routes map the results to responses. */
import type { TFunction } from "i18next";
import qs from "qs";
import { errorTarget, normalizeStep, validateStep, type Answers, type FieldError, type Step } from "../form-engine/engine";
import { translateErrors } from "../form-engine/errors";
import { localizeText } from "../form-engine/localized";
import { getFieldType } from "../form-engine/field-types";
import { pageTitle } from "../i18n/title";
import { ASKED } from "../form-engine/render";
import { fixedFieldsChanged, fixedValues, ownItems, prefillMarks, shownValues } from "../prefill/step.server";
import { lookupPostalCode } from "../addresses/postal-code.server";
import { receiveUploads, type ReceivedForm } from "../submissions/attachments.server";
import { saveStep, saveWorkingValues } from "../submissions/drafts.server";
import type { DraftContext } from "./draft.server";
import { applyFieldCommand, fieldsShown, journeyOf, pendingFollowUps, type Place } from "./journey";
import { placePath } from "./paths";

type Locale = { t: TFunction; lng: string };
/** What the URL says about the page: back to the check page, the element to focus, follow-up questions asked. */
export type Arrival = { returnToCheck: boolean; focus?: string; followUps?: boolean };

/** Form posts as nested objects (files are handled separately): `persons[0][birthDate][year]` → { persons: [{ birthDate: { year } }] }. */
export function nestedFromFormData(form: FormData): Record<string, unknown> {
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (typeof v === "string") params.append(k, v);
  return qs.parse(params.toString(), { depth: 6, arrayLimit: 100, parameterLimit: 2000 }) as Record<string, unknown>;
}

function page(
  ctx: DraftContext,
  step: Step,
  position: { number: number; total: number; back: Place },
  arrival: Arrival,
  { t, lng }: Locale,
  values?: Answers,
  errors: FieldError[] = [],
) {
  const { form, draft } = ctx;
  const formId = form.formId;
  // Until the resident has saved this step, what the city already knows stands in for answers (ワンスオンリー).
  const shown = values ?? shownValues(step, draft);
  return {
    title: pageTitle(t, `${localizeText(step.title, lng)} – ${localizeText(form.definition.title, lng)}`, { error: errors.length > 0 }),
    formId,
    formTitle: form.definition.title,
    step: { id: step.id, title: step.title, description: step.description },
    fields: fieldsShown(step, { ...draft.answers, ...shown }),
    // Earlier answers the conditions on this step may read (the browser checks the step with the same schema).
    answers: draft.answers,
    multipart: step.fields.some(
      (f) =>
        getFieldType(f.type).upload ||
        getFieldType(f.type)
          .items?.fields(f)
          .some((c) => getFieldType(c.type).upload),
    ),
    prefill: prefillMarks(step, draft, shown),
    ownItems: ownItems(step, draft, shown),
    values: shown,
    errors,
    // After errors the summary takes focus; otherwise the element the journey named (an added item, a follow-up).
    focus: errors.length > 0 ? undefined : arrival.focus,
    followUps: Boolean(arrival.followUps) && errors.length === 0,
    progress: { number: position.number, total: position.total },
    back: placePath(formId, position.back),
    fromCheck: arrival.returnToCheck,
  };
}

export type StepPage = ReturnType<typeof page>;
export type StepOutcome = { goTo: Place } | { page: StepPage; status: 200 | 400 };

/** The step page, if it may be visited now. */
export function showStep(ctx: DraftContext, stepId: string, arrival: Arrival, locale: Locale): StepOutcome {
  const visit = journeyOf(ctx.form.definition, ctx.draft, ctx.actor).visit(stepId, arrival.returnToCheck);
  if (!visit.ok) return { goTo: visit.goTo };
  return { page: page(ctx, visit.step, visit, arrival, locale), status: 200 };
}

/**
 * A post to a step: a field's command ("add another") keeps what was typed and comes back; otherwise the answers are
 * validated against the definition and saved, and the journey says where to go next.
 */
export async function postStep(ctx: DraftContext, stepId: string, arrival: Arrival, received: ReceivedForm, locale: Locale): Promise<StepOutcome> {
  const { returnToCheck } = arrival;
  const { form, draft, actor } = ctx;
  const visit = journeyOf(form.definition, draft, actor).visit(stepId, returnToCheck);
  if (!visit.ok) return { goTo: visit.goTo };
  const { step } = visit;
  const raw = nestedFromFormData(received.form);
  // Upload answers come only from what the server received and checked, never from the posted fields.
  await receiveUploads(draft, step.fields, received, raw);

  const command = applyFieldCommand(step, normalizeStep(step, raw), raw._action, { lookupPostalCode });
  if (command) {
    saveWorkingValues(draft, step.id, command.values);
    return { goTo: { at: "step", stepId: step.id, returnToCheck, focus: command.focus } };
  }

  const invalid = (values: Answers | undefined, errors: FieldError[]): StepOutcome => ({
    page: page(ctx, step, visit, arrival, locale, values, translateErrors(step, errors, locale.t, locale.lng, values)),
    status: 400,
  });
  // A fixed value (shown as text) is the city's: a post that tries to change it is refused, nothing is stored.
  const tampered = fixedFieldsChanged(step, draft, raw);
  if (tampered.length > 0)
    return invalid(
      undefined,
      tampered.map((name) => ({ path: name, target: `${name}-fixed`, message: "validation.fixed" })),
    );
  Object.assign(raw, fixedValues(step, draft));
  const result = validateStep(step, raw, draft.answers);
  // Follow-up questions the answers opened but the page could not show (no JavaScript) are asked next, on the same
  // step: what was answered is kept, and the step is not done until they are answered too.
  const asked = new Set([raw[ASKED]].flat().filter((v): v is string => typeof v === "string"));
  const pending = pendingFollowUps(step, draft.answers, result.values, asked);
  const isPending = (path: string) => pending.some((p) => path === p || path.startsWith(`${p}.`));
  const errors = result.ok ? [] : result.errors.filter((e) => !isPending(e.path));
  if (errors.length > 0) return invalid(result.values, errors);
  if (pending.length > 0) {
    saveWorkingValues(draft, step.id, result.values);
    return { goTo: { at: "step", stepId: step.id, returnToCheck, followUps: true, focus: errorTarget(step.fields, pending[0]!, result.values) } };
  }
  if (!result.ok) return invalid(result.values, result.errors);
  const saved = saveStep(draft, form, step.id, result.values);
  return { goTo: journeyOf(form.definition, saved, actor).afterSave(step.id, returnToCheck) };
}

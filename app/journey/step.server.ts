/** A step page of the journey: what it shows, and what a post to it does. Routes map the results to responses. */
import type { TFunction } from "i18next";
import qs from "qs";
import { errorTarget, normalizeStep, validateStep, type Answers, type FieldError, type Step } from "../form-engine/engine";
import { translateErrors } from "../form-engine/errors";
import { localizeText, inLanguage } from "../form-engine/localized";
import { requiredMessageOf } from "../form-engine/field-type";
import { getFieldType } from "../form-engine/field-types";
import { pageTitle } from "../i18n/title";
import { ASKED } from "../form-engine/render";
import { fixedFieldsChanged, fixedValues, ownItems, prefillMarks, shownValues } from "../prefill/step.server";
import { lookupPostalCode } from "../addresses/postal-code.server";
import type { ReceivedForm } from "../submissions/attachments.server";
import type { AnswersState, AnswersStore, JourneyForm } from "./answers-store.server";
import { msg } from "../form-engine/messages";
import { isExcluded } from "../form-engine/item-keys";
import {
  applyFieldCommand,
  fieldsForPage,
  fieldsShown,
  itemPageOf,
  journeyOf,
  listedFields,
  mergeItemPosts,
  pendingFollowUps,
  type Actor,
  type ItemPage,
  type Place,
} from "./journey";
import { placePath } from "./paths";

type Locale = { t: TFunction; lng: string };
/**
 * A step page's context: the definition, the answers so far, who fills it in, where answers are saved, and (a
 * preview) the URL of a place when it is not the resident journey's. A resident's draft context (requireDraft) is one.
 */
export type StepContext = { form: JourneyForm; draft: AnswersState; actor: Actor; store: AnswersStore; placeUrl?: (place: Place) => string };

/**
 * What the URL says about the page: back to the check page, the element to focus, follow-up questions asked, the
 * item whose own page this is ("persons.2"), whether it shows its errors on arrival, the item just saved.
 */
export type Arrival = { returnToCheck: boolean; focus?: string; followUps?: boolean; item?: string; showErrors?: boolean; saved?: string };

/**
 * Form posts as nested objects (files are handled separately): `persons[0][birthDate][year]` → { persons: [{ birthDate: { year } }] }.
 * `sparse`: an item page sends one item (`persons[2][…]`), which keeps its place instead of becoming the first.
 */
export function nestedFromFormData(form: FormData, { sparse = false } = {}): Record<string, unknown> {
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (typeof v === "string") params.append(k, v);
  return qs.parse(params.toString(), { depth: 6, arrayLimit: 100, parameterLimit: 2000, allowSparse: sparse }) as Record<string, unknown>;
}

/** Errors of one item ("persons.2.…"), or of everything but the items of the given fields. */
const inItem = (item: ItemPage) => (path: string) => path.startsWith(`${item.field}.${item.index}.`);
const outsideItems = (fields: string[]) => (path: string) => !fields.some((f) => path.startsWith(`${f}.`));

/** The name of an item of a field made of items (「伊藤 湊さん」, or 「異動者 3」 for someone not named yet). */
function itemLabel(step: Step, values: Answers, item: ItemPage, { t, lng }: Locale): string {
  const def = step.fields.find((f) => f.name === item.field)!;
  const value = ((values[item.field] as Answers[] | undefined) ?? [])[item.index] ?? {};
  return getFieldType(def.type).items!.label(def, item.index, value, lng, t);
}

function page(
  ctx: StepContext,
  step: Step,
  position: { number: number; total: number; back: Place },
  arrival: Arrival,
  { t, lng }: Locale,
  values?: Answers,
  errors: FieldError[] = [],
) {
  const { form, draft } = ctx;
  const formId = form.formId;
  const locale = { t, lng };
  // Until the resident has saved this step, what the city already knows stands in for answers (ワンスオンリー).
  const shown = values ?? shownValues(step, draft);
  const item = itemPageOf(step, shown, arrival.item);
  const listed = item ? [] : listedFields(step, shown);
  const list: Place = { at: "step", stepId: step.id, returnToCheck: arrival.returnToCheck };
  // Which people in a list still need answers: the step's own validation, item by item (shown as a tag in the list).
  const check = listed.length > 0 || (item && arrival.showErrors && errors.length === 0) ? validateStep(step, shown, draft.answers) : undefined;
  const problems = check && !check.ok ? check.errors : [];
  const attention = Object.fromEntries(
    listed.map((field) => [field, [...new Set(problems.filter((e) => e.path.startsWith(`${field}.`)).map((e) => Number(e.path.split(".")[1])))]]),
  );
  // Arriving from the list's error summary, a person's page shows what is missing there.
  if (item && arrival.showErrors && errors.length === 0)
    errors = translateErrors(
      step,
      problems.filter((e) => inItem(item)(e.path)),
      t,
      lng,
      shown,
    );
  const heading = item ? itemLabel(step, shown, item, locale) : undefined;
  const savedItem = !item && arrival.saved ? itemPageOf(step, shown, arrival.saved) : undefined;
  return {
    /** The language of the page's texts: the page reads them in it, whatever the browser's i18next says meanwhile. */
    lng,
    title: pageTitle(t, `${heading ? `${heading} – ` : ""}${localizeText(step.title, lng)} – ${localizeText(form.definition.title, lng)}`, {
      error: errors.length > 0,
    }),
    formId,
    formTitle: inLanguage(form.definition.title, lng),
    step: inLanguage({ id: step.id, title: step.title, description: item ? undefined : step.description }, lng),
    /** An item's own page: its place and the name its heading gives. */
    item: item ? { ...item, heading: heading! } : null,
    attention,
    saved: savedItem ? t("journey.itemSaved", { item: itemLabel(step, shown, savedItem, locale) }) : null,
    fields: fieldsForPage(item ? step.fields.filter((f) => f.name === item.field) : fieldsShown(step, { ...draft.answers, ...shown }), lng),
    /** Fields shown as a list of rows (their items are on their own pages). */
    listed,
    // Earlier answers the conditions on this step may read (a follow-up question shown in the browser reads them).
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
    // An error about an item shown as a row links to that item's page, which names the person and shows the problem.
    errors: errors.map((e) => {
      const [field, index] = e.path.split(".");
      if (!listed.includes(field!) || index === undefined) return { ...e, href: undefined };
      return { ...e, href: placePath(formId, { ...list, item: `${field}.${index}`, showErrors: true }) };
    }),
    // After errors the summary takes focus; otherwise the element the journey named (an added item, a follow-up).
    focus: errors.length > 0 ? undefined : arrival.focus,
    followUps: Boolean(arrival.followUps) && errors.length === 0,
    progress: { number: position.number, total: position.total },
    back: ctx.placeUrl ? ctx.placeUrl(item ? list : position.back) : placePath(formId, item ? list : position.back),
    fromCheck: arrival.returnToCheck,
  };
}

export type StepPage = ReturnType<typeof page>;
export type StepOutcome = { goTo: Place } | { page: StepPage; status: 200 | 400 };

/** The step page, if it may be visited now. */
export function showStep(ctx: StepContext, stepId: string, arrival: Arrival, locale: Locale): StepOutcome {
  const visit = journeyOf(ctx.form.definition, ctx.draft, ctx.actor).visit(stepId, arrival.returnToCheck);
  if (!visit.ok) return { goTo: visit.goTo };
  return { page: page(ctx, visit.step, visit, arrival, locale), status: 200 };
}

/**
 * A post to a step: a field's command ("add another") keeps what was typed and comes back; otherwise the answers are
 * validated against the definition and saved, and the journey says where to go next.
 */
export async function postStep(ctx: StepContext, stepId: string, arrival: Arrival, received: ReceivedForm, locale: Locale): Promise<StepOutcome> {
  const { returnToCheck } = arrival;
  const { form, draft, actor, store } = ctx;
  const visit = journeyOf(form.definition, draft, actor).visit(stepId, returnToCheck);
  if (!visit.ok) return { goTo: visit.goTo };
  const { step } = visit;
  const list: Place = { at: "step", stepId: step.id, returnToCheck };
  // What the page showed: a list page sends only who is ticked, an item page one item; the rest comes from here.
  const base = shownValues(step, draft);
  const item = itemPageOf(step, base, arrival.item);
  if (arrival.item && !item) return { goTo: list };
  const listed = item ? [] : listedFields(step, base);
  const posted = nestedFromFormData(received.form, { sparse: item !== undefined });
  // Upload answers come only from what the server received and checked, never from the posted fields.
  await store.receiveUploads(step.fields, received, posted);
  const raw = mergeItemPosts(step, base, posted, { listed, item });

  const command = item ? null : applyFieldCommand(step, normalizeStep(step, raw), raw._action, { lookupPostalCode });
  if (command) {
    store.saveWorkingValues(step.id, command.values);
    return { goTo: command.open ? { ...list, item: command.open } : { ...list, focus: command.focus } };
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
  // page: what was answered is kept, and the step is not done until they are answered too. Those of people shown as
  // rows are asked on each person's own page: on the list they are missing answers like any other.
  const asked = new Set([raw[ASKED]].flat().filter((v): v is string => typeof v === "string"));
  const onThisPage = item ? inItem(item) : outsideItems(listed);
  const pending = pendingFollowUps(step, draft.answers, result.values, asked).filter(onThisPage);
  const isPending = (path: string) => pending.some((p) => path === p || path.startsWith(`${p}.`));
  const errors = result.ok ? [] : result.errors.filter((e) => !isPending(e.path) && (!item || onThisPage(e.path)));
  // A person's page left blank is not a person: it is refused like any other missing answer.
  const unpruned = result.ok ? normalizeStep(step, raw) : result.values;
  const blank = item ? blankItemError(step, item, unpruned) : undefined;
  if (blank) errors.unshift(blank);
  if (errors.length > 0) {
    // The error summary of a list links to people's own pages: who is ticked must still be so when the resident
    // comes back (kept as working input; the step is not done).
    if (listed.length > 0) store.saveWorkingValues(step.id, result.values);
    return invalid(unpruned, errors);
  }
  if (pending.length > 0) {
    store.saveWorkingValues(step.id, result.values);
    return {
      goTo: { ...list, item: item ? `${item.field}.${item.index}` : undefined, followUps: true, focus: errorTarget(step.fields, pending[0]!, result.values) },
    };
  }
  if (item) {
    // The whole step is still checked before it counts as done: from the check page, straight back there when it
    // passes; otherwise the list, with a notice and the person's row focused.
    if (result.ok && returnToCheck) {
      const saved = store.saveStep(step.id, result.values);
      return { goTo: journeyOf(form.definition, saved, actor).afterSave(step.id, returnToCheck) };
    }
    store.saveWorkingValues(step.id, result.values);
    return { goTo: { ...list, saved: `${item.field}.${item.index}`, focus: `${item.field}-${item.index}` } };
  }
  if (!result.ok) return invalid(result.values, result.errors);
  const saved = store.saveStep(step.id, result.values);
  return { goTo: journeyOf(form.definition, saved, actor).afterSave(step.id, returnToCheck) };
}

/** The error of an item page sent with nothing in it (and not a person offered from the city's records). */
function blankItemError(step: Step, item: ItemPage, values: Answers): FieldError | undefined {
  const def = step.fields.find((f) => f.name === item.field)!;
  const value = ((values[item.field] as Answers[] | undefined) ?? [])[item.index];
  if (!isExcluded(value)) return undefined;
  const first = getFieldType(def.type).items!.fields(def)[0]!;
  const path = `${item.field}.${item.index}.${first.name}`;
  return { path, target: errorTarget(step.fields, path, values), message: msg(requiredMessageOf(getFieldType(first.type), first)) };
}

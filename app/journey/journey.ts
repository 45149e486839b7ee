/**
 * The route through a form for one draft: which steps apply, which step may be visited now, where a save leads,
 * the commands that change a field without saving ("add another"), and whether the check page may submit. It knows no
 * HTTP and no storage: it takes the definition, the draft's answers and completed steps, and who is filling it in.
 * Completed steps are derived from the answers the draft holds (GOV.UK forms-runner's journey works the same way).
 */
import { referencedFields } from "../form-engine/conditions";
import type { FormDefinition } from "../form-engine/definition";
import type { FieldDef } from "../form-engine/definition";
import { firstIncompleteStep, isVisible, stepPosition, validateAll, visibleSteps, type Answers, type FieldError, type Step } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { inLanguage } from "../form-engine/localized";
import { NO_SERVER_DATA, type CommandContext } from "../form-engine/field-type";
import { EXCLUDED, isExcluded, offeredIndex, OFFERED } from "../form-engine/item-keys";

/**
 * Who is filling in the form. A resident goes step by step; a clerk at the counter (書かない窓口) fills in for a
 * resident and may go to any step that applies, in the order the conversation takes; an administrator previews
 * a definition the same way and can never submit.
 */
export type Actor =
  | { kind: "resident"; residentAccountId: string | null }
  | { kind: "clerk"; staffId: string; residentAccountId: string | null }
  | { kind: "preview"; staffId: string };

/**
 * Where in the journey someone should be. `returnToCheck`: came from the check page's 「変更」 and goes back there;
 * `focus`: the element to focus on arrival; `followUps`: the page asks questions the last answers opened.
 */
export type Place =
  | {
      at: "step";
      stepId: string;
      returnToCheck?: boolean;
      focus?: string;
      followUps?: boolean;
      /** The page of one item of a field asked one item per page ("persons.2"); without it, the step (the list). */
      item?: string;
      /** The item page shows its missing or refused answers on arrival (from the list's error summary). */
      showErrors?: boolean;
      /** The list after an item was saved: the notice names the item ("persons.2"). */
      saved?: string;
    }
  | { at: "check" }
  | { at: "start" };

export type DraftState = { answers: Answers; completedSteps: string[] };

export type Visit = { ok: true; step: Step; number: number; total: number; back: Place } | { ok: false; goTo: Place };

export type SubmitCheck = { ok: true } | { ok: false; reason: "preview" } | { ok: false; reason: "incomplete"; goTo: Place; errors: FieldError[] };

export function journeyOf(definition: FormDefinition, draft: DraftState, actor: Actor) {
  const steps = visibleSteps(definition, draft.answers);
  const done = (id: string) => draft.completedSteps.includes(id);
  const firstOpen = firstIncompleteStep(definition, draft.answers, draft.completedSteps);
  /** The first step not yet completed, or the check page when every step that applies is done. */
  const whereToContinue = (): Place => (firstOpen ? { at: "step", stepId: firstOpen.id } : { at: "check" });

  return {
    steps,
    whereToContinue,

    /** Whether a step may be shown now; if not, where to go instead. */
    visit(stepId: string, returnToCheck = false): Visit {
      const { index, number, total, previous } = stepPosition(definition, draft.answers, stepId);
      const step = steps[index];
      const free = actor.kind !== "resident";
      if (!step || !(free || done(stepId) || firstOpen?.id === stepId)) return { ok: false, goTo: whereToContinue() };
      const back: Place = returnToCheck ? { at: "check" } : previous ? { at: "step", stepId: previous.id } : { at: "start" };
      return { ok: true, step, number, total, back };
    },

    /**
     * Where saving a step leads, on the journey of the saved draft (answers may have switched steps on or off):
     * back to the check page when the change came from there and nothing else is open, otherwise the next step.
     */
    afterSave(stepId: string, returnToCheck: boolean): Place {
      if (returnToCheck && !firstOpen) return { at: "check" };
      const { next } = stepPosition(definition, draft.answers, stepId);
      return next ? { at: "step", stepId: next.id, returnToCheck } : { at: "check" };
    },

    /** The check page needs every step that applies done. */
    checkPage(): Place | null {
      return firstOpen ? { at: "step", stepId: firstOpen.id } : null;
    },

    /** Everything is validated again before submitting: the server never trusts that each step was checked. */
    canSubmit(): SubmitCheck {
      if (actor.kind === "preview") return { ok: false, reason: "preview" };
      const problem = validateAll(definition, draft.answers, draft.completedSteps);
      return problem ? { ok: false, reason: "incomplete", goTo: { at: "step", stepId: problem.stepId }, errors: problem.errors } : { ok: true };
    },
  };
}

export type Journey = ReturnType<typeof journeyOf>;

const opensOnSamePage = (def: FieldDef, names: Set<string>) => Boolean(def.showIf && referencedFields(def.showIf).some((n) => names.has(n)));

/**
 * Follow-up questions that the answers just posted open but that were not on the page (without JavaScript they
 * cannot appear as the page is filled in): answer paths ("dueDate", "guardians.1.employer"), in page order. They
 * are asked next, on the same step, before it counts as done. `asked` lists the follow-ups the page did show.
 */
export function pendingFollowUps(step: Step, answers: Answers, values: Answers, asked: ReadonlySet<string>): string[] {
  const names = new Set(step.fields.map((f) => f.name));
  const scope = { answers: { ...answers, ...values } };
  return step.fields.flatMap((f) => {
    const own = opensOnSamePage(f, names) && isVisible(f, scope) && !asked.has(f.name) ? [f.name] : [];
    const items = getFieldType(f.type).items;
    if (!items || !isVisible(f, scope)) return own;
    const children = items.fields(f);
    const siblings = new Set(children.map((c) => c.name));
    const inItems = items.included(values[f.name]).flatMap(({ index, item }) =>
      children
        .filter((c) => opensOnSamePage(c, siblings) && isVisible(c, { ...scope, item }))
        .map((c) => `${f.name}.${index}.${c.name}`)
        .filter((path) => !asked.has(path)),
    );
    return [...own, ...inItems];
  });
}

/**
 * The fields a step page shows. A field whose condition reads an answer on the same page is always shown (without
 * JavaScript the page cannot react to that answer); the server drops its answer if it does not apply.
 */
export function fieldsShown(step: Step, answers: Answers) {
  const onThisStep = new Set(step.fields.map((f) => f.name));
  return step.fields.filter((f) => opensOnSamePage(f, onThisStep) || isVisible(f, { answers }));
}

/** The definitions as a page shows them: each with what its view needs from the server (forPage), items' fields too. */
export function fieldsForPage(fields: FieldDef[], lng: string): FieldDef[] {
  const forPage = (f: FieldDef): FieldDef => {
    const own = (getFieldType(f.type).forPage?.(f, lng) ?? f) as FieldDef;
    return Array.isArray(own.fields) ? { ...own, fields: own.fields.map(forPage) } : own;
  };
  // Narrowed to the page's language once, items' fields with the rest.
  return inLanguage(fields.map(forPage), lng);
}

/**
 * A button that changes a field without saving the step ("add another", "remove"), posted as
 * `_action=verb:field[:argument]` and carried out by the field's type. Returns the step's values with that field
 * changed and the input to focus, or null when the post carries no such command.
 */
export function applyFieldCommand(
  step: Step,
  values: Answers,
  action: unknown,
  ctx: CommandContext = NO_SERVER_DATA,
): { values: Answers; field: string; focus: string; open?: string } | null {
  if (typeof action !== "string") return null;
  const [verb = "", name, arg] = action.split(":");
  const def = step.fields.find((f) => f.name === name);
  const result = def ? getFieldType(def.type).command?.(def, values[def.name], verb, arg, ctx) : undefined;
  if (!def || !result) return null;
  const open = result.open === undefined ? {} : { open: `${def.name}.${result.open}` };
  return { values: { ...values, [def.name]: result.value }, field: def.name, focus: `${def.name}${result.focus}`, ...open };
}

/** An item's own page: which field made of items, and the item's place (one past the last for a new item). */
export type ItemPage = { field: string; index: number };

const itemList = (v: unknown): Answers[] => (Array.isArray(v) ? (v as Answers[]) : []);

/**
 * The fields of a step asked one item per page whose list page shows rows: two people or more (offered or added).
 * A single person is asked on the step itself, a short page where follow-up questions work as on any other.
 */
export function listedFields(step: Step, values: Answers): string[] {
  return step.fields
    .filter((f) => getFieldType(f.type).items?.onePerPage?.(f))
    .filter((f) => itemList(values[f.name]).filter((item) => item && (offeredIndex(item) !== undefined || !isExcluded(item))).length > 1)
    .map((f) => f.name);
}

/**
 * Parses "persons.2" from a URL into an item page of the step, if the step has such a field and the place is an item
 * (or the next, new one). Anything else is no item page.
 */
export function itemPageOf(step: Step, values: Answers, param: string | undefined): ItemPage | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9_]*)\.(\d{1,2})$/.exec(param ?? "");
  if (!match) return undefined;
  const def = step.fields.find((f) => f.name === match[1]);
  const max = (def as { maxItems?: number } | undefined)?.maxItems ?? 0;
  const index = Number(match[2]);
  const length = itemList(values[match[1]!]).length;
  if (!def || !getFieldType(def.type).items?.onePerPage?.(def) || index > length || index >= max) return undefined;
  return { field: match[1]!, index };
}

/**
 * What a post means once the step's fields asked one item per page are put back together: the list page sends only
 * who is ticked (matched by the offered person's index, not by place), an item page sends one item, which replaces
 * that item (keeping which offered person it is; saving a person's page includes them). `base` is what the page
 * showed. Other fields are taken as posted.
 */
export function mergeItemPosts(step: Step, base: Answers, raw: Answers, page: { listed: string[]; item?: ItemPage }): Answers {
  const out: Answers = { ...raw };
  for (const f of step.fields) {
    const posted = raw[f.name];
    const shown = itemList(base[f.name]);
    if (page.item?.field === f.name) {
      const index = page.item.index;
      const item = (Array.isArray(posted) ? posted[index] : undefined) as Answers | undefined;
      const offered = offeredIndex(shown[index]);
      const merged = shown.map((x) => ({ ...x }));
      merged[index] = { ...(item && typeof item === "object" ? item : {}), ...(offered === undefined ? {} : { [OFFERED]: offered }) };
      out[f.name] = merged;
    } else if (page.item) {
      // An item page shows nothing else of the step: the rest stays as it was.
      if (f.name in base) out[f.name] = base[f.name];
      else delete out[f.name];
    } else if (page.listed.includes(f.name)) {
      // Ticks of offered people; every answer of every item comes from what the page showed.
      const ticks = new Map(
        (Array.isArray(posted) ? posted : posted && typeof posted === "object" ? Object.values(posted) : [])
          .filter((p): p is Answers => Boolean(p) && typeof p === "object")
          .map((p) => [String(p[OFFERED]), p._include === "yes"]),
      );
      out[f.name] = shown.map((x) => {
        const offered = offeredIndex(x);
        if (offered === undefined || !ticks.has(String(offered))) return x;
        const rest = Object.fromEntries(Object.entries(x).filter(([k]) => k !== EXCLUDED));
        return ticks.get(String(offered)) ? rest : { ...rest, [EXCLUDED]: true };
      });
    }
  }
  return out;
}

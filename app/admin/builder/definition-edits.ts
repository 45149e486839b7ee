/**
 * The builder's edits of a working copy: pure functions from a definition (any JSON object: a working copy may be
 * incomplete) to the next one, or a refusal that says why (an i18n key under admin.builder.refusal, and what stands
 * in the way). Nothing here knows a field type by name: a new question is made from its type's `example` hook.
 */
import type { ExampleContext } from "../../form-engine/field-type";
import { fieldTypes } from "../../form-engine/field-types";
import type { LocalizedText } from "../../form-engine/localized";
import type { Condition } from "../../form-engine/conditions";
import { afterSubmitPrefix, checkCondition, formConditionQuestions, STEP_CONDITION, stepConditionQuestions } from "./condition-edits";
import { orderViolations, references, referencesInto, type Referrer } from "./references";

export type Json = Record<string, unknown>;
/** One text as the builder's inputs hold it: language → text (blank when not given). */
export type Texts = Record<string, string>;
export type Direction = "up" | "down";

export type Problem = {
  /** An i18n key under admin.builder.refusal. */
  key: string;
  params?: Record<string, string | number>;
  /** The id of the input the problem is about (for the error summary's link). */
  target?: string;
  /** What refers to the thing that may not be removed or moved. */
  referrers?: Referrer[];
};
export type EditResult = { ok: true; definition: Json; focus?: string } | { ok: false; problems: Problem[] };

const ok = (definition: Json, focus?: string): EditResult => ({ ok: true, definition, focus });
const refuse = (key: string, more: Omit<Problem, "key"> = {}): EditResult => ({ ok: false, problems: [{ key, ...more }] });

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

export type Step = Json & { id: string; fields: Json[] };
/** The steps of a definition, as far as they are well-formed (a working copy may not be). */
export function stepsOf(def: Json): Step[] {
  return (Array.isArray(def.steps) ? def.steps : []).filter(isObject).map((s) => {
    const step = s as Step;
    if (!Array.isArray(step.fields)) step.fields = [];
    return step;
  });
}
const findStep = (def: Json, stepId: string) => stepsOf(def).find((s) => s.id === stepId);
const fieldsOf = (step: Json): Json[] => (Array.isArray(step.fields) ? step.fields.filter(isObject) : []);

/**
 * The languages the form declares: a `languages` list when the definition has one, else the languages its title is
 * written in. Japanese always, and first (it is every text's fallback).
 */
export function formLanguages(def: Json): string[] {
  const declared = Array.isArray(def.languages)
    ? def.languages.filter((l): l is string => typeof l === "string")
    : isObject(def.title)
      ? Object.keys(def.title)
      : [];
  return ["ja", ...declared.filter((l) => l !== "ja" && /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(l))];
}

/** A text of the definition as one input per language. */
export function textsOf(value: unknown, languages: string[]): Texts {
  return Object.fromEntries(
    languages.map((l) => [l, typeof value === "string" ? (l === "ja" ? value : "") : isObject(value) && typeof value[l] === "string" ? value[l] : ""]),
  );
}

/**
 * The inputs as a definition text: blank languages left out; undefined without Japanese (the fallback must exist).
 * A text that was a plain string stays one while only Japanese is given.
 */
export function toLocalized(texts: Texts, previous?: unknown): LocalizedText | undefined {
  const given = Object.entries(texts)
    .map(([l, v]) => [l, v.trim()] as const)
    .filter(([, v]) => v !== "");
  const ja = given.find(([l]) => l === "ja")?.[1];
  if (!ja) return undefined;
  if (given.length === 1 && (typeof previous === "string" || previous === undefined)) return typeof previous === "string" ? ja : { ja };
  return { ...Object.fromEntries(given), ja } as LocalizedText;
}

const hasAny = (texts: Texts) => Object.values(texts).some((v) => v.trim() !== "");

// ── Procedure settings ────────────────────────────────────────────────────────────────────────────────────

export type Settings = {
  title: Texts;
  description: Texts;
  duration: Texts;
  whatYouNeed: Texts[];
  notes: Texts[];
  declaration: Texts;
  /** Index-aligned with the definition's items: a blank item is removed. */
  afterSubmit: Texts[];
  /**
   * Each item's condition as its editor posted it (null: none); undefined, or an item without an entry, keeps the
   * item's condition as stored (one the menus cannot show is only edited as JSON).
   */
  afterSubmitShowIf?: (Condition | null | undefined)[];
  pdfTitle: Texts;
  signInRequired: boolean;
  /** An answer path ("name" or "persons.0.name"), or "" for none. */
  applicantName: string;
  contactEmail: string;
};

/** The answers the settings may name: every question with an answer, and a group's questions in its first item. */
export function answerChoices(def: Json): { path: string; label: unknown; personName: boolean; group?: unknown }[] {
  return stepsOf(def).flatMap((step) =>
    fieldsOf(step).flatMap((field) => {
      const type = fieldTypes.find((ft) => ft.type === field.type);
      if (!type || typeof field.name !== "string" || !type.hasValue) return [];
      if (type.items)
        return fieldsOf(field).flatMap((child) => {
          const childType = fieldTypes.find((ft) => ft.type === child.type);
          if (!childType?.hasValue || typeof child.name !== "string") return [];
          return [{ path: `${field.name}.0.${child.name}`, label: child.label, personName: Boolean(childType.personName), group: field.label }];
        });
      return [{ path: field.name, label: field.label, personName: Boolean(type.personName) }];
    }),
  );
}

export function setSettings(def: Json, input: Settings): EditResult {
  const next = clone(def);
  const problems: Problem[] = [];
  const required = (key: "title" | "description" | "declaration", target: string) => {
    const text = toLocalized(input[key], def[key]);
    if (!text) problems.push({ key: "textRequired", params: { what: key }, target });
    else next[key] = text;
  };
  required("title", "title-ja");
  required("description", "description-ja");
  required("declaration", "declaration-ja");

  const guidance = isObject(def.guidance) ? clone(def.guidance) : {};
  const duration = toLocalized(input.duration, guidance.duration);
  if (!duration) problems.push({ key: "textRequired", params: { what: "duration" }, target: "duration-ja" });
  else guidance.duration = duration;
  const list = (items: Texts[], previous: unknown[], prefix: string) =>
    items.flatMap((texts, i) => {
      if (!hasAny(texts)) return [];
      const text = toLocalized(texts, previous[i]);
      if (!text) problems.push({ key: "itemJaRequired", target: `${prefix}-${i}-ja` });
      return text ? [text] : [];
    });
  guidance.whatYouNeed = list(input.whatYouNeed, Array.isArray(guidance.whatYouNeed) ? guidance.whatYouNeed : [], "whatYouNeed");
  guidance.notes = list(input.notes, Array.isArray(guidance.notes) ? guidance.notes : [], "notes");
  next.guidance = guidance;

  const previousAfter = Array.isArray(def.afterSubmit) ? def.afterSubmit : [];
  const afterSubmit = input.afterSubmit.flatMap((texts, i) => {
    if (!hasAny(texts)) return [];
    const old = previousAfter[i];
    const conditional = isObject(old) && isObject(old.text) && "showIf" in old;
    const text = toLocalized(texts, conditional ? old.text : old);
    if (!text) {
      problems.push({ key: "itemJaRequired", target: `afterSubmit-${i}-ja` });
      return [];
    }
    const posted = input.afterSubmitShowIf?.[i];
    const showIf = posted === undefined ? (conditional ? old.showIf : undefined) : (posted ?? undefined);
    if (posted) {
      const problem = checkCondition(posted, formConditionQuestions(stepsOf(def)), afterSubmitPrefix(i));
      if (problem) problems.push(problem);
    }
    return [showIf ? { text, showIf } : text];
  });
  if (afterSubmit.length === 0 && !problems.some((p) => p.target?.startsWith("afterSubmit")))
    problems.push({ key: "afterSubmitRequired", target: "afterSubmit-0-ja" });
  next.afterSubmit = afterSubmit;

  const pdf = isObject(def.pdf) ? clone(def.pdf) : {};
  const pdfTitle = toLocalized(input.pdfTitle, pdf.title);
  if (pdfTitle) pdf.title = pdfTitle;
  else if (hasAny(input.pdfTitle)) problems.push({ key: "jaRequired", target: "pdfTitle-ja" });
  else delete pdf.title;
  if (Object.keys(pdf).length) next.pdf = pdf;
  else delete next.pdf;

  next.signInRequired = input.signInRequired;
  const choices = answerChoices(def);
  const answer = (key: "applicantName" | "contactEmail", allowed: (c: (typeof choices)[number]) => boolean) => {
    if (input[key] === "") delete next[key];
    else if (choices.some((c) => c.path === input[key] && allowed(c))) next[key] = input[key];
    else problems.push({ key: "unknownAnswer", target: key });
  };
  answer("applicantName", (c) => c.personName);
  answer("contactEmail", () => true);
  return problems.length ? { ok: false, problems } : ok(next);
}

// ── Steps ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A step id from the title (its English or other Latin text when it has one), else step-N; unique in the form. */
export function newStepId(def: Json, title: Texts): string {
  const taken = new Set(stepsOf(def).map((s) => s.id));
  const latin = Object.entries(title)
    .filter(([l]) => l !== "ja")
    .map(([, v]) => v)
    .concat(title.ja ?? "")
    .map((v) =>
      v
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^[^a-z]+|-+$/g, "")
        .slice(0, 40)
        .replace(/-+$/, ""),
    )
    .find((v) => v.length >= 2);
  const unique = (base: string) => {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  };
  if (latin) return unique(latin);
  for (let n = stepsOf(def).length + 1; ; n++) if (!taken.has(`step-${n}`)) return `step-${n}`;
}

/** A new step at the end, without questions yet (the working copy may be incomplete; publishing checks it). */
export function addStep(def: Json, title: Texts): EditResult {
  const text = toLocalized(title);
  if (!text) return refuse("textRequired", { params: { what: "stepTitle" }, target: "new-step-title-ja" });
  const next = clone(def);
  const id = newStepId(def, title);
  next.steps = [...stepsOf(next), { id, title: text, fields: [] }];
  return ok(next, `step-${id}`);
}

export function editStep(def: Json, stepId: string, input: { title: Texts; description: Texts }): EditResult {
  const next = clone(def);
  const step = findStep(next, stepId);
  if (!step) return refuse("noStep");
  const title = toLocalized(input.title, step.title);
  if (!title) return refuse("textRequired", { params: { what: "stepTitle" }, target: "title-ja" });
  step.title = title;
  const description = toLocalized(input.description, step.description);
  if (description) step.description = description;
  else if (hasAny(input.description)) return refuse("jaRequired", { target: "description-ja" });
  else delete step.description;
  return ok(next);
}

/** Sets (or, with undefined, removes) a step's condition, once it is complete and reads only earlier steps' questions. */
export function setStepCondition(def: Json, stepId: string, showIf: Condition | undefined): EditResult {
  const next = clone(def);
  const steps = stepsOf(next);
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0) return refuse("noStep");
  if (!showIf) {
    delete steps[index]!.showIf;
    return ok(next);
  }
  const problem = checkCondition(showIf, stepConditionQuestions(steps, index), STEP_CONDITION);
  if (problem) return { ok: false, problems: [problem] };
  steps[index]!.showIf = showIf;
  return ok(next);
}

/** Removes the step's condition (the step then always applies). */
export function removeStepCondition(def: Json, stepId: string): EditResult {
  const next = clone(def);
  const step = findStep(next, stepId);
  if (!step) return refuse("noStep");
  delete step.showIf;
  return ok(next, "condition");
}

/** The order checks that a move must not break: a condition reads only questions asked before it (or on its step). */
function keepsOrder(before: Json, after: Json, focus: string, key: string): EditResult {
  const known = new Set(orderViolations(before).map((v) => JSON.stringify(v)));
  const broken = orderViolations(after).filter((v) => !known.has(JSON.stringify(v)));
  if (broken.length === 0) return ok(after, focus);
  return refuse(key, { referrers: broken.map((b) => b.referrer), params: { names: [...new Set(broken.map((b) => b.name))].join(",") } });
}

export function moveStep(def: Json, stepId: string, direction: Direction): EditResult {
  const steps = stepsOf(def);
  const from = steps.findIndex((s) => s.id === stepId);
  if (from < 0) return refuse("noStep");
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= steps.length) return refuse("cannotMove");
  const next = clone(def);
  const moved = stepsOf(next);
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  next.steps = moved;
  return keepsOrder(def, next, `step-${stepId}`, "moveBreaksConditions");
}

export function removeStep(def: Json, stepId: string): EditResult {
  const steps = stepsOf(def);
  const step = steps.find((s) => s.id === stepId);
  if (!step) return refuse("noStep");
  if (steps.length === 1) return refuse("lastStep");
  const names = new Set(
    fieldsOf(step)
      .map((f) => f.name)
      .filter((n): n is string => typeof n === "string"),
  );
  const outside = referencesInto(def, names).filter((r) => !("stepId" in r.referrer && r.referrer.stepId === stepId));
  if (outside.length) return refuse("stepReferenced", { referrers: outside.map((r) => r.referrer) });
  const next = clone(def);
  next.steps = stepsOf(next).filter((s) => s.id !== stepId);
  return ok(next, "steps");
}

// ── Questions ───────────────────────────────────────────────────────────────────────────────────────────────

/** Translations of an i18n key in each language; the caller has i18next. */
export type Translate = (lng: string, key: string, params?: Record<string, string | number>) => string;

/** The placeholder texts of a new question, in the form's languages. */
export function exampleContext(def: Json, translate: Translate): ExampleContext {
  const languages = formLanguages(def);
  return {
    text: (key, params) =>
      toLocalized(Object.fromEntries(languages.map((l) => [l, translate(l, key, params)])), isObject(def.title) ? undefined : def.title) ??
      translate("ja", key, params),
  };
}

/** An unused answer name: question1, question2… (names must be unique in the whole form). */
export function newQuestionName(def: Json): string {
  const taken = new Set(stepsOf(def).flatMap((s) => fieldsOf(s).map((f) => f.name)));
  for (let n = taken.size + 1; ; n++) if (!taken.has(`question${n}`)) return `question${n}`;
}

/** Adds a question of the type at the end of the step: valid as it stands, with placeholder texts to change. */
export function addQuestion(def: Json, stepId: string, type: string, translate: Translate): EditResult {
  const fieldType = fieldTypes.find((ft) => ft.type === type);
  if (!fieldType) return refuse("unknownType", { target: "new-question-type" });
  const next = clone(def);
  const step = findStep(next, stepId);
  if (!step) return refuse("noStep");
  const ctx = exampleContext(def, translate);
  const name = newQuestionName(def);
  const n = Number(name.replace("question", ""));
  const field = { type, name, label: ctx.text("admin.builder.example.label", { n }), ...fieldType.example?.(ctx) };
  step.fields = [...fieldsOf(step), field];
  return ok(next, `question-${name}`);
}

function findField(def: Json, stepId: string, name: string) {
  const step = findStep(def, stepId);
  const fields = step ? fieldsOf(step) : [];
  return { step, fields, index: fields.findIndex((f) => f.name === name) };
}

export function moveQuestion(def: Json, stepId: string, name: string, direction: Direction): EditResult {
  const next = clone(def);
  const { step, fields, index } = findField(next, stepId, name);
  if (!step) return refuse("noStep");
  if (index < 0) return refuse("noQuestion");
  const to = direction === "up" ? index - 1 : index + 1;
  if (to < 0 || to >= fields.length) return refuse("cannotMove");
  [fields[index], fields[to]] = [fields[to]!, fields[index]!];
  step.fields = fields;
  return ok(next, `question-${name}`);
}

/** Moves the question to the end of another step: refused when a condition would then read a later question. */
export function moveQuestionToStep(def: Json, stepId: string, name: string, toStepId: string): EditResult {
  if (stepId === toStepId) return refuse("sameStep", { target: `move-to-${name}` });
  const next = clone(def);
  const { step, fields, index } = findField(next, stepId, name);
  const target = findStep(next, toStepId);
  if (!step || !target) return refuse("noStep");
  if (index < 0) return refuse("noQuestion");
  const [field] = fields.splice(index, 1);
  step.fields = fields;
  target.fields = [...fieldsOf(target), field!];
  return keepsOrder(def, next, `question-${name}`, "moveBreaksConditions");
}

/** Removes a question unless something refers to it (a condition, a rule, the applicant's name or e-mail). */
export function removeQuestion(def: Json, stepId: string, name: string): EditResult {
  const next = clone(def);
  const { step, fields, index } = findField(next, stepId, name);
  if (!step) return refuse("noStep");
  if (index < 0) return refuse("noQuestion");
  const referrers = references(def).filter((r) => r.name === name && !("name" in r.referrer && r.referrer.name === name));
  if (referrers.length) return refuse("questionReferenced", { referrers: referrers.map((r) => r.referrer) });
  step.fields = fields.filter((_, i) => i !== index);
  return ok(next, "questions");
}

/**
 * The journey and validation engine: which steps and fields apply to the answers so far, normalising and
 * validating a step with a zod schema compiled from the definition, and the route through the form.
 * Pure functions, used by the server (the authority) and the browser alike.
 */
import { z } from "zod";
import { evaluate, type Scope } from "./conditions";
import type { FieldDef, FormDefinition } from "./definition";
import { msg } from "./messages";
import { requiredMessageOf } from "./field-type";
import { getFieldType } from "./field-types";
import { fieldId, normalizeStep } from "./step-values";

export type { Answers } from "./step-values";
export { fieldId, normalizeStep };
import type { Answers } from "./step-values";
export type Step = FormDefinition["steps"][number];
export type FieldError = { /** dotted path of the answer */ path: string; /** input to focus */ target: string; message: string };

export const isVisible = (def: { showIf?: FieldDef["showIf"] }, scope: Scope) => evaluate(def.showIf, scope);
const isRequired = (def: FieldDef, scope: Scope) => def.required && evaluate(def.requiredIf, scope);

export function visibleSteps(form: FormDefinition, answers: Answers): Step[] {
  return form.steps.filter((s) => isVisible(s, { answers }));
}

const KEPT_RULES = 5_000;
const rulesByDefinition = new Map<string, z.ZodType>();
/**
 * A field type's rules for one field definition, made once per definition: building a zod schema (and zod's compiled
 * check of it on first use) costs many times what running it does, and every post of a step needs them. Kept by the
 * definition's text, so a definition edited in place (the builder's preview) is never checked with old rules; what is
 * kept is bounded, so definitions made from input cannot grow it.
 */
export function rulesOf(def: FieldDef): z.ZodType {
  const key = JSON.stringify(def);
  let rules = rulesByDefinition.get(key);
  if (!rules) {
    // Made from a copy: some rules read their definition when they run, and the object given may be edited later.
    rules = getFieldType(def.type).schema(JSON.parse(key) as FieldDef);
    if (rulesByDefinition.size >= KEPT_RULES) rulesByDefinition.clear();
    rulesByDefinition.set(key, rules);
  }
  return rules;
}

/** A zod schema for one field's normalised value: required/empty handling, then the type's own rules. */
function fieldSchema(def: FieldDef, scope: Scope): z.ZodType {
  const type = getFieldType(def.type);
  const required = isRequired(def, scope);
  return z.unknown().superRefine((value, ctx) => {
    if (type.isEmpty(value)) {
      if (required) ctx.addIssue({ code: "custom", message: msg(requiredMessageOf(type, def)) });
      return;
    }
    const result = rulesOf(def).safeParse(value);
    if (!result.success) {
      // One message per field, the first one: the most basic problem is the one to fix first.
      ctx.addIssue({ code: "custom", message: result.error.issues[0]!.message });
    }
    // Each item's fields are checked with the item in scope (their conditions read it); errors keep the item's place.
    for (const { index, item } of type.items?.included(value) ?? []) {
      const itemScope = { ...scope, item };
      for (const child of type.items!.fields(def)) {
        if (!getFieldType(child.type).hasValue || !isVisible(child, itemScope)) continue;
        const r = fieldSchema(child, itemScope).safeParse(item[child.name]);
        if (!r.success) ctx.addIssue({ code: "custom", path: [index, child.name], message: r.error.issues[0]!.message });
      }
    }
  });
}

/** Computes the fields whose value is derived from other answers (never taken from what was posted). */
function derive(fields: FieldDef[], values: Answers, answers: Answers): Answers {
  const out = { ...values };
  for (const f of fields) {
    const type = getFieldType(f.type);
    if (type.derive) out[f.name] = type.derive(f, { answers: { ...answers, ...out } });
  }
  return out;
}

/** Drops what does not apply: hidden fields, hidden fields of items, and empty answers. */
function keepVisible(fields: FieldDef[], values: Answers, answers: Answers, item?: Answers): Answers {
  const out: Answers = {};
  const scope = { answers: item ? answers : { ...answers, ...values }, item };
  for (const f of fields) {
    const type = getFieldType(f.type);
    if (!type.hasValue || !isVisible(f, scope) || type.isEmpty(values[f.name])) continue;
    const items = type.items;
    out[f.name] = items ? items.prune(values[f.name], (it) => keepVisible(items.fields(f), it, scope.answers, it)) : values[f.name];
  }
  return out;
}

/** The zod schema of a step given the answers so far (conditions decide which fields it contains). */
export function compileStepSchema(step: Pick<Step, "fields">, answers: Answers, values: Answers) {
  const scope = { answers: { ...answers, ...values } };
  const shape: Record<string, z.ZodType> = {};
  for (const f of step.fields) {
    if (getFieldType(f.type).hasValue && isVisible(f, scope)) shape[f.name] = fieldSchema(f, scope);
  }
  return z.object(shape);
}

export type StepResult = { ok: true; values: Answers } | { ok: false; values: Answers; errors: FieldError[] };

/** Normalises and validates one step's input against the answers given so far. */
export function validateStep(step: Pick<Step, "fields">, raw: Record<string, unknown>, answers: Answers): StepResult {
  const values = derive(step.fields, normalizeStep(step, raw), answers);
  const result = compileStepSchema(step, answers, values).safeParse(values);
  const kept = keepVisible(step.fields, values, answers);
  if (result.success) return { ok: true, values: kept };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { path, target: errorTarget(step.fields, path, values), message: issue.message };
  });
  return { ok: false, values, errors };
}

/** The part of a value its type refuses first ("given" of a name whose 名 is missing), if the type has parts. */
function refusedPart(def: FieldDef, value: unknown): string | undefined {
  const type = getFieldType(def.type);
  if (type.isEmpty(value)) return undefined;
  const first = rulesOf(def).safeParse(value).error?.issues[0]?.path[0];
  return typeof first === "string" ? first : undefined;
}

/**
 * The input the error summary links to for an answer's path: the first input of the part that is wrong
 * ("applicantName" with 名 missing → "applicantName-given"; "persons.1.birthDate" → "persons-1-birthDate-year").
 */
export function errorTarget(fields: FieldDef[], path: string, values: Answers = {}): string {
  const [top, index, child] = path.split(".");
  const def = fields.find((f) => f.name === top);
  if (!def) return fieldId(path);
  if (child !== undefined) {
    const childDef = getFieldType(def.type)
      .items?.fields(def)
      .find((c) => c.name === child);
    const value = (values[top!] as Answers[] | undefined)?.[Number(index)]?.[child];
    return childDef ? getFieldType(childDef.type).firstInputId(fieldId(path), childDef, refusedPart(childDef, value)) : fieldId(path);
  }
  return index === undefined ? getFieldType(def.type).firstInputId(fieldId(top!), def, refusedPart(def, values[top!])) : fieldId(path);
}

/** Answers restricted to what applies on the route the answers take (run before storing and submitting). */
export function pruneAnswers(form: FormDefinition, answers: Answers): Answers {
  let out: Answers = {};
  for (const step of visibleSteps(form, answers)) {
    // Derived values follow the answers they come from, even when those were changed after this step was saved.
    const stepValues = derive(step.fields, Object.fromEntries(step.fields.map((f) => [f.name, answers[f.name]])), out);
    out = { ...out, ...keepVisible(step.fields, stepValues, out) };
  }
  return out;
}

/** Re-validates everything before submitting: the server never trusts that each step was checked. */
export function validateAll(form: FormDefinition, answers: Answers, completed: string[]): { stepId: string; errors: FieldError[] } | null {
  let so: Answers = {};
  for (const step of visibleSteps(form, answers)) {
    if (!completed.includes(step.id)) return { stepId: step.id, errors: [] };
    const raw = Object.fromEntries(step.fields.map((f) => [f.name, answers[f.name]]));
    const r = validateStep(step, raw, so);
    if (!r.ok) return { stepId: step.id, errors: r.errors };
    so = { ...so, ...r.values };
  }
  return null;
}

/** Where a resident may be: completed steps, and the first step not yet completed. */
export function firstIncompleteStep(form: FormDefinition, answers: Answers, completed: string[]): Step | undefined {
  return visibleSteps(form, answers).find((s) => !completed.includes(s.id));
}

export function stepPosition(form: FormDefinition, answers: Answers, stepId: string) {
  const steps = visibleSteps(form, answers);
  const index = steps.findIndex((s) => s.id === stepId);
  return { index, number: index + 1, total: steps.length, previous: index > 0 ? steps[index - 1] : undefined, next: steps[index + 1] };
}

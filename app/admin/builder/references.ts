/**
 * Who refers to which answer in a definition: conditions (a step's, a question's, a group question's, a derived
 * value's rules, an after-submit text's), a fee's `per`, {{name}} in an after-submit text, and the settings naming the
 * applicant. The builder refuses to remove what is referred to, and to move what would then be read before it is asked
 * (the same order rules the meta-schema checks, form-engine/definition.ts).
 */
import { referencedFields, type Condition } from "../../form-engine/conditions";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

export type Referrer =
  | { kind: "stepCondition"; stepId: string }
  | { kind: "question"; stepId: string; name: string }
  | { kind: "afterSubmit"; index: number }
  | { kind: "setting"; key: "applicantName" | "applicantBirthDate" | "contactEmail" };

export type Reference = {
  referrer: Referrer;
  /** The answer referred to (a top-level question's name). */
  name: string;
  /** The referrer's step (undefined: read after every step, e.g. the receipt page). */
  stepIndex?: number;
  /** True when the answer must come from an earlier step (a step's condition, a derived value); else the same step will do. */
  earlier: boolean;
};

function namesIn(condition: unknown): string[] {
  if (!isObject(condition)) return [];
  try {
    return referencedFields(condition as Condition).filter((n) => typeof n === "string");
  } catch {
    return []; // a malformed condition in a working copy refers to nothing yet
  }
}

export function references(def: Json): Reference[] {
  const out: Reference[] = [];
  list(def.steps).forEach((step, s) => {
    const stepId = String(step.id ?? "");
    for (const name of namesIn(step.showIf)) out.push({ referrer: { kind: "stepCondition", stepId }, name, stepIndex: s, earlier: true });
    for (const field of list(step.fields)) {
      const referrer: Referrer = { kind: "question", stepId, name: String(field.name ?? "") };
      const add = (names: string[], earlier: boolean) => names.forEach((name) => out.push({ referrer, name, stepIndex: s, earlier }));
      add([...namesIn(field.showIf), ...namesIn(field.requiredIf)], false);
      add(
        list(field.rules).flatMap((r) => namesIn(r.when)),
        true,
      );
      if (typeof field.per === "string") add([field.per], true);
      // A group's own questions read their siblings first; any other name is an answer of the form.
      const siblings = new Set(list(field.fields).map((c) => c.name));
      add(
        list(field.fields)
          .flatMap((c) => [...namesIn(c.showIf), ...namesIn(c.requiredIf)])
          .filter((n) => !siblings.has(n)),
        false,
      );
    }
  });
  list(def.afterSubmit).forEach((item, index) => {
    // An item is a text, or { text, showIf } (a plain text object has a "ja" key instead).
    const names = [...namesIn(item.showIf), ...Object.values(isObject(item.text) ? item.text : item).flatMap((v) => placeholders(v))];
    names.forEach((name) => out.push({ referrer: { kind: "afterSubmit", index }, name, earlier: false }));
  });
  (Array.isArray(def.afterSubmit) ? def.afterSubmit : []).forEach((item, index) => {
    if (typeof item === "string") placeholders(item).forEach((name) => out.push({ referrer: { kind: "afterSubmit", index }, name, earlier: false }));
  });
  for (const key of ["applicantName", "applicantBirthDate", "contactEmail"] as const) {
    const path = def[key];
    if (typeof path === "string" && path) out.push({ referrer: { kind: "setting", key }, name: path.split(".")[0]!, earlier: false });
  }
  return out;
}

const placeholders = (text: unknown) => (typeof text === "string" ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!) : []);

/** The references to any of these answers. */
export const referencesInto = (def: Json, names: Set<string>) => references(def).filter((r) => names.has(r.name));

/** References that read an answer asked after them: the meta-schema refuses these (a condition would never hold yet). */
export function orderViolations(def: Json): { referrer: Referrer; name: string }[] {
  const stepOf = new Map<string, number>();
  list(def.steps).forEach((step, s) => list(step.fields).forEach((f) => typeof f.name === "string" && stepOf.set(f.name, s)));
  return references(def)
    .filter((r) => {
      const at = stepOf.get(r.name);
      if (at === undefined || r.stepIndex === undefined) return false;
      return r.earlier ? at >= r.stepIndex : at > r.stepIndex;
    })
    .map(({ referrer, name }) => ({ referrer, name }));
}

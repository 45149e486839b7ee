/**
 * The condition editor's model: a structured condition (conditions.ts) as menus — question, operator, value — and
 * back, never a typed expression. The same form names serve questions (showIf, requiredIf), steps and afterSubmit
 * items: each editor has a prefix ("showIf") and every node of the condition lives under it:
 *   p.kind   "compare" or "list" (several conditions joined by p.join: all / any); absent: no condition
 *   p.negate "yes": the node is wrapped in { not } (「当てはまらないとき」)
 *   p.field, p.op, p.value | p.values (several), p.valueType   a comparison
 *   p.op someItem / everyItem on a group question: p.where is the condition each item is read against
 *   p.0, p.1 …   the conditions of a list
 * Conditions written by hand that the menus cannot show (a not inside a not) stay as they are only through
 * "edit as JSON".
 */
import type { TFunction } from "i18next";
import { z } from "zod";
import { comparisonOperators, type Comparison, type Condition } from "../../../form-engine/conditions";
import type { FieldDef } from "../../../form-engine/definition";
import { getFieldType } from "../../../form-engine/field-types";
import { localizeText, type LocalizedText } from "../../../form-engine/localized";

export type Operator = (typeof comparisonOperators)[number];
/** Operators in the menu, in the order a person thinks of them; someItem/everyItem only for a group's items. */
export const MENU_OPERATORS = ["eq", "neq", "in", "notIn", "notEmpty", "isEmpty", "includes", "gt", "gte", "lt", "lte"] as const satisfies readonly Operator[];
export const ITEM_OPERATORS = ["someItem", "everyItem"] as const;
export type MenuOperator = Operator | (typeof ITEM_OPERATORS)[number];

export const takesNoValue = (op: string) => op === "isEmpty" || op === "notEmpty";
export const takesList = (op: string) => op === "in" || op === "notIn";
const ordering = (op: string) => op === "gt" || op === "gte" || op === "lt" || op === "lte";

/** What a condition may ask about: a question before this one, by its label, with its choices when it has them. */
export type ConditionQuestion = {
  name: string;
  label: string;
  choices?: { value: string; label: string }[];
  /** A question made of items (a repeating group): its own questions, for "some / every item …". */
  items?: ConditionQuestion[];
};

export interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormLike, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

type ValueType = "string" | "number" | "boolean";
const valueTypeOf = (v: unknown): ValueType => (typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string");

/** The form entries that describe `condition` under `prefix` (what the page's inputs post). */
export function conditionEntries(condition: Condition | undefined, prefix: string): [string, string][] {
  if (!condition) return [];
  const out: [string, string][] = [];
  let node = condition;
  if ("not" in node) {
    out.push([`${prefix}.negate`, "yes"]);
    node = node.not;
  }
  if ("all" in node || "any" in node) {
    const list = "all" in node ? node.all : node.any;
    out.push([`${prefix}.kind`, "list"], [`${prefix}.join`, "all" in node ? "all" : "any"]);
    list.forEach((child, i) => out.push(...conditionEntries(child, `${prefix}.${i}`)));
    return out;
  }
  out.push([`${prefix}.kind`, "compare"]);
  if ("someItem" in node || "everyItem" in node) {
    const items = "someItem" in node ? node.someItem : node.everyItem;
    out.push([`${prefix}.field`, items.group], [`${prefix}.op`, "someItem" in node ? "someItem" : "everyItem"]);
    out.push(...conditionEntries(items.where, `${prefix}.where`));
    return out;
  }
  if ("not" in node) throw new Error("a not inside a not has no menu");
  out.push([`${prefix}.field`, node.field], [`${prefix}.op`, node.op]);
  if (Array.isArray(node.value)) node.value.forEach((v) => out.push([`${prefix}.values`, v]));
  else if (node.value !== undefined) out.push([`${prefix}.value`, String(node.value)], [`${prefix}.valueType`, valueTypeOf(node.value)]);
  return out;
}

/** Whether `condition` can be shown in menus and read back unchanged. */
export function hasMenus(condition: Condition | undefined): boolean {
  if (!condition) return true;
  try {
    return JSON.stringify(readCondition(formOf(conditionEntries(condition, "c")), "c")) === JSON.stringify(condition);
  } catch {
    return false;
  }
}

export function formOf(entries: [string, string][]): FormLike {
  const form = new URLSearchParams(entries);
  return { get: (n) => form.get(n), getAll: (n) => form.getAll(n) };
}

function readValue(form: FormLike, prefix: string, op: Operator): Comparison["value"] {
  if (takesNoValue(op)) return undefined;
  const several = form.getAll(`${prefix}.values`).filter((v): v is string => typeof v === "string" && v !== "");
  const typed = text(form, `${prefix}.value`).trim();
  if (takesList(op)) {
    // Checkboxes when the question has choices, else a line of values separated by commas.
    return several.length ? several : typed.split(/[,、，]\s*/).filter(Boolean);
  }
  const raw = typed || several[0] || "";
  const type = text(form, `${prefix}.valueType`) as ValueType;
  if ((type === "number" || ordering(op)) && raw !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** Reads the condition under `prefix` from a posted form; a comparison not yet complete is kept (saving names it). */
export function readCondition(form: FormLike, prefix: string): Condition | undefined {
  const kind = text(form, `${prefix}.kind`);
  let node: Condition | undefined;
  if (kind === "list") {
    const children: Condition[] = [];
    for (let i = 0; text(form, `${prefix}.${i}.kind`); i++) {
      const child = readCondition(form, `${prefix}.${i}`);
      if (child) children.push(child);
    }
    node = text(form, `${prefix}.join`) === "any" ? { any: children } : { all: children };
  } else if (kind === "compare") {
    const field = text(form, `${prefix}.field`);
    const op = text(form, `${prefix}.op`);
    if (op === "someItem" || op === "everyItem") {
      const where = readCondition(form, `${prefix}.where`) ?? blankComparison();
      node = op === "someItem" ? { someItem: { group: field, where } } : { everyItem: { group: field, where } };
    } else {
      const known = (comparisonOperators as readonly string[]).includes(op) ? (op as Operator) : "eq";
      const value = readValue(form, prefix, known);
      node = { field, op: known, ...(value === undefined ? {} : { value }) };
    }
  }
  if (!node) return undefined;
  return text(form, `${prefix}.negate`) === "yes" ? { not: node } : node;
}

export const blankComparison = (): Comparison => ({ field: "", op: "eq", value: "" });

/** Where a node is, below the editor's prefix: list positions and "where" (the inside of some/every item). */
type Segment = number | "where";
const segmentsOf = (path: string, prefix: string): Segment[] | undefined => {
  if (path !== prefix && !path.startsWith(`${prefix}.`)) return undefined;
  return path
    .slice(prefix.length)
    .split(".")
    .filter(Boolean)
    .map((s) => (s === "where" ? "where" : Number(s)));
};

function update(node: Condition, segments: Segment[], fn: (node: Condition) => Condition | undefined): Condition | undefined {
  if ("not" in node) {
    const inner = update(node.not, segments, fn);
    return inner && { not: inner };
  }
  if (segments.length === 0) return fn(node);
  const [head, ...rest] = segments;
  if (head === "where" && ("someItem" in node || "everyItem" in node)) {
    const key = "someItem" in node ? "someItem" : "everyItem";
    const items = "someItem" in node ? node.someItem : (node as { everyItem: { group: string; where: Condition } }).everyItem;
    const where = update(items.where, rest, fn) ?? blankComparison();
    return { [key]: { group: items.group, where } } as Condition;
  }
  if (typeof head === "number" && ("all" in node || "any" in node)) {
    const key = "all" in node ? "all" : "any";
    const list = "all" in node ? node.all : (node as { any: Condition[] }).any;
    const next = list.flatMap((child, i) => (i === head ? [update(child, rest, fn)].filter((c): c is Condition => Boolean(c)) : [child]));
    if (next.length === 0) return undefined;
    // A list of one is that one condition: no すべて／いずれか left to choose.
    return next.length === 1 ? next[0] : ({ [key]: next } as Condition);
  }
  return node;
}

/**
 * A button of the condition editor: `add` another condition at a node (a list gets one more; a single condition
 * becomes a list of two, joined by すべて), `remove` a node. Returns the new condition of the editor.
 */
export function applyConditionCommand(condition: Condition | undefined, prefix: string, verb: "add" | "remove", path: string): Condition | undefined {
  const segments = segmentsOf(path, prefix);
  if (!segments) return condition;
  if (!condition) return verb === "add" && segments.length === 0 ? blankComparison() : undefined;
  return update(condition, segments, (node) => {
    if (verb === "remove") return undefined;
    if ("all" in node) return { all: [...node.all, blankComparison()] };
    if ("any" in node) return { any: [...node.any, blankComparison()] };
    return { all: [node, blankComparison()] };
  });
}

/** The choices a question's answer can take, from its own type (its schema lists them; its format names them). */
export function choicesOf(def: FieldDef, lng: string, t: TFunction): { value: string; label: string }[] | undefined {
  try {
    const type = getFieldType(def.type);
    const schema = type.schema(def as never);
    const element = schema instanceof z.ZodArray ? schema.element : schema;
    if (!(element instanceof z.ZodEnum)) return undefined;
    const values = element.options.map(String);
    return values.map((value) => ({ value, label: type.format(schema instanceof z.ZodArray ? [value] : value, def as never, lng, t) || value }));
  } catch {
    return undefined;
  }
}

function asQuestion(def: FieldDef, lng: string, t: TFunction): ConditionQuestion | undefined {
  let type;
  try {
    type = getFieldType(def.type);
  } catch {
    return undefined;
  }
  if (!type.hasValue || typeof def.name !== "string") return undefined;
  const label = localizeText(def.label as LocalizedText | undefined, lng) || def.name;
  const children = type.items ? (type.items.fields(def) ?? []) : undefined;
  return {
    name: def.name,
    label,
    choices: type.items ? undefined : choicesOf(def, lng, t),
    items: children?.flatMap((c) => asQuestion(c, lng, t) ?? []),
  };
}

type Steps = { fields?: FieldDef[] }[];

/**
 * The questions a condition may read at a place in the definition: every question on earlier steps and earlier on
 * the same step (`fieldIndex`); inside a group (`childIndex`) also the group's own earlier questions, first.
 * For a step's own condition pass `fieldIndex` 0 (earlier steps only); for afterSubmit, the number of steps.
 */
export function questionsBefore(steps: Steps, at: { stepIndex: number; fieldIndex: number; childIndex?: number }, lng: string, t: TFunction) {
  const outer: ConditionQuestion[] = [];
  steps.forEach((step, s) =>
    (step.fields ?? []).forEach((field, f) => {
      if (s < at.stepIndex || (s === at.stepIndex && f < at.fieldIndex)) {
        const q = asQuestion(field, lng, t);
        if (q) outer.push(q);
      }
    }),
  );
  if (at.childIndex === undefined) return outer;
  const group = steps[at.stepIndex]?.fields?.[at.fieldIndex];
  const siblings = (group && getFieldType(group.type).items?.fields(group)) ?? [];
  const own = siblings.slice(0, at.childIndex).flatMap((c) => asQuestion(c, lng, t) ?? []);
  return [...own, ...outer];
}

import { isExcluded } from "./item-keys";

/**
 * Structured conditions (no expression strings, no eval), evaluated by this same code on the server and in the
 * browser. A comparison names a field; inside a repeating group the item's own fields are looked up first.
 */
export const comparisonOperators = ["eq", "neq", "in", "notIn", "gt", "gte", "lt", "lte", "isEmpty", "notEmpty", "includes"] as const;

export type Comparison = {
  field: string;
  op: (typeof comparisonOperators)[number];
  value?: string | number | boolean | string[];
};
/** Over the items of a repeating group: whether some (or every) included item meets `where` (read in the item). */
export type ItemsCondition = { someItem: { group: string; where: Condition } } | { everyItem: { group: string; where: Condition } };
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ItemsCondition | Comparison;

/** Every field name a condition reads. */
export function referencedFields(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(referencedFields);
  if ("any" in c) return c.any.flatMap(referencedFields);
  if ("not" in c) return referencedFields(c.not);
  if ("someItem" in c) return [c.someItem.group];
  if ("everyItem" in c) return [c.everyItem.group];
  return [c.field];
}

export type Scope = { item?: Record<string, unknown>; answers: Record<string, unknown> };

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

function lookup(field: string, scope: Scope): unknown {
  if (scope.item && field in scope.item) return scope.item[field];
  return scope.answers[field];
}

/** The included items of a group answer (an offered person left unticked is not one). */
function itemsOf(group: string, scope: Scope): Record<string, unknown>[] {
  const value = scope.answers[group];
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  return list.filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === "object" && !isExcluded(item));
}

function compare(a: unknown, b: unknown): number | undefined {
  const x = typeof a === "number" ? a : Number(a);
  const y = typeof b === "number" ? b : Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && a !== "" && a !== null && a !== undefined) return x - y;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0; // ISO dates
  return undefined;
}

export function evaluate(c: Condition | undefined, scope: Scope): boolean {
  if (!c) return true;
  if ("all" in c) return c.all.every((x) => evaluate(x, scope));
  if ("any" in c) return c.any.some((x) => evaluate(x, scope));
  if ("not" in c) return !evaluate(c.not, scope);
  if ("someItem" in c) return itemsOf(c.someItem.group, scope).some((item) => evaluate(c.someItem.where, { answers: scope.answers, item }));
  if ("everyItem" in c) return itemsOf(c.everyItem.group, scope).every((item) => evaluate(c.everyItem.where, { answers: scope.answers, item }));
  const actual = lookup(c.field, scope);
  switch (c.op) {
    case "isEmpty":
      return empty(actual);
    case "notEmpty":
      return !empty(actual);
    case "eq":
      return actual === c.value || (typeof actual === "number" && actual === Number(c.value));
    case "neq":
      return !(actual === c.value || (typeof actual === "number" && actual === Number(c.value)));
    case "in":
      return Array.isArray(c.value) && c.value.includes(String(actual));
    case "notIn":
      return !(Array.isArray(c.value) && c.value.includes(String(actual)));
    case "includes":
      return Array.isArray(actual) && actual.includes(c.value);
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const d = compare(actual, c.value);
      if (d === undefined) return false;
      return c.op === "gt" ? d > 0 : c.op === "gte" ? d >= 0 : c.op === "lt" ? d < 0 : d <= 0;
    }
  }
}

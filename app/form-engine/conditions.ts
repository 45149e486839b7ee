import { z } from "zod";

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
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

const comparison = z
  .object({
    field: z.string().min(1),
    op: z.enum(comparisonOperators),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  })
  .strict();

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
    z.object({ not: condition }).strict(),
    comparison,
  ]),
);

/** Every field name a condition reads. */
export function referencedFields(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(referencedFields);
  if ("any" in c) return c.any.flatMap(referencedFields);
  if ("not" in c) return referencedFields(c.not);
  return [c.field];
}

export type Scope = { item?: Record<string, unknown>; answers: Record<string, unknown> };

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

function lookup(field: string, scope: Scope): unknown {
  if (scope.item && field in scope.item) return scope.item[field];
  return scope.answers[field];
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

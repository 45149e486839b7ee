/**
 * What the question editor shows for a field type, read from the type's own definition schema (its zod meta-schema
 * turned into JSON Schema, as definition-schema.ts does): a new field type needs no change in the builder.
 */
import { z } from "zod";
import { condition } from "../../../form-engine/conditions-schema";
import type { AnyFieldType } from "../../../form-engine/field-type";
import { prefillBinding } from "../../../form-engine/field-type";
import { options } from "../../../form-engine/fields/choices.rules";
import { localizedText } from "../../../form-engine/localized-schema";

export type PropertyKind = "name" | "text" | "number" | "boolean" | "enum" | "localized" | "options" | "fields" | "condition" | "prefill" | "json";

export type Property = {
  key: string;
  kind: PropertyKind;
  /** The definition must have it (no default). */
  required: boolean;
  default?: unknown;
  enum?: string[];
  integer?: boolean;
  min?: number;
  max?: number;
  /** A group's child types ("fields"), in the order the schema lists them. */
  childTypes?: string[];
};

type JsonSchema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  enum?: unknown[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

const MARK = "x-editor";
/** The schemas every field type shares are recognised by identity and get their own editor. */
const marked = new Map<unknown, PropertyKind>([
  [localizedText, "localized"],
  [condition, "condition"],
  [prefillBinding, "prefill"],
  [options, "options"],
]);

export function jsonSchemaOf(fieldType: AnyFieldType): JsonSchema {
  return z.toJSONSchema(fieldType.definition, {
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
    override: (ctx) => {
      const kind = marked.get(ctx.zodSchema);
      if (!kind) return;
      const schema = ctx.jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(schema)) delete schema[key];
      schema[MARK] = kind;
    },
  }) as JsonSchema;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, "");
  return ((root.$defs as Record<string, JsonSchema> | undefined)?.[name] ?? {}) as JsonSchema;
}

/** The types a list of field definitions accepts (a group's `fields`), or undefined when `schema` is not one. */
function fieldTypesOfList(schema: JsonSchema, root: JsonSchema): string[] | undefined {
  if (schema.type !== "array" || !schema.items) return undefined;
  const items = resolve(schema.items, root);
  const members = (items.oneOf ?? items.anyOf)?.map((m) => resolve(m, root));
  const types = members?.map((m) => m.properties?.type?.const);
  return types?.length && types.every((t) => typeof t === "string") ? (types as string[]) : undefined;
}

function classify(key: string, raw: JsonSchema, root: JsonSchema): Omit<Property, "key" | "required"> {
  const schema = resolve(raw, root);
  const mark = schema[MARK] as PropertyKind | undefined;
  if (key === "name") return { kind: "name" };
  if (mark) return { kind: mark };
  const childTypes = fieldTypesOfList(schema, root);
  if (childTypes) return { kind: "fields", childTypes };
  const base = { default: schema.default };
  // JSON Schema's own "type" (string, number …), not a field type.
  const jsonType = schema["type"];
  if (jsonType === "boolean") return { kind: "boolean", ...base };
  if (jsonType === "string" && Array.isArray(schema.enum)) return { kind: "enum", enum: schema.enum as string[], ...base };
  if (jsonType === "string") return { kind: "text", ...base };
  if (jsonType === "integer" || jsonType === "number") {
    const min = (schema.minimum as number | undefined) ?? (typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : undefined);
    const max = schema.maximum as number | undefined;
    return { kind: "number", integer: jsonType === "integer", min, max: max !== undefined && max < Number.MAX_SAFE_INTEGER ? max : undefined, ...base };
  }
  return { kind: "json" };
}

/** The properties of a field type the editor shows, in the schema's order; `type` itself is not editable. */
export function editableProperties(fieldType: AnyFieldType): Property[] {
  const root = jsonSchemaOf(fieldType);
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {})
    .filter(([key]) => key !== "type")
    .map(([key, schema]) => {
      const c = classify(key, schema, root);
      return { key, ...c, required: required.has(key) && c.default === undefined };
    });
}

/**
 * A new question of a type that satisfies its schema as far as a skeleton can: a name, a label, and every required
 * property that has an obvious first value (one option, the first of an enum, the least number). The administrator
 * fills in the rest; saving names what is still missing.
 */
export function questionSkeleton(fieldType: AnyFieldType, name: string, label: string, optionLabel: (n: number) => string): Record<string, unknown> {
  const out: Record<string, unknown> = { type: fieldType.type, name, label: { ja: label } };
  for (const p of editableProperties(fieldType)) {
    if (!p.required || p.key in out) continue;
    if (p.kind === "localized") out[p.key] = { ja: label };
    if (p.kind === "options") out[p.key] = [{ value: "option1", label: { ja: optionLabel(1) } }];
    if (p.kind === "enum") out[p.key] = p.enum![0];
    if (p.kind === "number") out[p.key] = p.min ?? 0;
    if (p.kind === "boolean") out[p.key] = false;
  }
  return out;
}

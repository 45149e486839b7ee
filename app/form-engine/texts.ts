/**
 * Every text of a definition (a label, a hint, an option, the declaration …) with its path, found by walking the
 * definition along its meta-schema: a text is whatever the meta-schema says is a `localizedText`, so a new field type's
 * own texts are found without listing them here.
 */
import type { z } from "zod";
import { condition } from "./conditions-schema";
import { definitionSchema, type FormDefinition } from "./definition";
import { localizedText } from "./localized-schema";
import { type LocalizedText } from "./localized";

export type DefinitionText = { path: (string | number)[]; text: LocalizedText };

type Walkable = z.core.$ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

const schema = definitionSchema() as unknown as Walkable;

function walk(node: Walkable, value: unknown, path: (string | number)[], out: DefinitionText[]) {
  if (value === undefined || value === null) return;
  if ((node as unknown) === localizedText) {
    out.push({ path, text: value as LocalizedText });
    return;
  }
  if ((node as unknown) === condition) return; // conditions hold no text
  const def = node._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return walk(def.innerType as Walkable, value, path, out);
    case "lazy":
      return walk((def.getter as () => Walkable)(), value, path, out);
    case "pipe":
      return walk(def.in as Walkable, value, path, out);
    case "object": {
      if (typeof value !== "object") return;
      const shape = def.shape as Record<string, Walkable>;
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) if (shape[key]) walk(shape[key], v, [...path, key], out);
      return;
    }
    case "array":
      if (Array.isArray(value)) value.forEach((v, i) => walk(def.element as Walkable, v, [...path, i], out));
      return;
    case "record":
      if (typeof value === "object") for (const [key, v] of Object.entries(value as object)) walk(def.valueType as Walkable, v, [...path, key], out);
      return;
    case "union": {
      // The alternative the value is (a field of this type, a plain text or one with a condition).
      const option = (def.options as Walkable[]).find((o) => (o as unknown as z.ZodType).safeParse(value).success);
      if (option) walk(option, value, path, out);
      return;
    }
  }
}

/** The texts of a parsed definition, in file order. */
export function definitionTexts(definition: FormDefinition): DefinitionText[] {
  const out: DefinitionText[] = [];
  walk(schema, definition, [], out);
  return out;
}

/**
 * A text's key in a procedure's translation file (issue 14): its path joined by ".", where an array element is named
 * by its `id` or `name` (a step, a field) or, in `options`, by its `value`, so reordering a definition keeps its
 * translations; other array elements (guidance notes, rules, afterSubmit items) keep their index.
 * e.g. "steps.applicant.fields.purpose.options.resident.label", "guidance.notes.0".
 */
export function textKey(definition: unknown, path: (string | number)[]): string {
  const segments: string[] = [];
  let node: unknown = definition;
  for (const [i, segment] of path.entries()) {
    node = (node as Record<string | number, unknown> | undefined)?.[segment];
    if (typeof segment === "number" && node && typeof node === "object") {
      const named = node as { id?: unknown; name?: unknown; value?: unknown };
      const candidates = path[i - 1] === "options" ? [named.value] : [named.id, named.name];
      const name = candidates.find((n) => typeof n === "string" && n !== "");
      segments.push(typeof name === "string" ? name : String(segment));
    } else segments.push(String(segment));
  }
  return segments.join(".");
}

/**
 * Where a path in a definition is, in the builder's words: the step and the question (and the question inside a
 * repeating group). Works on any JSON, also one that does not parse as a definition.
 */
export type Place = {
  /** The step's id, for a path inside `steps[s]`. */
  stepId?: string;
  /** The question's name, for a path inside `steps[s].fields[f]`. */
  fieldName?: string;
  /** The name of the question inside a repeating group, for a path inside `steps[s].fields[f].fields[c]`. */
  itemFieldName?: string;
  /** The question's label in Japanese (the innermost question's). */
  question?: string;
};

const record = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A text's Japanese: a plain string, or its `ja`. */
export function jaText(text: unknown): string | undefined {
  if (typeof text === "string") return text;
  const ja = record(text)?.ja;
  return typeof ja === "string" ? ja : undefined;
}

const at = (list: unknown, index: unknown) => (Array.isArray(list) && typeof index === "number" ? record(list[index]) : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export function placeOf(definition: unknown, path: readonly (string | number)[]): Place {
  if (path[0] !== "steps") return {};
  const step = at(record(definition)?.steps, path[1]);
  if (!step) return {};
  const place: Place = { stepId: str(step.id) };
  if (path[2] !== "fields") return place;
  const field = at(step.fields, path[3]);
  if (!field) return place;
  Object.assign(place, { fieldName: str(field.name), question: jaText(field.label) });
  const child = path[4] === "fields" ? at(field.fields, path[5]) : undefined;
  if (child) Object.assign(place, { itemFieldName: str(child.name), question: jaText(child.label) });
  return Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined));
}

/**
 * What a page reads of a step without its rules: the id of an answer's input and the answers as the server normalises
 * them (a follow-up question reads the page's answers with this in the browser). The schema is engine.ts's, server only.
 */
import type { FieldDef } from "./definition";
import { getFieldView } from "./field-views";

export type Answers = Record<string, unknown>;

export const fieldId = (path: string) => path.replace(/[.[\]]+/g, "-").replace(/-$/, "");

/** Normalises every answerable field of a step from submitted input (before visibility is known). */
export function normalizeStep(step: { fields: FieldDef[] }, raw: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const f of step.fields) {
    const type = getFieldView(f.type);
    if (type.hasValue) out[f.name] = type.normalize(raw[f.name], f);
  }
  return out;
}

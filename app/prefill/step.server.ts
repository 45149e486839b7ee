/** Prefill on a step page: values to show, marks of their source, and the fixed values the server keeps. */
import type { Answers, Step } from "../form-engine/engine";
import { getFieldType } from "../form-engine/registry";
import type { Draft } from "../submissions/drafts.server";
import { sameValue } from "./provenance";
import { sourceLabelKey } from "./registry.server";

export type PrefillMark = { sourceKey: string; mode: "confirm" | "fixed"; offered?: number };

const bound = (step: Step, draft: Draft) => step.fields.filter((f) => f.prefill && draft.prefill[f.name]);

export function prefilledValues(step: Step, draft: Draft): Answers {
  return Object.fromEntries(bound(step, draft).map((f) => [f.name, draft.prefill[f.name]!.value]));
}

export function prefillMarks(step: Step, draft: Draft): Record<string, PrefillMark> {
  // Offered people (list bindings) are chosen by ticking until the step is saved; then the answers stand.
  const fresh = !draft.completedSteps.includes(step.id);
  return Object.fromEntries(
    bound(step, draft).map((f) => {
      const value = draft.prefill[f.name]!.value;
      const offered = f.type === "group" && fresh && Array.isArray(value) ? value.length : undefined;
      return [f.name, { sourceKey: sourceLabelKey(draft.prefill[f.name]!.source), mode: f.prefill!.mode, offered }];
    }),
  );
}

const fixedFields = (step: Step, draft: Draft) => bound(step, draft).filter((f) => f.prefill!.mode === "fixed");

/** Fixed fields a post tried to set to something else. (The page never sends them; only a crafted post does.) */
export function fixedFieldsChanged(step: Step, draft: Draft, raw: Record<string, unknown>): string[] {
  return fixedFields(step, draft)
    .filter((f) => raw[f.name] !== undefined && !sameValue(getFieldType(f.type).normalize(raw[f.name], f), draft.prefill[f.name]!.value))
    .map((f) => f.name);
}

export function fixedValues(step: Step, draft: Draft): Answers {
  return Object.fromEntries(fixedFields(step, draft).map((f) => [f.name, draft.prefill[f.name]!.value]));
}

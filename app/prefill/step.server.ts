/** Prefill on a step page: values to show, marks of their source, and the fixed values the server keeps. */
import type { Answers, Step } from "../form-engine/engine";
import type { PrefillBinding } from "../form-engine/field-type";
import type { LocalizedText } from "../form-engine/localized";
import { EXCLUDED, OFFERED } from "../form-engine/item-keys";
import { getFieldType } from "../form-engine/field-types";
import type { Draft } from "../submissions/drafts.server";

/** What a step needs of a draft (or of an administrator's preview, which holds the same). */
type Filled = Pick<Draft, "answers" | "completedSteps" | "prefill">;
import { ITEM_SOURCES, sameValue, SELF } from "./provenance";
import { sourceLabelKey, sourceNoteKey } from "./prefill-sources.server";

export type PrefillMark = { sourceKey: string; noteKey: string; mode: "confirm" | "fixed"; label?: LocalizedText; note?: LocalizedText };
const markOf = (source: string, mode: PrefillMark["mode"], binding?: PrefillBinding): PrefillMark => ({
  sourceKey: sourceLabelKey(source),
  noteKey: sourceNoteKey(source),
  mode,
  // A binding may say more precisely what the value is (a planned date, not the legal one) and what to check.
  ...(binding?.mark ? { label: binding.mark } : {}),
  ...(binding?.note ? { note: binding.note } : {}),
});

// A carried-over answer of a counter visit may fill a field without a binding of its own (confirm, never fixed).
const bound = (step: Step, draft: Filled) => step.fields.filter((f) => draft.prefill[f.name]);

/**
 * People offered from a list stay on the page until submission: ticked when they are in the answer, unticked when
 * not, then the people the resident added. Before the first answer: all ticked when they fit the group, none otherwise.
 */
function offerList(offers: Answers[], answer: Answers[] | undefined, maxItems: number): Answers[] {
  if (!answer) return offers.map((o) => (offers.length <= maxItems ? o : { ...o, [EXCLUDED]: true }));
  const chosen = new Map(answer.filter((item) => typeof item[OFFERED] === "number").map((item) => [item[OFFERED], item]));
  return [...offers.map((o, i) => chosen.get(i) ?? { ...o, [EXCLUDED]: true }), ...answer.filter((item) => typeof item[OFFERED] !== "number")];
}

/** What a step shows before the resident changes anything: their answers, or else what the city already knows. */
export function shownValues(step: Step, draft: Filled): Answers {
  const saved = draft.completedSteps.includes(step.id);
  const out: Answers = { ...draft.answers };
  for (const f of bound(step, draft)) {
    const known = draft.prefill[f.name]!.value;
    // A list offered from the city's records (the meta-schema binds lists only to fields made of items).
    if (Array.isArray(known)) {
      const answer = draft.answers[f.name] ?? (saved ? [] : undefined);
      out[f.name] = offerList(known as Answers[], answer as Answers[] | undefined, (f as { maxItems?: number }).maxItems ?? known.length);
    } else if (!saved && !(f.name in draft.answers)) {
      out[f.name] = known;
    }
  }
  return out;
}

/**
 * Marks by answer path: each bound field, and inside a group offered from a list, the values of the resident's own
 * item that came from another source (their kept 勤務先), found through the offer the shown item came from.
 */
export function prefillMarks(step: Step, draft: Filled, shown: Answers): Record<string, PrefillMark> {
  const marks: Record<string, PrefillMark> = {};
  for (const f of bound(step, draft)) {
    marks[f.name] = markOf(draft.prefill[f.name]!.source, f.prefill?.mode ?? "confirm", f.prefill);
    const offers = draft.prefill[f.name]!.value;
    const items = shown[f.name];
    if (!Array.isArray(offers) || !Array.isArray(items)) continue;
    (items as Answers[]).forEach((item, i) => {
      const offer = typeof item?.[OFFERED] === "number" ? (offers[item[OFFERED]] as Answers | undefined) : undefined;
      for (const [child, source] of Object.entries((offer?.[ITEM_SOURCES] ?? {}) as Record<string, string>)) {
        marks[`${f.name}.${i}.${child}`] = markOf(source, "confirm");
      }
    });
  }
  return marks;
}

const fixedFields = (step: Step, draft: Filled) => bound(step, draft).filter((f) => f.prefill?.mode === "fixed");

/** Fixed fields a post tried to set to something else. (The page never sends them; only a crafted post does.) */
export function fixedFieldsChanged(step: Step, draft: Filled, raw: Record<string, unknown>): string[] {
  return fixedFields(step, draft)
    .filter((f) => raw[f.name] !== undefined && !sameValue(getFieldType(f.type).normalize(raw[f.name], f), draft.prefill[f.name]!.value))
    .map((f) => f.name);
}

export function fixedValues(step: Step, draft: Filled): Answers {
  return Object.fromEntries(fixedFields(step, draft).map((f) => [f.name, draft.prefill[f.name]!.value]));
}

/**
 * Per field bound to a list of people: the places of the shown items that are the signed-in resident's own (the
 * offer marks them), so that only there the browser may fill in the resident's own name and birthday.
 */
export function ownItems(step: Step, draft: Filled, shown: Answers): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of bound(step, draft)) {
    const offers = draft.prefill[f.name]!.value;
    const items = shown[f.name];
    if (!Array.isArray(offers) || !Array.isArray(items)) continue;
    out[f.name] = (items as Answers[]).flatMap((item, i) => {
      const offer = typeof item?.[OFFERED] === "number" ? (offers[item[OFFERED]] as Answers | undefined) : undefined;
      return offer?.[SELF] ? [i] : [];
    });
  }
  return out;
}

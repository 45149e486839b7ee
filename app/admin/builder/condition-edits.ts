/**
 * Conditions outside a question — a step's `showIf` and an afterSubmit item's — edited with the same menus as a
 * question's (questions/condition-editor.ts). The server checks what the menus posted: every comparison complete, and
 * every question one the condition may read at its place (a step's: earlier steps; an afterSubmit item's: any).
 */
import type { TFunction } from "i18next";
import { type Condition } from "../../form-engine/conditions";
import { condition as conditionSchema } from "../../form-engine/conditions-schema";
import type { FieldDef } from "../../form-engine/definition";
import { questionsBefore, takesNoValue, type ConditionQuestion, type FormLike } from "./questions/condition-editor";
import { inputId } from "./questions/input-id";
import type { Problem, Step } from "./definition-edits";

/** A button of a condition editor's form: save it, show the value menus, or add / remove a condition there. */
export type EditorButton = { verb: "save" } | { verb: "refresh" } | { verb: "cond"; what: "add" | "remove"; path: string };

/** `_action` as the buttons post it ("save", "refresh", "cond:add:showIf.0"); absent: the form was submitted (save). */
export function editorButton(form: FormLike): EditorButton | null {
  const raw = form.get("_action");
  const action = typeof raw === "string" ? raw : "save";
  if (action === "save" || action === "refresh") return { verb: action };
  const [verb, what, ...rest] = action.split(":");
  const path = rest.join(":");
  if (verb === "cond" && (what === "add" || what === "remove") && path && path.length <= 200) return { verb, what, path };
  return null;
}

/** The editor prefix of a step's condition, and of the afterSubmit item at `index`. */
export const STEP_CONDITION = "showIf";
export const afterSubmitPrefix = (index: number) => `afterSubmit-${index}-showIf`;
/** The id of an editor's heading: where an error summary's link goes. */
export const conditionTarget = (prefix: string) => inputId(`${prefix}-title`);

// Only the names matter for checking; labels are not read.
const plainT = ((key: string) => key) as unknown as TFunction;
const stepsForQuestions = (steps: Step[]) => steps as unknown as { fields?: FieldDef[] }[];

/** What a step's condition may read: the questions of the steps before it. */
export const stepConditionQuestions = (steps: Step[], stepIndex: number, lng = "ja", t: TFunction = plainT) =>
  questionsBefore(stepsForQuestions(steps), { stepIndex, fieldIndex: 0 }, lng, t);
/** What an afterSubmit item's condition may read: every question of the form. */
export const formConditionQuestions = (steps: Step[], lng = "ja", t: TFunction = plainT) =>
  questionsBefore(stepsForQuestions(steps), { stepIndex: steps.length, fieldIndex: 0 }, lng, t);

const blank = (v: unknown) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** Why the condition cannot be saved ("conditionIncomplete" / "conditionUnknownQuestion"), or undefined. */
function fault(c: Condition, questions: ConditionQuestion[]): string | undefined {
  if ("all" in c || "any" in c) {
    const list = "all" in c ? c.all : c.any;
    return list.length === 0 ? "conditionIncomplete" : list.map((child) => fault(child, questions)).find(Boolean);
  }
  if ("not" in c) return fault(c.not, questions);
  if ("someItem" in c || "everyItem" in c) {
    const items = "someItem" in c ? c.someItem : c.everyItem;
    if (!items.group) return "conditionIncomplete";
    const group = questions.find((q) => q.name === items.group);
    if (!group?.items) return "conditionUnknownQuestion";
    return fault(items.where, [...group.items, ...questions]);
  }
  if (!c.field) return "conditionIncomplete";
  if (!questions.some((q) => q.name === c.field)) return "conditionUnknownQuestion";
  if (!takesNoValue(c.op) && blank(c.value)) return "conditionIncomplete";
  return undefined;
}

/** The problem with a condition from the menus, pointed at its editor; undefined when it can be saved. */
export function checkCondition(c: Condition, questions: ConditionQuestion[], prefix: string): Problem | undefined {
  const key = conditionSchema.safeParse(c).success ? fault(c, questions) : "conditionIncomplete";
  return key ? { key, target: conditionTarget(prefix) } : undefined;
}

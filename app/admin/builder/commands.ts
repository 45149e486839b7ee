/**
 * What a builder page posts, read into a command (the server decides; nothing the browser sends is trusted beyond
 * its shape), and carried out on a definition by the edits in definition-edits.ts.
 */
import { z } from "zod";
import type { Condition } from "../../form-engine/conditions";
import { afterSubmitPrefix, editorButton, STEP_CONDITION, type EditorButton } from "./condition-edits";
import { readCondition } from "./questions/condition-editor";
import {
  addQuestion,
  addStep,
  editStep,
  moveQuestion,
  moveQuestionToStep,
  moveStep,
  removeQuestion,
  removeStep,
  removeStepCondition,
  setSettings,
  setStepCondition,
  stepsOf,
  type Direction,
  type EditResult,
  type Json,
  type Settings,
  type Texts,
  type Translate,
} from "./definition-edits";

export type BuilderCommand =
  | { intent: "settings"; settings: Settings; button: EditorButton }
  | { intent: "addStep"; title: Texts }
  | { intent: "moveStep"; stepId: string; direction: Direction }
  | { intent: "removeStep"; stepId: string }
  | { intent: "editStep"; title: Texts; description: Texts }
  | { intent: "removeCondition" }
  /** The step's condition as its menus posted it; `button` other than save only changes the page (nothing saved). */
  | { intent: "stepCondition"; condition?: Condition; button: EditorButton }
  | { intent: "addQuestion"; type: string }
  | { intent: "moveQuestion"; name: string; direction: Direction }
  | { intent: "moveQuestionTo"; name: string; to: string }
  | { intent: "removeQuestion"; name: string };

/** Commands of the procedure page, and of a step's page (which names its step in the URL). */
export const OVERVIEW_INTENTS = ["settings", "addStep", "moveStep", "removeStep"] as const;
export const STEP_INTENTS = ["editStep", "removeCondition", "stepCondition", "addQuestion", "moveQuestion", "moveQuestionTo", "removeQuestion"] as const;

const MAX_TEXT = 2000;
const MAX_ITEMS = 50;
const id = z.string().min(1).max(100);
const direction = z.enum(["up", "down"]);
const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.slice(0, MAX_TEXT) : "";
};
const texts = (form: FormData, prefix: string, languages: string[]): Texts => Object.fromEntries(languages.map((l) => [l, text(form, `${prefix}-${l}`)]));
/** A list of texts posted as prefix-0-ja, prefix-0-en, prefix-1-ja… (the count says how many rows the page had). */
const textList = (form: FormData, prefix: string, languages: string[]): Texts[] => {
  const count = Math.min(MAX_ITEMS, Math.max(0, Number.parseInt(text(form, `${prefix}-count`), 10) || 0));
  return Array.from({ length: count }, (_, i) => texts(form, `${prefix}-${i}`, languages));
};

/** The command a page posted, or null when it is not one this page offers (a forged or stale form). */
export function parseCommand(form: FormData, languages: string[], page: "overview" | "step"): BuilderCommand | null {
  const intent = text(form, "intent");
  const allowed: readonly string[] = page === "overview" ? OVERVIEW_INTENTS : STEP_INTENTS;
  if (!allowed.includes(intent)) return null;
  const parsed = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
  switch (intent) {
    case "settings": {
      const button = editorButton(form);
      if (!button) return null;
      const afterSubmit = textList(form, "afterSubmit", languages);
      return {
        intent,
        button,
        settings: {
          title: texts(form, "title", languages),
          description: texts(form, "description", languages),
          duration: texts(form, "duration", languages),
          whatYouNeed: textList(form, "whatYouNeed", languages),
          notes: textList(form, "notes", languages),
          declaration: texts(form, "declaration", languages),
          afterSubmit,
          // Only items whose editor was on the page say anything about their condition.
          afterSubmitShowIf: afterSubmit.map((_, i) =>
            text(form, `${afterSubmitPrefix(i)}-menus`) === "yes" ? (readCondition(form, afterSubmitPrefix(i)) ?? null) : undefined,
          ),
          pdfTitle: texts(form, "pdfTitle", languages),
          signInRequired: text(form, "signInRequired") === "yes",
          applicantName: text(form, "applicantName"),
          contactEmail: text(form, "contactEmail"),
        },
      };
    }
    case "addStep":
      return { intent, title: texts(form, "new-step-title", languages) };
    case "moveStep":
      return parsed(id, text(form, "stepId")) && parsed(direction, text(form, "direction"))
        ? { intent, stepId: text(form, "stepId"), direction: text(form, "direction") as Direction }
        : null;
    case "removeStep":
      return parsed(id, text(form, "stepId")) ? { intent, stepId: text(form, "stepId") } : null;
    case "editStep":
      return { intent, title: texts(form, "title", languages), description: texts(form, "description", languages) };
    case "removeCondition":
      return { intent };
    case "stepCondition": {
      const button = editorButton(form);
      return button ? { intent, condition: readCondition(form, STEP_CONDITION), button } : null;
    }
    case "addQuestion":
      return { intent, type: text(form, "type") };
    case "moveQuestion":
      return parsed(id, text(form, "name")) && parsed(direction, text(form, "direction"))
        ? { intent, name: text(form, "name"), direction: text(form, "direction") as Direction }
        : null;
    case "moveQuestionTo":
      return parsed(id, text(form, "name")) ? { intent, name: text(form, "name"), to: text(form, "to") } : null;
    case "removeQuestion":
      return parsed(id, text(form, "name")) ? { intent, name: text(form, "name") } : null;
  }
  return null;
}

export function runCommand(def: Json, command: BuilderCommand, stepId: string | undefined, translate: Translate): EditResult {
  const step = stepId ?? "";
  switch (command.intent) {
    case "settings":
      return setSettings(def, command.settings);
    case "addStep":
      return addStep(def, command.title);
    case "moveStep":
      return moveStep(def, command.stepId, command.direction);
    case "removeStep":
      return removeStep(def, command.stepId);
    case "editStep":
      return editStep(def, step, command);
    case "removeCondition":
      return removeStepCondition(def, step);
    case "stepCondition":
      return setStepCondition(def, step, command.condition);
    case "addQuestion":
      return addQuestion(def, step, command.type, translate);
    case "moveQuestion":
      return moveQuestion(def, step, command.name, command.direction);
    case "moveQuestionTo":
      return moveQuestionToStep(def, step, command.name, command.to);
    case "removeQuestion":
      return removeQuestion(def, step, command.name);
  }
}

/** The notice after a command (a key under admin.builder.done). */
export function doneKey(command: BuilderCommand): string {
  if (command.intent === "moveStep" || command.intent === "moveQuestion") return `${command.intent}${command.direction === "up" ? "Up" : "Down"}`;
  return command.intent;
}

/**
 * Where focus goes after a command: the moved item's button in the same direction (or the other one once it reached
 * the end), a new step's or question's link, else the notice (undefined).
 */
export function focusAfter(def: Json, command: BuilderCommand, stepId: string | undefined, resultFocus: string | undefined): string | undefined {
  const place = (ids: unknown[], item: unknown, dir: Direction, kind: string) => {
    const i = ids.indexOf(item);
    const atEnd = dir === "up" ? i === 0 : i === ids.length - 1;
    const use = atEnd ? (dir === "up" ? "down" : "up") : dir;
    return ids.length > 1 ? `move-${use}-${kind}-${String(item)}` : undefined;
  };
  if (command.intent === "moveStep")
    return place(
      stepsOf(def).map((s) => s.id),
      command.stepId,
      command.direction,
      "step",
    );
  if (command.intent === "moveQuestion") {
    const step = stepsOf(def).find((s) => s.id === stepId);
    return place(step?.fields.map((f) => f.name) ?? [], command.name, command.direction, "question");
  }
  if (command.intent === "addStep" || command.intent === "addQuestion") return resultFocus ? `${resultFocus}-link` : undefined;
  return undefined;
}

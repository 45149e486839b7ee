/**
 * What the question editor's route does with a request, in one place so that the route stays thin: the page for a
 * GET, and for a POST either a button that changes the page without saving, or a save (PRG with a notice).
 */
import type { TFunction } from "i18next";
import type { SummaryError } from "../../../ui/error-summary";
import type { AdminActor } from "../../../procedures/lifecycle.server";
import { formOf, type FormLike } from "./condition-editor";
import { inputId } from "./input-id";
import type { Property } from "./properties";
import {
  addChildQuestion,
  questionPage,
  QuestionNotFound,
  removeChildQuestion,
  saveQuestion,
  type QuestionPage,
  type QuestionProblem,
  type QuestionRef,
} from "./question-editor.server";
import { applyCommand, parseCommand, readQuestion } from "./question-form";

export { QuestionNotFound };

export const questionPath = (ref: QuestionRef) =>
  `/admin/forms/${ref.formId}/edit/steps/${ref.stepId}/questions/${encodeURIComponent(ref.name)}${ref.child === undefined ? "" : `/fields/${encodeURIComponent(ref.child)}`}`;

/** The input an error summary link moves to, for a problem at `path` in the question. */
function targetOf(path: (string | number)[], properties: Property[]): string {
  const [key, index, part] = path;
  if (key === "name") return inputId("name");
  const p = properties.find((x) => x.key === key);
  switch (p?.kind) {
    case "localized":
      return inputId(`p.${key}.ja`);
    case "options":
      return typeof index === "number" ? inputId(`opt.${key}.${index}.${part === "label" ? "label.ja" : "value"}`) : inputId(`opt.${key}-title`);
    case "condition":
      return inputId(`p.${key}-title`);
    case "prefill":
      return inputId("p.prefill.path");
    case "fields":
      return "children-title";
    case "json":
      return inputId(`json.${key}`);
    default:
      return p ? inputId(`p.${key}`) : "question-form";
  }
}

function messageOf(problem: QuestionProblem, page: QuestionPage, t: TFunction): string {
  const label = String(page.question.name ?? "");
  const key = String(problem.path[0] ?? "");
  const property = key ? t(`admin.questions.property.${key}`, { defaultValue: key }) : t("admin.questions.property.type");
  const code =
    problem.code === "invalid_type" && /received undefined/.test(problem.message)
      ? "required"
      : ["invalid_type", "too_small", "too_big", "invalid_format", "invalid_value", "nameTaken", "duplicateOption", "unknownType", "invalid_union"].includes(
            problem.code,
          )
        ? problem.code
        : "other";
  return t(`admin.questions.problem.${code}`, { question: label, property, detail: problem.message, ...problem.params });
}

export type QuestionResponse =
  { kind: "redirect"; to: string } | { kind: "page"; page: QuestionPage; errors: SummaryError[]; status: number } | { kind: "notFound" };

export function showQuestion(ref: QuestionRef, lng: string, t: TFunction): QuestionResponse {
  try {
    return { kind: "page", page: questionPage(ref, lng, t), errors: [], status: 200 };
  } catch (error) {
    if (error instanceof QuestionNotFound) return { kind: "notFound" };
    throw error;
  }
}

/** A post of the editor's form: a button that changes the page (options, conditions) or a save. */
export function postQuestion(ref: QuestionRef, form: FormLike, actor: AdminActor, lng: string, t: TFunction): QuestionResponse {
  let saved: QuestionPage;
  try {
    saved = questionPage(ref, lng, t);
  } catch (error) {
    if (error instanceof QuestionNotFound) return { kind: "notFound" };
    throw error;
  }
  const command = parseCommand(String(form.get("_action") ?? "save"), form);
  let question = readQuestion(form, saved.question, saved.properties, saved.languages, saved.nameEditable);
  const again = (errors: SummaryError[] = [], status = 200): QuestionResponse => ({ kind: "page", page: questionPage(ref, lng, t, question), errors, status });
  if (!command) return again();
  if (command.verb === "refresh") return again();
  if (command.verb === "cond" || command.verb === "opt") {
    question = applyCommand(question, command, saved.properties, (n) => ({ value: `option${n}`, label: { ja: t("admin.questions.options.newLabel", { n }) } }));
    return again();
  }
  if (command.verb === "child") {
    const next =
      command.what === "add"
        ? addChildQuestion(question, command.type, t("admin.questions.children.newLabel"), (n) => t("admin.questions.options.newLabel", { n }))
        : removeChildQuestion(question, command.name);
    if (!next) return again();
    question = next;
  }
  const result = saveQuestion(ref, question, actor, Number(form.get("updatedAt")));
  if (result.ok)
    return { kind: "redirect", to: `${questionPath({ ...ref, ...(ref.child === undefined ? { name: result.name } : { child: result.name }) })}?saved=1` };
  if ("stale" in result) return again([{ target: "question-form", message: t("admin.questions.problem.stale") }], 409);
  const page = questionPage(ref, lng, t, question);
  const errors = result.problems.map((p) => ({ target: targetOf(p.path, page.properties), message: messageOf(p, page, t) }));
  // One message per input: zod may report a union's alternatives separately.
  const unique = errors.filter((e, i) => errors.findIndex((x) => x.target === e.target) === i);
  return { kind: "page", page, errors: unique, status: 400 };
}

export { formOf };

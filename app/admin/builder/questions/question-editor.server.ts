/**
 * The question editor's server side: finds a question (or a group's own question) in a procedure's working copy,
 * builds what the page shows, and saves an edited question back through the lifecycle store — with the
 * optimistic-concurrency check, validated by the question's own type schema first.
 */
import type { TFunction } from "i18next";
import type { Condition } from "../../../form-engine/conditions";
import type { FieldDef } from "../../../form-engine/definition";
import { getFieldType } from "../../../form-engine/field-types";
import type { AnyFieldType } from "../../../form-engine/field-type";
import { localizeText, type LocalizedText } from "../../../form-engine/localized";
import { prefillSources } from "../../../prefill/prefill-sources.server";
import type { Finding } from "../../../procedures/findings";
import { getFormDraft, LifecycleError, saveFormDraft, publicationHistory, type AdminActor } from "../../../procedures/lifecycle.server";
import { checkForPublish } from "../../../procedures/publish-check.server";
import { getFormVersion } from "../../../procedures/store.server";
import { hasMenus, questionsBefore, type ConditionQuestion } from "./condition-editor";
import { editableProperties, questionSkeleton, type Property } from "./properties";
import { duplicateOptionValues, type QuestionDraft } from "./question-form";

type Step = { id?: unknown; fields?: FieldDef[] };
type Definition = Record<string, unknown> & { steps?: Step[]; title?: unknown };

export type Place = { stepIndex: number; fieldIndex: number; childIndex?: number };
export type QuestionRef = { formId: string; stepId: string; name: string; child?: string };

/** The languages the procedure declares: those its title is written in, Japanese first. */
export function declaredLanguages(definition: Definition): string[] {
  const title = definition.title;
  const own = title && typeof title === "object" ? Object.keys(title) : [];
  return ["ja", ...own.filter((l) => l !== "ja")];
}

function typeOf(def: { type?: unknown }): AnyFieldType | undefined {
  try {
    return getFieldType(String(def.type));
  } catch {
    return undefined;
  }
}

function childrenOf(def: FieldDef | undefined): FieldDef[] | undefined {
  const items = def && typeOf(def)?.items;
  return items ? (Array.isArray(def.fields) ? def.fields : []) : undefined;
}

export function findQuestion(definition: Definition, ref: QuestionRef): { place: Place; question: FieldDef } | undefined {
  const steps = Array.isArray(definition.steps) ? definition.steps : [];
  const stepIndex = steps.findIndex((s) => s?.id === ref.stepId);
  const fields = steps[stepIndex]?.fields;
  if (!Array.isArray(fields)) return undefined;
  const fieldIndex = fields.findIndex((f) => f?.name === ref.name);
  const field = fields[fieldIndex];
  if (!field) return undefined;
  if (ref.child === undefined) return { place: { stepIndex, fieldIndex }, question: field };
  const children = childrenOf(field) ?? [];
  const childIndex = children.findIndex((c) => c?.name === ref.child);
  return childIndex < 0 ? undefined : { place: { stepIndex, fieldIndex, childIndex }, question: children[childIndex]! };
}

/** Names that some version ever published (or scheduled) carries at this place: renaming them would orphan answers. */
function publishedNames(formId: string, stepId: string, parent?: string): Set<string> {
  const names = new Set<string>();
  const versionIds = new Set(publicationHistory(formId).flatMap((p) => (p.versionId && !p.cancelledAt ? [p.versionId] : [])));
  for (const id of versionIds) {
    const version = getFormVersion(id);
    for (const step of version?.definition.steps ?? []) {
      for (const field of step.fields) {
        if (parent === undefined) names.add(field.name);
        else if (field.name === parent) for (const c of field.fields ?? []) names.add(c.name);
      }
    }
  }
  void stepId; // A question may move between steps; its answers are keyed by name alone.
  return names;
}

/** Findings of the publish check that concern this question (by its path, or its name where a rule names it). */
function findingsFor(findings: Finding[], place: Place, name: string): Finding[] {
  const at = ["steps", place.stepIndex, "fields", place.fieldIndex, ...(place.childIndex === undefined ? [] : ["fields", place.childIndex])];
  return findings.filter((f) => (f.path.length && at.every((seg, i) => String(f.path[i]) === String(seg))) || f.fieldName === name);
}

export type PrefillChoices = { paths: { path: string; itemKeys?: string[] }[] };

export type QuestionPage = {
  formId: string;
  stepId: string;
  stepTitle: string;
  /** The group a group's own question belongs to. */
  parent?: { name: string; label: string };
  place: Place;
  question: QuestionDraft;
  typeKnown: boolean;
  properties: Property[];
  languages: string[];
  nameEditable: boolean;
  updatedAt: number;
  findings: Finding[];
  conditionQuestions: ConditionQuestion[];
  /** Conditions written by hand that the menus cannot show, by property. */
  conditionsWithoutMenus: string[];
  prefill: PrefillChoices;
  /** The types a group's own question can have (for "add a question" in a group). */
  childTypes?: string[];
  /** A group's own questions, for links to their pages. */
  children?: { name: string; label: string; type: string }[];
};

export class QuestionNotFound extends Error {}

/** Everything the page shows, from the working copy as saved (or as posted, when `posted` is given). */
export function questionPage(ref: QuestionRef, lng: string, t: TFunction, posted?: QuestionDraft): QuestionPage {
  const draft = getFormDraft(ref.formId);
  if (!draft) throw new QuestionNotFound("no working copy");
  const definition = draft.definition as Definition;
  const found = findQuestion(definition, ref);
  if (!found) throw new QuestionNotFound("no such question");
  const question = (posted ?? found.question) as QuestionDraft;
  const type = typeOf(question);
  const properties = type ? editableProperties(type) : [];
  const steps = definition.steps ?? [];
  const step = steps[found.place.stepIndex]!;
  const parentDef = ref.child === undefined ? undefined : steps[found.place.stepIndex]!.fields![found.place.fieldIndex]!;
  const children = childrenOf(question as FieldDef);
  const label = (d: { label?: unknown; name?: unknown }) => localizeText(d.label as LocalizedText | undefined, lng) || String(d.name ?? "");
  const catalog = prefillSources.catalog;
  return {
    formId: ref.formId,
    stepId: ref.stepId,
    stepTitle: localizeText((step as { title?: LocalizedText }).title, lng),
    parent: parentDef ? { name: String(parentDef.name), label: label(parentDef) } : undefined,
    place: found.place,
    question,
    typeKnown: Boolean(type),
    properties,
    languages: declaredLanguages(definition),
    nameEditable: !publishedNames(ref.formId, ref.stepId, parentDef ? String(parentDef.name) : undefined).has(String(found.question.name)),
    updatedAt: draft.updatedAt.getTime(),
    findings: findingsFor(checkForPublish(definition), found.place, String(found.question.name)),
    conditionQuestions: questionsBefore(steps as { fields?: FieldDef[] }[], found.place, lng, t),
    conditionsWithoutMenus: properties.filter((p) => p.kind === "condition" && !hasMenus(question[p.key] as Condition | undefined)).map((p) => p.key),
    prefill: { paths: catalog.paths.map((path) => ({ path, itemKeys: catalog.lists[path] ? [...catalog.lists[path]!] : undefined })) },
    childTypes: properties.find((p) => p.kind === "fields")?.childTypes,
    children: children?.map((c) => ({ name: String(c.name), label: label(c), type: String(c.type) })),
  };
}

export type QuestionProblem = { path: (string | number)[]; code: string; message: string; params?: Record<string, string | number> };

/** The question's own checks before it is saved: its type's schema, unique names and option values. */
export function checkQuestion(question: QuestionDraft, siblings: FieldDef[], ownIndex: number): QuestionProblem[] {
  const type = typeOf(question);
  if (!type) return [{ path: ["type"], code: "unknownType", message: String(question.type) }];
  const problems: QuestionProblem[] = [];
  const parsed = type.definition.safeParse(question);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const details = issue as unknown as { minimum?: number; maximum?: number };
      problems.push({
        path: issue.path as (string | number)[],
        code: issue.code,
        message: issue.message,
        params: details.minimum !== undefined ? { n: Number(details.minimum) } : details.maximum !== undefined ? { n: Number(details.maximum) } : undefined,
      });
    }
  if (siblings.some((f, i) => i !== ownIndex && f?.name === question.name))
    problems.push({ path: ["name"], code: "nameTaken", message: String(question.name) });
  for (const p of editableProperties(type).filter((x) => x.kind === "options"))
    for (const i of duplicateOptionValues(question[p.key]))
      problems.push({ path: [p.key, i, "value"], code: "duplicateOption", message: String((question[p.key] as { value: string }[])[i]!.value) });
  return problems;
}

export type SaveResult = { ok: true; name: string } | { ok: false; problems: QuestionProblem[] } | { ok: false; stale: true };

/** Saves the edited question into the working copy (only after its checks pass). */
export function saveQuestion(ref: QuestionRef, question: QuestionDraft, actor: AdminActor, expectedUpdatedAt: number): SaveResult {
  const draft = getFormDraft(ref.formId);
  if (!draft) throw new QuestionNotFound("no working copy");
  const definition = structuredClone(draft.definition) as Definition;
  const found = findQuestion(definition, ref);
  if (!found) throw new QuestionNotFound("no such question");
  const { stepIndex, fieldIndex, childIndex } = found.place;
  const stepFields = definition.steps![stepIndex]!.fields!;
  const siblings = childIndex === undefined ? (definition.steps ?? []).flatMap((s) => s.fields ?? []) : (stepFields[fieldIndex]!.fields ?? []);
  const ownIndex = childIndex ?? siblings.indexOf(found.question);
  const problems = checkQuestion(question, siblings, ownIndex);
  if (problems.length) return { ok: false, problems };
  if (childIndex === undefined) stepFields[fieldIndex] = question as FieldDef;
  else stepFields[fieldIndex]!.fields![childIndex] = question as FieldDef;
  try {
    saveFormDraft(ref.formId, definition, actor, { expectedUpdatedAt, action: "procedure.editQuestion" });
  } catch (error) {
    if (error instanceof LifecycleError && error.code === "stale") return { ok: false, stale: true };
    throw error;
  }
  return { ok: true, name: String(question.name) };
}

/** A new question of `type` at the end of a group's own questions, with a free name (q1, q2 …). */
export function addChildQuestion(group: QuestionDraft, type: string, label: string, optionLabel: (n: number) => string): QuestionDraft | undefined {
  const childType = typeOf({ type });
  const children = Array.isArray(group.fields) ? (group.fields as FieldDef[]) : [];
  if (!childType) return undefined;
  let n = children.length + 1;
  while (children.some((c) => c.name === `question${n}`)) n++;
  return { ...group, fields: [...children, questionSkeleton(childType, `question${n}`, label, optionLabel) as FieldDef] };
}

export function removeChildQuestion(group: QuestionDraft, name: string): QuestionDraft {
  const children = Array.isArray(group.fields) ? (group.fields as FieldDef[]) : [];
  return { ...group, fields: children.filter((c) => c.name !== name) };
}

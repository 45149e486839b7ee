/**
 * The builder's server side: the working copy as the builder pages show it, and a command carried out on it and saved
 * with the optimistic check (a page shows `updatedAt`; a save based on an older copy is refused as stale).
 */
import type { TFunction } from "i18next";
import { fieldTypes } from "../../form-engine/field-types";
import { localizeText, type LocalizedText } from "../../form-engine/localized";
import { languageCodes } from "../../i18n/languages.server";
import { getFixedT } from "../../i18n/i18next.server";
import type { Finding } from "../../procedures/findings";
import { getFormDraft, LifecycleError, saveFormDraft, startEditing, type AdminActor } from "../../procedures/lifecycle.server";
import { checkForPublish } from "../../procedures/publish-check.server";
import type { Condition } from "../../form-engine/conditions";
import { doneKey, focusAfter, runCommand, type BuilderCommand } from "./commands";
import { formConditionQuestions, stepConditionQuestions } from "./condition-edits";
import { hasMenus } from "./questions/condition-editor";
import { answerChoices, formLanguages, stepsOf, textsOf, type Json, type Problem, type Translate } from "./definition-edits";
import { problemMessage, questionLabel } from "./messages";

const text = (value: unknown, lng: string) =>
  typeof value === "string" || (typeof value === "object" && value !== null) ? localizeText(value as LocalizedText, lng) : "";
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The working copy, opened from the live (or latest) version when there is none; undefined for an unknown procedure. */
export function openWorkingCopy(formId: string, actor: AdminActor) {
  try {
    const draft = startEditing(formId, actor);
    return { definition: (isObject(draft.definition) ? draft.definition : {}) as Json, updatedAt: draft.updatedAt.getTime() };
  } catch (error) {
    if (error instanceof LifecycleError && error.code === "notFound") return undefined;
    throw error;
  }
}

export type LocatedFinding = { severity: Finding["severity"]; message: string; stepId?: string; fieldName?: string; question?: string };

/** Where a finding is: its own stepId and fieldName, else read from its JSON path ("steps.2.fields.0…"). */
function locate(def: Json, finding: Finding): { stepId?: string; fieldName?: string } {
  if (finding.stepId) return { stepId: finding.stepId, fieldName: finding.fieldName };
  const problem = finding.message.params?.problem;
  const path = finding.path.length ? finding.path.map(String) : typeof problem === "string" ? (problem.split(":")[0] ?? "").split(".") : [];
  if (path[0] !== "steps") return {};
  const step = stepsOf(def)[Number(path[1])];
  const field = path[2] === "fields" ? step?.fields[Number(path[3])] : undefined;
  return { stepId: step?.id, fieldName: typeof field?.name === "string" ? field.name : undefined };
}

export function findingsOf(def: Json, lng: string, t: TFunction): LocatedFinding[] {
  return checkForPublish(def).map((f) => {
    const where = locate(def, f);
    const params = f.message.params ?? {};
    return {
      severity: f.severity,
      // Until every lint rule has its wording, a finding without one shows the checker's own text.
      message: t(f.message.key, { ...params, defaultValue: typeof params.problem === "string" ? params.problem : f.message.key }),
      ...where,
      question: where.fieldName ? questionLabel(def, where.fieldName, lng) : undefined,
    };
  });
}

/** The procedure page of the builder: settings in every declared language, and the steps. */
export function overviewPage(formId: string, working: { definition: Json; updatedAt: number }, lng: string, t: TFunction) {
  const def = working.definition;
  const languages = formLanguages(def);
  const guidance = isObject(def.guidance) ? def.guidance : {};
  const pdf = isObject(def.pdf) ? def.pdf : {};
  const listOf = (v: unknown) => (Array.isArray(v) ? v : []);
  const findings = findingsOf(def, lng, t);
  return {
    formId,
    updatedAt: working.updatedAt,
    languages,
    formTitle: text(def.title, lng) || formId,
    settings: {
      title: textsOf(def.title, languages),
      description: textsOf(def.description, languages),
      duration: textsOf(guidance.duration, languages),
      whatYouNeed: listOf(guidance.whatYouNeed).map((v) => textsOf(v, languages)),
      notes: listOf(guidance.notes).map((v) => textsOf(v, languages)),
      declaration: textsOf(def.declaration, languages),
      afterSubmit: listOf(def.afterSubmit).map((item) => {
        const conditional = isObject(item) && "text" in item && !("ja" in item);
        const showIf = conditional && isObject(item.showIf) ? (item.showIf as Condition) : undefined;
        return {
          texts: textsOf(conditional ? item.text : item, languages),
          /** The condition as JSON, shown when the menus cannot show it. */
          condition: showIf ? JSON.stringify(showIf) : undefined,
          showIf,
          menus: hasMenus(showIf),
        };
      }),
      pdfTitle: textsOf(pdf.title, languages),
      signInRequired: def.signInRequired === true,
      applicantName: typeof def.applicantName === "string" ? def.applicantName : "",
      contactEmail: typeof def.contactEmail === "string" ? def.contactEmail : "",
    },
    conditionQuestions: formConditionQuestions(stepsOf(def), lng, t),
    answers: answerChoices(def).map((c) => ({
      path: c.path,
      label: c.group === undefined ? text(c.label, lng) : t("admin.builder.settings.inGroup", { group: text(c.group, lng), question: text(c.label, lng) }),
      personName: c.personName,
    })),
    steps: stepsOf(def).map((s) => ({
      id: s.id,
      title: text(s.title, lng) || s.id,
      questions: s.fields.length,
      conditional: s.showIf !== undefined,
      findings: findings.filter((f) => f.stepId === s.id).length,
    })),
    findings: findings.filter((f) => !f.stepId),
    findingCount: findings.length,
  };
}

/** A step's page: its texts, its condition as it stands, its questions, and what checking finds on it. */
export function stepPage(formId: string, stepId: string, working: { definition: Json; updatedAt: number }, lng: string, t: TFunction) {
  const def = working.definition;
  const languages = formLanguages(def);
  const steps = stepsOf(def);
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0) return undefined;
  const step = steps[index]!;
  return {
    formId,
    updatedAt: working.updatedAt,
    languages,
    formTitle: text(def.title, lng) || formId,
    step: {
      id: step.id,
      title: text(step.title, lng) || step.id,
      titleTexts: textsOf(step.title, languages),
      descriptionTexts: textsOf(step.description, languages),
      condition: step.showIf === undefined ? undefined : JSON.stringify(step.showIf, null, 2),
      showIf: isObject(step.showIf) ? (step.showIf as Condition) : undefined,
      conditionHasMenus: hasMenus(isObject(step.showIf) ? (step.showIf as Condition) : undefined),
      number: index + 1,
      total: steps.length,
    },
    questions: step.fields.map((f) => {
      const type = fieldTypes.find((ft) => ft.type === f.type);
      return {
        name: String(f.name ?? ""),
        type: typeof f.type === "string" ? f.type : "",
        known: Boolean(type),
        label: text(f.label, lng) || String(f.name ?? ""),
        required: requiredOf(f),
        conditional: f.showIf !== undefined,
      };
    }),
    conditionQuestions: stepConditionQuestions(steps, index, lng, t),
    otherSteps: steps.filter((s) => s.id !== stepId).map((s) => ({ id: s.id, title: text(s.title, lng) || s.id })),
    fieldTypes: fieldTypes.map((ft) => ft.type),
    findings: findingsOf(def, lng, t).filter((f) => f.stepId === stepId),
  };
}

/** Whether the question must be answered: as written, else the default its type's meta-schema gives. */
function requiredOf(field: Json): boolean {
  if (typeof field.required === "boolean") return field.required;
  const type = fieldTypes.find((ft) => ft.type === field.type);
  const parsed = type?.definition.safeParse(field);
  return parsed?.success ? (parsed.data as { required?: boolean }).required === true : Boolean(type?.hasValue);
}

/** A translation function per language the app speaks; "" for any other (a form may declare more languages). */
export async function translator(): Promise<Translate> {
  const fixed = new Map(await Promise.all(languageCodes().map(async (l) => [l, await getFixedT(l)] as const)));
  return (lng, key, params) => fixed.get(lng)?.(key, params) ?? "";
}

export type CommandOutcome =
  { ok: true; done: string; focus?: string } | { ok: false; stale: true } | { ok: false; stale: false; problems: { target?: string; message: string }[] };

/**
 * Carries out a command on the working copy and saves it, unless the page was showing an older copy than the one
 * stored (another administrator saved in between): then nothing is written.
 */
export function applyCommand(
  formId: string,
  actor: AdminActor,
  input: { expectedUpdatedAt: number; command: BuilderCommand; stepId?: string },
  translate: Translate,
  lng: string,
  t: TFunction,
): CommandOutcome {
  const draft = getFormDraft(formId);
  if (!draft || draft.updatedAt.getTime() !== input.expectedUpdatedAt) return { ok: false, stale: true };
  const def = (isObject(draft.definition) ? draft.definition : {}) as Json;
  const result = runCommand(def, input.command, input.stepId, translate);
  if (!result.ok)
    return { ok: false, stale: false, problems: result.problems.map((p: Problem) => ({ target: p.target, message: problemMessage(def, p, lng, t) })) };
  try {
    saveFormDraft(formId, result.definition, actor, { expectedUpdatedAt: input.expectedUpdatedAt, action: "procedure.save" });
  } catch (error) {
    if (error instanceof LifecycleError && (error.code === "stale" || error.code === "noDraft")) return { ok: false, stale: true };
    throw error;
  }
  return { ok: true, done: doneKey(input.command), focus: focusAfter(result.definition, input.command, input.stepId, result.focus) };
}

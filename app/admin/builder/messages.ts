/** The builder's refusals in words, naming the steps and questions that stand in the way (in the admin's language). */
import type { TFunction } from "i18next";
import { localizeText, type LocalizedText } from "../../form-engine/localized";
import { stepsOf, type Json, type Problem } from "./definition-edits";
import type { Referrer } from "./references";

const textOf = (value: unknown, lng: string) =>
  typeof value === "string" || (typeof value === "object" && value !== null) ? localizeText(value as LocalizedText, lng) : "";

export function stepTitle(def: Json, stepId: string, lng: string) {
  const step = stepsOf(def).find((s) => s.id === stepId);
  return textOf(step?.title, lng) || stepId;
}

export function questionLabel(def: Json, name: string, lng: string) {
  for (const step of stepsOf(def)) {
    const field = step.fields.find((f) => f.name === name);
    if (field) return textOf(field.label, lng) || name;
  }
  return name;
}

export function describeReferrer(def: Json, r: Referrer, lng: string, t: TFunction): string {
  switch (r.kind) {
    case "stepCondition":
      return t("admin.builder.referrer.stepCondition", { step: stepTitle(def, r.stepId, lng) });
    case "question":
      return t("admin.builder.referrer.question", { question: questionLabel(def, r.name, lng), step: stepTitle(def, r.stepId, lng) });
    case "afterSubmit":
      return t("admin.builder.referrer.afterSubmit", { n: r.index + 1 });
    case "setting":
      return t(`admin.builder.referrer.${r.key}`);
  }
}

/** One sentence per problem; a refusal caused by references lists them ("「…」、「…」"). */
export function problemMessage(def: Json, problem: Problem, lng: string, t: TFunction): string {
  const params = { ...problem.params };
  if (problem.key === "textRequired") return t(`admin.builder.refusal.required.${String(params.what)}`);
  if (problem.referrers?.length) {
    const unique = [...new Set(problem.referrers.map((r) => describeReferrer(def, r, lng, t)))];
    params.referrers = unique.map((s) => t("admin.builder.quoted", { text: s })).join(t("admin.builder.listSeparator"));
  }
  if (typeof params.names === "string")
    params.names = params.names
      .split(",")
      .map((n) => t("admin.builder.quoted", { text: questionLabel(def, n, lng) }))
      .join(t("admin.builder.listSeparator"));
  return t(`admin.builder.refusal.${problem.key}`, params);
}

/**
 * CSV of a procedure's filtered queue for Excel: UTF-8 with BOM, CRLF, every cell quoted, one row per submission and
 * one column per question in definition order, Japanese headers. Cells starting with = + - @ (or their full-width
 * forms, a tab or CR) are prefixed with ' so a spreadsheet never runs them as formulas (csv-stringify's
 * escape_formulas).
 */
import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { localizeText } from "../form-engine/localized";
import { getFieldType } from "../form-engine/registry";
import { formatDateTime } from "../i18n/dates";
import type { SubmissionStatus } from "./statuses";

export type CsvSubmission = {
  receiptNumber: string;
  submittedAt: Date;
  status: SubmissionStatus;
  assigneeName: string | null;
  applicantName: string | null;
  definition: FormDefinition;
  answers: Answers;
};

const questions = (definition: FormDefinition) => definition.steps.flatMap((s) => s.fields).filter((f) => getFieldType(f.type).hasValue);

/** A group as one cell: one line per item, "label：value" pairs. */
function cell(def: FieldDef, value: unknown, t: TFunction): string {
  const type = getFieldType(def.type);
  if (type.isEmpty(value)) return "";
  if (def.type !== "group" || !Array.isArray(value)) return type.format(value, def, "ja", t);
  return (value as Answers[])
    .map((item, i) => {
      const parts = (def.fields ?? []).filter((c) => getFieldType(c.type).hasValue && !getFieldType(c.type).isEmpty(item[c.name]));
      return `${i + 1}: ${parts.map((c) => `${localizeText(c.label, "ja")}：${getFieldType(c.type).format(item[c.name], c, "ja", t)}`).join("、")}`;
    })
    .join("\n");
}

export function csvHeader(definition: FormDefinition, t: TFunction): string {
  const head = [t("staff.queue.receipt"), t("staff.queue.submittedAt"), t("staff.queue.status"), t("staff.queue.assignee"), t("staff.queue.applicant")];
  return stringify([[...head, ...questions(definition).map((f) => localizeText(f.label, "ja"))]], { bom: true, quoted: true, record_delimiter: "windows" });
}

/** Rows for submissions of the procedure `columns` describes; each answer is read by its own definition version. */
export function csvRows(columns: FormDefinition, list: CsvSubmission[], t: TFunction): string {
  const names = questions(columns).map((f) => f.name);
  const records = list.map((s) => {
    const own = new Map(questions(s.definition).map((f) => [f.name, f]));
    return [
      s.receiptNumber,
      formatDateTime(s.submittedAt),
      t(`status.${s.status}`),
      s.assigneeName ?? "",
      s.applicantName ?? "",
      ...names.map((name) => {
        const def = own.get(name);
        return def ? cell(def, s.answers[name], t) : "";
      }),
    ];
  });
  return records.length ? stringify(records, { quoted: true, record_delimiter: "windows", escape_formulas: true }) : "";
}

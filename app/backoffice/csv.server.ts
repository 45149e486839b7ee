/**
 * CSV of a procedure's filtered queue for Excel: UTF-8 with BOM, CRLF, every cell quoted, one row per submission and
 * one column per question in definition order, Japanese headers. Cells starting with = + - @ (or their full-width
 * forms, a tab or CR) are prefixed with ' so a spreadsheet never runs them as formulas (csv-stringify's
 * escape_formulas).
 */
import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { localizeText } from "../form-engine/localized";
import { getFieldType } from "../form-engine/field-types";
import { summarize, type SummaryRow } from "../form-engine/summary";
import { sortableDateTime } from "../i18n/dates";
import type { SubmissionStatus } from "../cases/statuses";

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

/** A cell as the check page and the PDF word it; a group is one cell, one line per item. */
function cell(row: SummaryRow): string {
  if (!row.answered) return "";
  if (!row.items) return row.value;
  return row.items
    .map(
      (item) =>
        `${item.label}: ${item.rows
          .filter((r) => r.answered)
          .map((r) => `${r.label}：${r.value}`)
          .join("、")}`,
    )
    .join("\n");
}

export function csvHeader(definition: FormDefinition, t: TFunction): string {
  const head = [t("staff.queue.receipt"), t("staff.queue.submittedAt"), t("staff.queue.status"), t("staff.queue.assignee"), t("staff.queue.applicant")];
  return stringify([[...head, ...questions(definition).map((f) => localizeText(f.label, "ja"))]], { bom: true, quoted: true, record_delimiter: "windows" });
}

/** Rows for submissions of the procedure `columns` describes; each submission is read by its own definition version. */
export function csvRows(columns: FormDefinition, list: CsvSubmission[], t: TFunction): string {
  const names = questions(columns).map((f) => f.name);
  const records = list.map((s) => {
    const cells = new Map(summarize(s.definition, s.answers, "ja", t).flatMap((section) => section.rows.map((row) => [row.field, cell(row)] as const)));
    return [
      s.receiptNumber,
      sortableDateTime(s.submittedAt),
      t(`status.${s.status}`),
      s.assigneeName ?? "",
      s.applicantName ?? "",
      ...names.map((name) => cells.get(name) ?? ""),
    ];
  });
  return records.length ? stringify(records, { quoted: true, record_delimiter: "windows", escape_formulas: true }) : "";
}

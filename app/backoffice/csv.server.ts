/**
 * CSV of a procedure's filtered queue for Excel: UTF-8 with BOM, CRLF, every cell quoted, one row per submission and
 * one column per question in definition order (a group: per item and field), Japanese headers. Cells starting with = + - @ (or their full-width
 * forms, a tab or CR) are prefixed with ' so a spreadsheet never runs them as formulas (csv-stringify's
 * escape_formulas).
 */
import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import { answerAt } from "../cases/applicant";
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

/** A group without a maximum still gets columns for this many items (more are left out of the CSV, not the case). */
const GROUP_COLUMNS = 10;

/** `iso`: the field type of a column holding its ISO form. */
type Column = { key: string; label: string; iso?: string };

/**
 * The CSV's answer columns: one per question; a group one per item and field ("保護者 2 氏名", key guardians.1.name),
 * so a spreadsheet can sort and filter by them; a date (or a date in a group) has an ISO column (2027-04-01) beside
 * the Japanese one (令和9年4月1日).
 */
export function csvColumns(definition: FormDefinition): Column[] {
  const dated = (f: FieldDef, key: string, label: string): Column[] =>
    getFieldType(f.type).isoDate
      ? [
          { key, label },
          { key, label: `${label}（ISO）`, iso: f.type },
        ]
      : [{ key, label }];
  return questions(definition).flatMap((f) => {
    const label = localizeText(f.label, "ja");
    const items = getFieldType(f.type).items;
    if (!items) return dated(f, f.name, label);
    const max = (f as { maxItems?: number }).maxItems ?? GROUP_COLUMNS;
    const fields = items.fields(f).filter((c) => getFieldType(c.type).hasValue);
    return Array.from({ length: max }, (_, i) =>
      fields.flatMap((c) => dated(c, `${f.name}.${i}.${c.name}`, `${label} ${i + 1} ${localizeText(c.label, "ja")}`)),
    ).flat();
  });
}

/** The cells of one submission by column key, as the check page and the PDF word them. */
function cellsOf(s: CsvSubmission, t: TFunction): Map<string, string> {
  const cells = new Map<string, string>();
  const put = (key: string, row: SummaryRow) => cells.set(key, row.answered ? row.value : "");
  for (const section of summarize(s.definition, s.answers, "ja", t))
    for (const row of section.rows) {
      if (!row.items) put(row.field, row);
      else row.items.forEach((item, i) => item.rows.forEach((r) => put(`${row.field}.${i}.${r.field}`, r)));
    }
  return cells;
}

/** 受付日時 in ISO 8601 with the city's offset (JST, no daylight saving). */
const isoDateTime = (at: Date) => new Date(at.getTime() + 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, "+09:00");

export function csvHeader(definition: FormDefinition, t: TFunction): string {
  const head = [
    t("staff.queue.receipt"),
    t("staff.queue.submittedAt"),
    `${t("staff.queue.submittedAt")}（ISO）`,
    t("staff.queue.status"),
    t("staff.queue.assignee"),
    t("staff.queue.applicant"),
  ];
  return stringify([[...head, ...csvColumns(definition).map((c) => c.label)]], { bom: true, quoted: true, record_delimiter: "windows" });
}

/** Rows for submissions of the procedure `columns` describes; each submission is read by its own definition version. */
export function csvRows(columns: FormDefinition, list: CsvSubmission[], t: TFunction): string {
  const cols = csvColumns(columns);
  const records = list.map((s) => {
    const cells = cellsOf(s, t);
    return [
      s.receiptNumber,
      sortableDateTime(s.submittedAt),
      isoDateTime(s.submittedAt),
      t(`status.${s.status}`),
      s.assigneeName ?? "",
      s.applicantName ?? "",
      // An ISO cell only where the Japanese one is shown: a hidden (not applicable) answer stays empty in both.
      ...cols.map((c) => (c.iso ? (cells.get(c.key) ? (getFieldType(c.iso).isoDate?.(answerAt(s.answers, c.key)) ?? "") : "") : (cells.get(c.key) ?? ""))),
    ];
  });
  return records.length ? stringify(records, { quoted: true, record_delimiter: "windows", escape_formulas: true }) : "";
}

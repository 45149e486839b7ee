import type { TFunction } from "i18next";
import type { FieldDef, FormDefinition } from "./definition";
import { isVisible, visibleSteps, type Answers } from "./engine";
import { localizeText } from "./localized";
import { getFieldType } from "./field-types";

/** Where a prefilled answer came from, and the original when the resident changed it. */
export type SourceMark = {
  sourceKey: string;
  changed: boolean;
  original?: unknown;
  /** the original, formatted */
  originalText?: string;
  /** the binding's own mark, shown instead of the source's (「転出予定日（転出証明書情報より）」) */
  label?: string;
};
export type SummaryRow = {
  field: string;
  label: string;
  value: string;
  answered: boolean;
  /** False for what the resident cannot change on its step: a fixed value from the city's records, a derived value. */
  editable: boolean;
  source?: SourceMark;
  /** `index`: the item's place in the answer; `href`: where the check page changes it (set by the journey). */
  items?: { label: string; index: number; rows: SummaryRow[]; href?: string }[];
};
export type SummarySection = { stepId: string; title: string; rows: SummaryRow[] };

type Context = { answers: Answers; lng: string; t: TFunction; sources: Record<string, SourceMark> };

function rowsOf(fields: FieldDef[], values: Answers, ctx: Context, prefix = "", item?: Answers): SummaryRow[] {
  const { answers, lng, t } = ctx;
  return fields
    .filter((f) => getFieldType(f.type).hasValue && isVisible(f, { answers, item }))
    .map((f) => {
      const type = getFieldType(f.type);
      const value = values[f.name];
      const label = localizeText(f.label, lng);
      const path = prefix + f.name;
      const mark = ctx.sources[path];
      // The original of a changed answer is formatted like the answer (staff compare the two).
      const items = type.items;
      const source = mark
        ? {
            source: {
              ...mark,
              ...(mark.changed && mark.original !== undefined && !items ? { originalText: type.format(mark.original, f, lng, t) } : {}),
              ...(f.prefill?.mark ? { label: localizeText(f.prefill.mark, lng) } : {}),
            },
          }
        : {};
      const editable = !type.derive && !(mark && f.prefill?.mode === "fixed");
      if (items) {
        const list = items.included(value);
        return {
          field: f.name,
          label,
          value: "",
          answered: list.length > 0,
          editable,
          ...source,
          items: list.map(({ index, item }) => ({
            label: items.label(f, index, item, lng, t),
            index,
            rows: rowsOf(items.fields(f), item, ctx, `${path}.${index}.`, item),
          })),
        };
      }
      const empty = type.isEmpty(value);
      return { field: f.name, label, value: empty ? t("common.notAnswered") : type.format(value, f, lng, t), answered: !empty, editable, ...source };
    });
}

/** The answers on the route taken, by step, formatted by each field type (check page, staff view, PDF). */
export function summarize(form: FormDefinition, answers: Answers, lng: string, t: TFunction, sources: Record<string, SourceMark> = {}): SummarySection[] {
  return visibleSteps(form, answers).map((step) => ({
    stepId: step.id,
    title: localizeText(step.title, lng),
    rows: rowsOf(step.fields, answers, { answers, lng, t, sources }),
  }));
}

import type { TFunction } from "i18next";
import type { FieldDef } from "./definition";
import type { Answers, FieldError, Step } from "./engine";
import { getFieldType } from "./field-types";
import { localize } from "./localized";
import { decodeMessage } from "./messages";
import { keepReadings } from "../i18n/ruby";

/** The question an error is about; inside an item, with the item's name (「伊藤 湊さんの生年月日」). */
function labelOf(fields: FieldDef[], path: string, lng: string, t: TFunction, values: Answers): string {
  const [top, index, child] = path.split(".");
  const def = fields.find((f) => f.name === top);
  const items = def ? getFieldType(def.type).items : undefined;
  const target = child && items ? items.fields(def!).find((c) => c.name === child) : def;
  if (!target) return "";
  // With its readings ({漢字|かんじ}), as the message around it keeps its own.
  const label = localize(target.label, lng).marked;
  if (!child || !items) return label;
  const item = ((values[top!] as Answers[] | undefined) ?? [])[Number(index)] ?? {};
  return t("field.group.itemLabel", { item: items.label(def!, Number(index), item, lng, t), label, ...keepReadings });
}

/**
 * Error messages in the reader's language, each naming its question. They keep the readings written {漢字|かんじ}
 * (やさしい日本語): the error summary and the field show them as <ruby> (withRuby).
 */
export function translateErrors(step: Pick<Step, "fields">, errors: FieldError[], t: TFunction, lng: string, values: Answers = {}): FieldError[] {
  return errors.map((e) => {
    const m = decodeMessage(e.message);
    return { ...e, message: t(m.key, { ...m.params, label: labelOf(step.fields, e.path, lng, t, values), ...keepReadings }) };
  });
}

import type { TFunction } from "i18next";
import type { FieldDef } from "./definition";
import type { FieldError, Step } from "./engine";
import { localizeText } from "./localized";
import { decodeMessage } from "./messages";

function labelOf(fields: FieldDef[], path: string, lng: string): string {
  const [top, , child] = path.split(".");
  const def = fields.find((f) => f.name === top);
  const target = child ? def?.fields?.find((c) => c.name === child) : def;
  return target ? localizeText(target.label, lng) : "";
}

/** Error messages in the reader's language, each naming its question (server and browser alike). */
export function translateErrors(step: Pick<Step, "fields">, errors: FieldError[], t: TFunction, lng: string): FieldError[] {
  return errors.map((e) => {
    const m = decodeMessage(e.message);
    return { ...e, message: t(m.key, { ...m.params, label: labelOf(step.fields, e.path, lng) }) };
  });
}

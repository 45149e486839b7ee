/** Shared parts of the fields that choose from options (select, radio, checkboxes). */
import { localizeText, type LocalizedText } from "../localized";
import { asString } from "../normalize";
import type { Option } from "./choices.rules";

export type { Option };

export function labelOf(opts: { value: string; label: LocalizedText }[], value: unknown, lng: string) {
  const found = opts.find((o) => o.value === value);
  return found ? localizeText(found.label, lng) : String(value ?? "");
}

/** What select and radio share: one value, which must be one of the options (the view, then the rules). */
export const singleChoiceView = {
  hasValue: true,
  normalize: (raw: unknown) => asString(raw),
  format: (v: unknown, def: { options: Option[] }, lng: string) => labelOf(def.options, v, lng),
};

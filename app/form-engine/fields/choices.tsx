/** Shared parts of the fields that choose from options (select, radio, checkboxes). */
import { z } from "zod";
import { localizedText } from "../localized-schema";
import { localizeText, type LocalizedText } from "../localized";
import { msg } from "../messages";
import { asString } from "../normalize";

export const option = z.object({ value: z.string().min(1), label: localizedText, hint: localizedText.optional() }).strict();
export const options = z.array(option).min(1);
export type Option = z.infer<typeof option>;

export function labelOf(opts: { value: string; label: LocalizedText }[], value: unknown, lng: string) {
  const found = opts.find((o) => o.value === value);
  return found ? localizeText(found.label, lng) : String(value ?? "");
}

/** What select and radio share: one value, which must be one of the options. */
export const singleChoice = {
  requiredMessage: "validation.choice",
  hasValue: true,
  normalize: (raw: unknown) => asString(raw),
  schema: (def: { options: Option[] }) => z.enum(def.options.map((o) => o.value) as [string, ...string[]], msg("validation.choice")),
  format: (v: unknown, def: { options: Option[] }, lng: string) => labelOf(def.options, v, lng),
  choices: (def: { options: Option[] }) => ({ values: def.options.map((o) => o.value) }),
};

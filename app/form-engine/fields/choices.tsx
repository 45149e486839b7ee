/** Shared parts of the fields that choose from options (select, radio, checkboxes). */
import { z } from "zod";
import { localizedText, localizeText, type LocalizedText } from "../localized";

export const option = z.object({ value: z.string().min(1), label: localizedText, hint: localizedText.optional() }).strict();
export const options = z.array(option).min(1);
export type Option = z.infer<typeof option>;

export function labelOf(opts: { value: string; label: LocalizedText }[], value: unknown, lng: string) {
  const found = opts.find((o) => o.value === value);
  return found ? localizeText(found.label, lng) : String(value ?? "");
}

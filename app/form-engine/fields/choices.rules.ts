/** The rules the fields that choose from options share: the meta-schema of an option, and one value of the options. */
import { z } from "zod";
import { localizedText } from "../localized-schema";
import { msg } from "../messages";

export const option = z.object({ value: z.string().min(1), label: localizedText, hint: localizedText.optional() }).strict();
export const options = z.array(option).min(1);
export type Option = z.infer<typeof option>;

/** What select and radio check: one value of the options. */
export const choiceSchema = (def: { options: Option[] }) => z.enum(def.options.map((o) => o.value) as [string, ...string[]], msg("validation.choice"));
export const choiceValues = (def: { options: Option[] }) => ({ values: def.options.map((o) => o.value) });

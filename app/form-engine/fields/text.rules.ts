/** The rules of the text field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { msg } from "../messages";
import { textView } from "./text";

const definition = z
  .object({
    ...baseField,
    type: z.literal("text"),
    minLength: z.number().int().positive().optional(),
    maxLength: z.number().int().positive().default(200),
    /** A regular expression the whole answer must match, with its own message. */
    pattern: z.object({ regex: z.string().min(1), message: localizedText }).optional(),
    /** An HTML autocomplete token (WCAG 1.3.5), e.g. "organization". */
    autocomplete: z.string().optional(),
  })
  .strict();

export const textField = defineFieldType(textView, {
  definition,
  autocomplete: (def) => (def.autocomplete && def.autocomplete !== "off" ? def.autocomplete : undefined),
  schema: (def) => {
    let s = z.string().max(def.maxLength, msg("validation.tooLong", { max: def.maxLength }));
    if (def.minLength) s = s.min(def.minLength, msg("validation.tooShort", { min: def.minLength }));
    if (def.pattern) s = s.regex(new RegExp(`^(?:${def.pattern.regex})$`, "u"), msg("validation.pattern"));
    return s;
  },
});
export type TextDef = z.infer<typeof definition>;

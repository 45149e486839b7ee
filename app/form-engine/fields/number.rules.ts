/** The rules of the number field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { localizedText } from "../localized-schema";
import { numberView } from "./number";

const definition = z
  .object({
    ...baseField,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    /** Shown after the number in the answers (「3通」, "3 copies"): a text, translated like any other. */
    unit: localizedText.optional(),
  })
  .strict();

export const numberField = defineFieldType(numberView, {
  definition,
  schema: (def) => {
    let n = z.number(msg("validation.number"));
    if (def.integer) n = n.int(msg("validation.integer"));
    if (def.min !== undefined) n = n.min(def.min, msg("validation.min", { min: def.min }));
    if (def.max !== undefined) n = n.max(def.max, msg("validation.max", { max: def.max }));
    return n;
  },
});
export type NumberDef = z.infer<typeof definition>;

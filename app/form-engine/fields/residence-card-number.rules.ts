/** The rules of the residence-card-number field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { RESIDENCE_CARD_NUMBER, residenceCardNumberView } from "./residence-card-number";

const definition = z.object({ ...baseField, type: z.literal("residenceCardNumber") }).strict();

export const residenceCardNumberField = defineFieldType(residenceCardNumberView, {
  definition,
  // A wrong length is said as such (a digit left out is the usual slip); otherwise which part is wrong.
  schema: () =>
    z.string().superRefine((s, ctx) => {
      if (s.length !== 12) ctx.addIssue({ code: "custom", message: msg("validation.residenceCardNumber.length", { length: s.length }) });
      else if (!RESIDENCE_CARD_NUMBER.test(s)) ctx.addIssue({ code: "custom", message: msg("validation.residenceCardNumber.format") });
    }),
});
export type ResidenceCardNumberDef = z.infer<typeof definition>;

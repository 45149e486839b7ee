/** The rules of the residence-card-number field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { residenceCardNumberView } from "./residence-card-number";

/** 在留カード番号 and 特別永住者証明書番号 share one form: 2 letters, 8 digits, 2 letters (12 characters). */
export const RESIDENCE_CARD_NUMBER = /^[A-Z]{2}\d{8}[A-Z]{2}$/;

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

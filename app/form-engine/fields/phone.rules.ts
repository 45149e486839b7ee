/** The rules of the phone field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { phoneView } from "./phone";

const definition = z.object({ ...baseField, type: z.literal("phone") }).strict();

export const phoneField = defineFieldType(phoneView, {
  definition,
  personalData: true,
  autocomplete: () => "tel",
  schema: () => z.string().regex(/^0\d{9,10}$/, msg("validation.phone")),
});
export type PhoneDef = z.infer<typeof definition>;

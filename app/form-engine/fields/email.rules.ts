/** The rules of the email field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { emailView } from "./email";

const definition = z.object({ ...baseField, type: z.literal("email") }).strict();

export const emailField = defineFieldType(emailView, {
  definition,
  personalData: true,
  autocomplete: () => "email",
  schema: () =>
    z
      .string()
      .max(254, msg("validation.tooLong", { max: 254 }))
      .email(msg("validation.email")),
});
export type EmailDef = z.infer<typeof definition>;

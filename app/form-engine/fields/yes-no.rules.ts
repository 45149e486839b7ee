/** The rules of the yes-no field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { yesNoView } from "./yes-no";

const definition = z.object({ ...baseField, type: z.literal("yesNo") }).strict();

export const yesNoField = defineFieldType(yesNoView, {
  definition,
  requiredMessage: "validation.choice",
  choices: () => ({ values: ["yes", "no"] }),
  schema: () => z.enum(["yes", "no"], msg("validation.choice")),
});
export type YesNoDef = z.infer<typeof definition>;

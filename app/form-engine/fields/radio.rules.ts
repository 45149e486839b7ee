/** The rules of the radio field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { choiceSchema, choiceValues, options } from "./choices.rules";
import { radioView } from "./radio";

const definition = z.object({ ...baseField, type: z.literal("radio"), options }).strict();

export const radioField = defineFieldType(radioView, {
  definition,
  example: (ctx) => ({
    options: [
      { value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) },
      { value: "option2", label: ctx.text("admin.builder.example.option", { n: 2 }) },
    ],
  }),
  requiredMessage: "validation.choice",
  schema: choiceSchema,
  choices: choiceValues,
});
export type RadioDef = z.infer<typeof definition>;

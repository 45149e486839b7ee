/** The rules of the select field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { choiceSchema, choiceValues, options } from "./choices.rules";
import { selectView } from "./select";

const definition = z.object({ ...baseField, type: z.literal("select"), options, autocomplete: z.string().optional() }).strict();

export const selectField = defineFieldType(selectView, {
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
  autocomplete: (def) => (def.autocomplete && def.autocomplete !== "off" ? def.autocomplete : undefined),
});
export type SelectDef = z.infer<typeof definition>;

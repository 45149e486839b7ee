/** The rules of the checkboxes field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { options } from "./choices.rules";
import { checkboxesView } from "./checkboxes";

const definition = z
  .object({
    ...baseField,
    type: z.literal("checkboxes"),
    options,
    minSelected: z.number().int().min(1).optional(),
    maxSelected: z.number().int().min(1).optional(),
  })
  .strict();

export const checkboxesField = defineFieldType(checkboxesView, {
  definition,
  example: (ctx) => ({
    options: [
      { value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) },
      { value: "option2", label: ctx.text("admin.builder.example.option", { n: 2 }) },
    ],
  }),
  requiredMessage: "validation.choice",
  choices: (def) => ({ values: def.options.map((o) => o.value), many: true }),
  schema: (def) => {
    let s = z.array(z.enum(def.options.map((o) => o.value) as [string, ...string[]], msg("validation.choice")));
    if (def.minSelected) s = s.min(def.minSelected, msg("validation.minSelected", { min: def.minSelected }));
    if (def.maxSelected) s = s.max(def.maxSelected, msg("validation.maxSelected", { max: def.maxSelected }));
    return s;
  },
});
export type CheckboxesDef = z.infer<typeof definition>;

/** The rules of the derived field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { evaluate } from "../conditions";
import { condition } from "../conditions-schema";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { options } from "./choices.rules";
import { type DerivedAnswer, derivedView } from "./derived";

const rule = z
  .object({
    /** The rule applies when this holds; a rule without `when` always applies (put it last, as the default). */
    when: condition.optional(),
    value: z.string().min(1),
    /** How the value was decided, shown with it ("保護者のどなたかの就労時間が月120時間未満のため"). */
    because: localizedText,
  })
  .strict();

const definition = z
  .object({
    ...baseField,
    required: z.boolean().default(false),
    type: z.literal("derived"),
    /** The values it may take, with their labels. */
    options,
    /** Tried in order; the first that applies decides. */
    rules: z.array(rule).min(1),
  })
  .strict()
  .superRefine((def, ctx) =>
    def.rules.forEach((r, i) => {
      if (!def.options.some((o) => o.value === r.value))
        ctx.addIssue({ code: "custom", path: ["rules", i, "value"], message: `"${r.value}" is not one of the options` });
    }),
  );

export type DerivedDef = z.infer<typeof definition>;

export const derivedField = defineFieldType(derivedView, {
  definition: definition as unknown as z.ZodType<DerivedDef>,
  example: (ctx) => ({
    options: [{ value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) }],
    rules: [{ value: "option1", because: ctx.text("admin.builder.example.because") }],
  }),
  schema: () => z.unknown(),
  derive: (def, scope) => {
    const rule = def.rules.findIndex((r) => evaluate(r.when, scope));
    return rule < 0 ? undefined : ({ value: def.rules[rule]!.value, rule } satisfies DerivedAnswer);
  },
});

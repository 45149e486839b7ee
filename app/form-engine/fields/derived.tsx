import { z } from "zod";
import { condition, evaluate } from "../conditions";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { localizeText } from "../localized";
import { labelOf, options } from "./choices";
import { Localized } from "./shell";

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

type DerivedDef = z.infer<typeof definition>;
/** What is stored: the value and which rule decided it (the reason shown with it). */
export type DerivedAnswer = { value: string; rule: number };

const isAnswer = (v: unknown): v is DerivedAnswer => typeof v === "object" && v !== null && typeof (v as DerivedAnswer).value === "string";

function parts(v: unknown, def: DerivedDef, lng: string) {
  if (!isAnswer(v)) return undefined;
  return { label: labelOf(def.options, v.value, lng), because: localizeText(def.rules[v.rule]?.because, lng) };
}

/**
 * An answer nobody is asked: decided from other answers by rules made of the same structured conditions as showIf
 * (e.g. 保育標準時間 or 保育短時間 from both guardians' working hours), shown with how it was decided, and
 * recomputed by the server from the answers whenever they are validated or stored.
 */
export const derivedField = defineFieldType<DerivedDef>({
  type: "derived",
  definition: definition as unknown as z.ZodType<DerivedDef>,
  example: (ctx) => ({
    options: [{ value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) }],
    rules: [{ value: "option1", because: ctx.text("admin.builder.example.because") }],
  }),
  hasValue: true,
  normalize: () => undefined,
  isEmpty: (v) => !isAnswer(v),
  schema: () => z.unknown(),
  derive: (def, scope) => {
    const rule = def.rules.findIndex((r) => evaluate(r.when, scope));
    return rule < 0 ? undefined : ({ value: def.rules[rule]!.value, rule } satisfies DerivedAnswer);
  },
  format: (v, def, lng) => {
    const p = parts(v, def, lng);
    return p ? `${p.label}（${p.because}）` : "";
  },
  Render: ({ def, id, value, lng, t }) => {
    const p = parts(value, def, lng);
    return (
      <div className="field derived" id={`${id}-field`}>
        <p className="field__label" id={`${id}-label`}>
          <Localized text={def.label} lng={lng} />
        </p>
        <p className="fixed-value__value" id={id}>
          {p ? p.label : t("field.derived.pending")}
        </p>
        {p ? <p className="field__hint">{t("field.derived.because", { because: p.because })}</p> : null}
        {def.hint ? (
          <p className="field__hint">
            <Localized text={def.hint} lng={lng} />
          </p>
        ) : null}
      </div>
    );
  },
});

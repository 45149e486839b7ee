import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { labelOf, options } from "./choices";
import { Fieldset } from "../../ui/field";
import { Localized, wrapperProps } from "./shell";

const definition = z
  .object({
    ...baseField,
    type: z.literal("checkboxes"),
    options,
    minSelected: z.number().int().min(1).optional(),
    maxSelected: z.number().int().min(1).optional(),
  })
  .strict();

const toList = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === "" ? [] : [raw]).map(String).filter(Boolean);

export const checkboxesField = defineFieldType<z.infer<typeof definition>>({
  type: "checkboxes",
  definition,
  example: (ctx) => ({
    options: [
      { value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) },
      { value: "option2", label: ctx.text("admin.builder.example.option", { n: 2 }) },
    ],
  }),
  requiredMessage: "validation.choice",
  hasValue: true,
  // Keeps the definition's order whatever order the browser sent, and drops duplicates.
  normalize: (raw, def) => {
    const chosen = new Set(toList(raw));
    const known = def.options.map((o) => o.value).filter((v) => chosen.has(v));
    return [...known, ...[...chosen].filter((v) => !known.includes(v))];
  },
  isEmpty: (v) => !Array.isArray(v) || v.length === 0,
  choices: (def) => ({ values: def.options.map((o) => o.value), many: true }),
  schema: (def) => {
    let s = z.array(z.enum(def.options.map((o) => o.value) as [string, ...string[]], msg("validation.choice")));
    if (def.minSelected) s = s.min(def.minSelected, msg("validation.minSelected", { min: def.minSelected }));
    if (def.maxSelected) s = s.max(def.maxSelected, msg("validation.maxSelected", { max: def.maxSelected }));
    return s;
  },
  format: (v, def, lng) =>
    toList(v)
      .map((x) => labelOf(def.options, x, lng))
      .join("、"),
  Render: ({ def, id, name, value, error, required, lng, t }) => {
    const chosen = toList(value);
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        <div className="choices">
          {def.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="choice" key={o.value}>
                <input type="checkbox" id={optionId} name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="choice__input" />
                <label htmlFor={optionId} className="choice__label">
                  <Localized text={o.label} lng={lng} />
                </label>
              </div>
            );
          })}
        </div>
      </Fieldset>
    );
  },
});

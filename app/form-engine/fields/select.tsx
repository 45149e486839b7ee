import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { asString } from "../normalize";
import { options, singleChoice } from "./choices";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";

const definition = z.object({ ...baseField, type: z.literal("select"), options, autocomplete: z.string().optional() }).strict();

export const selectField = defineFieldType<z.infer<typeof definition>>({
  type: "select",
  definition,
  example: (ctx) => ({
    options: [
      { value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) },
      { value: "option2", label: ctx.text("admin.builder.example.option", { n: 2 }) },
    ],
  }),
  ...singleChoice,
  autocomplete: (def) => (def.autocomplete && def.autocomplete !== "off" ? def.autocomplete : undefined),
  Render: ({ def, id, name, value, error, required, lng, t }) => (
    <Field {...wrapperProps({ id, def, error, required, lng, t })}>
      <select
        id={id}
        name={name}
        className="input select"
        defaultValue={asString(value)}
        autoComplete={def.autocomplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, def.hint, error)}
      >
        <option value="">{t("field.choose")}</option>
        {def.options.map((o) => (
          <option key={o.value} value={o.value}>
            {/* option elements take text only */}
            {typeof o.label === "string" ? o.label : (o.label[lng] ?? o.label.ja)}
          </option>
        ))}
      </select>
    </Field>
  ),
});

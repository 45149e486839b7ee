import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { asString } from "../normalize";
import { options, singleChoice } from "./choices";
import { describedBy, FieldShell } from "./shell";

const definition = z.object({ ...baseField, type: z.literal("select"), options, autocomplete: z.string().optional() }).strict();

export const selectField = defineFieldType<z.infer<typeof definition>>({
  type: "select",
  definition,
  ...singleChoice,
  Render: ({ def, id, name, value, error, required, lng, t }) => (
    <FieldShell id={id} def={def} error={error} required={required} lng={lng} t={t} inputId={id}>
      <select
        id={id}
        name={name}
        className="input select"
        defaultValue={asString(value)}
        autoComplete={def.autocomplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, def, error)}
      >
        <option value="">{t("field.choose")}</option>
        {def.options.map((o) => (
          <option key={o.value} value={o.value}>
            {/* option elements take text only */}
            {typeof o.label === "string" ? o.label : (o.label[lng] ?? o.label.ja)}
          </option>
        ))}
      </select>
    </FieldShell>
  ),
});

import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString } from "../normalize";
import { labelOf, options } from "./choices";
import { describedBy, FieldShell } from "./shell";

const definition = z.object({ ...baseField, type: z.literal("select"), options, autocomplete: z.string().optional() }).strict();

export const selectField = defineFieldType<z.infer<typeof definition>>({
  type: "select",
  definition,
  requiredMessage: "validation.choice",
  hasValue: true,
  normalize: (raw) => asString(raw),
  isEmpty: (v) => v === "" || v === undefined,
  schema: (def) => z.enum(def.options.map((o) => o.value) as [string, ...string[]], msg("validation.choice")),
  format: (v, def, lng) => labelOf(def.options, v, lng),
  firstInputId: (id) => id,
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

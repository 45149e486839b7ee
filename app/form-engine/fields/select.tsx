import { defineFieldView } from "../field-view";
import { asString } from "../normalize";
import { singleChoiceView } from "./choices";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { SelectDef } from "./select.rules";

export const selectView = defineFieldView<SelectDef>({
  type: "select",
  ...singleChoiceView,
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

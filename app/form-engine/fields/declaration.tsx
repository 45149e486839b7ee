import { defineFieldView } from "../field-view";
import { Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { DeclarationDef } from "./declaration.rules";

/** A consent or declaration checkbox: the label is the statement the resident agrees to. */
export const declarationView = defineFieldView<DeclarationDef>({
  type: "declaration",
  hasValue: true,
  normalize: (raw) => raw === "yes" || raw === true,
  isEmpty: (v) => v !== true,
  format: (v, _def, _lng, t) => (v === true ? t("field.agreed") : ""),
  Render: ({ def, id, name, value, error, required, lng, t }) => (
    <Fieldset {...wrapperProps({ id: `${id}-group`, def, error, required, lng, t })}>
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          defaultChecked={value === true}
          className="choice__input"
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id} className="choice__label">
          {t("field.agree")}
        </label>
      </div>
    </Fieldset>
  ),
});

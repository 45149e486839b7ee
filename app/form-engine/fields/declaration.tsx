import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";

const definition = z.object({ ...baseField, type: z.literal("declaration") }).strict();

/** A consent or declaration checkbox: the label is the statement the resident agrees to. */
export const declarationField = defineFieldType<z.infer<typeof definition>>({
  type: "declaration",
  definition,
  requiredMessage: "validation.declaration",
  hasValue: true,
  normalize: (raw) => raw === "yes" || raw === true,
  isEmpty: (v) => v !== true,
  schema: () => z.literal(true, msg("validation.declaration")),
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

import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString } from "../normalize";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";

const definition = z
  .object({ ...baseField, type: z.literal("textarea"), maxLength: z.number().int().positive().default(2000), rows: z.number().int().min(2).max(20).default(5) })
  .strict();

export const textareaField = defineFieldType<z.infer<typeof definition>>({
  type: "textarea",
  definition,
  hasValue: true,
  // Line breaks are kept; trailing spaces at the ends are not.
  normalize: (raw) => asString(raw).replace(/\r\n/g, "\n").trim(),
  schema: (def) => z.string().max(def.maxLength, msg("validation.tooLong", { max: def.maxLength })),
  format: (v) => asString(v),
  Render: (props) => (
    <Field {...wrapperProps(props)}>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.def.rows}
        className="input textarea"
        defaultValue={asString(props.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.def.hint, props.error)}
      />
    </Field>
  ),
});

import { defineFieldView } from "../field-view";
import { asString } from "../normalize";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { TextareaDef } from "./textarea.rules";

export const textareaView = defineFieldView<TextareaDef>({
  type: "textarea",
  hasValue: true,
  // Line breaks are kept; trailing spaces at the ends are not.
  normalize: (raw) => asString(raw).replace(/\r\n/g, "\n").trim(),
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

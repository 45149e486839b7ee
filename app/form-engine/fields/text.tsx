import { defineFieldView } from "../field-view";
import { asString, trim } from "../normalize";
import { TextInput } from "./text-input";
import type { TextDef } from "./text.rules";

export const textView = defineFieldView<TextDef>({
  type: "text",
  hasValue: true,
  normalize: (raw) => trim(asString(raw)),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} />,
});

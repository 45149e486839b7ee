import { defineFieldView } from "../field-view";
import { asString, nfkc, trim } from "../normalize";
import { TextInput } from "./text-input";
import type { EmailDef } from "./email.rules";

export const emailView = defineFieldView<EmailDef>({
  type: "email",
  hasValue: true,
  normalize: (raw) => trim(nfkc(asString(raw))),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} type="email" inputMode="email" autoComplete="email" spellCheck={false} />,
});

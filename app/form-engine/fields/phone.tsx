import { defineFieldView } from "../field-view";
import { asString, digitsOnly } from "../normalize";
import { TextInput } from "./text-input";
import type { PhoneDef } from "./phone.rules";

/** Japanese phone numbers: 10 digits (fixed line) or 11 (mobile, 050); hyphens, spaces and 全角 are accepted. */
export const phoneView = defineFieldView<PhoneDef>({
  type: "phone",
  hasValue: true,
  normalize: (raw) => digitsOnly(asString(raw)).replace(/^\+81/, "0"),
  format: (v) => {
    const s = asString(v);
    if (/^0[5789]0\d{8}$/.test(s)) return `${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}`;
    return s;
  },
  Render: (props) => <TextInput {...props} type="tel" inputMode="tel" autoComplete="tel" width="medium" />,
});

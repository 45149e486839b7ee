import { defineFieldView } from "../field-view";
import { asString, nfkc } from "../normalize";
import { TextInput } from "./text-input";
import type { ResidenceCardNumberDef } from "./residence-card-number.rules";

/** What people copy from the card: 全角 letters and digits, lower case, spaces or hyphens between the groups. */
export const normalizeResidenceCardNumber = (s: string) =>
  nfkc(s)
    .replace(/[\s\u3000\-‐‑‒–—―ー−]/g, "")
    .toUpperCase();

/** 在留カード等番号: accepts 全角, lower case and separators, stores the 12 characters as printed on the card. */
export const residenceCardNumberView = defineFieldView<ResidenceCardNumberDef>({
  type: "residenceCardNumber",
  hasValue: true,
  normalize: (raw) => normalizeResidenceCardNumber(asString(raw)),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} autoComplete="off" width="medium" spellCheck={false} autoCapitalize="characters" />,
});

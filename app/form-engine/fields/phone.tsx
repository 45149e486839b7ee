import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, digitsOnly } from "../normalize";
import { TextInput } from "./text-input";

const definition = z.object({ ...baseField, type: z.literal("phone") }).strict();

/** Japanese phone numbers: 10 digits (fixed line) or 11 (mobile, 050); hyphens, spaces and 全角 are accepted. */
export const phoneField = defineFieldType<z.infer<typeof definition>>({
  type: "phone",
  definition,
  hasValue: true,
  personalData: true,
  autocomplete: () => "tel",
  normalize: (raw) => digitsOnly(asString(raw)).replace(/^\+81/, "0"),
  schema: () => z.string().regex(/^0\d{9,10}$/, msg("validation.phone")),
  format: (v) => {
    const s = asString(v);
    if (/^0[5789]0\d{8}$/.test(s)) return `${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}`;
    return s;
  },
  Render: (props) => <TextInput {...props} type="tel" inputMode="tel" autoComplete="tel" width="medium" />,
});

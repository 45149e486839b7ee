import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, nfkc, trim } from "../normalize";
import { TextInput } from "./text-input";

const definition = z.object({ ...baseField, type: z.literal("email") }).strict();

export const emailField = defineFieldType<z.infer<typeof definition>>({
  type: "email",
  definition,
  hasValue: true,
  personalData: true,
  autocomplete: () => "email",
  normalize: (raw) => trim(nfkc(asString(raw))),
  schema: () =>
    z
      .string()
      .max(254, msg("validation.tooLong", { max: 254 }))
      .email(msg("validation.email")),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} type="email" inputMode="email" autoComplete="email" spellCheck={false} />,
});

import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, nfkc } from "../normalize";
import { TextInput } from "./text-input";

/** 在留カード番号 and 特別永住者証明書番号 share one form: 2 letters, 8 digits, 2 letters (12 characters). */
export const RESIDENCE_CARD_NUMBER = /^[A-Z]{2}\d{8}[A-Z]{2}$/;

/** What people copy from the card: 全角 letters and digits, lower case, spaces or hyphens between the groups. */
export const normalizeResidenceCardNumber = (s: string) =>
  nfkc(s)
    .replace(/[\s\u3000\-‐‑‒–—―ー−]/g, "")
    .toUpperCase();

const definition = z.object({ ...baseField, type: z.literal("residenceCardNumber") }).strict();

/** 在留カード等番号: accepts 全角, lower case and separators, stores the 12 characters as printed on the card. */
export const residenceCardNumberField = defineFieldType<z.infer<typeof definition>>({
  type: "residenceCardNumber",
  definition,
  hasValue: true,
  normalize: (raw) => normalizeResidenceCardNumber(asString(raw)),
  // A wrong length is said as such (a digit left out is the usual slip); otherwise which part is wrong.
  schema: () =>
    z.string().superRefine((s, ctx) => {
      if (s.length !== 12) ctx.addIssue({ code: "custom", message: msg("validation.residenceCardNumber.length", { length: s.length }) });
      else if (!RESIDENCE_CARD_NUMBER.test(s)) ctx.addIssue({ code: "custom", message: msg("validation.residenceCardNumber.format") });
    }),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} autoComplete="off" width="medium" spellCheck={false} autoCapitalize="characters" />,
});

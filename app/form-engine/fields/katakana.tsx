import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, toKatakana } from "../normalize";
import { TextInput } from "./text-input";

export const KATAKANA = /^[\u30A1-\u30FA\u30FC\u30FB\u3000]+$/u;

const definition = z.object({ ...baseField, type: z.literal("katakana"), maxLength: z.number().int().positive().default(100) }).strict();

/** フリガナ: accepts ひらがな and 半角カナ, stores 全角カタカナ. */
export const katakanaField = defineFieldType<z.infer<typeof definition>>({
  type: "katakana",
  definition,
  hasValue: true,
  normalize: (raw) => toKatakana(asString(raw)),
  schema: (def) =>
    z
      .string()
      .max(def.maxLength, msg("validation.tooLong", { max: def.maxLength }))
      .regex(KATAKANA, msg("validation.katakana")),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} spellCheck={false} />,
});

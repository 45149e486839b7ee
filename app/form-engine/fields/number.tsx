import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, nfkc } from "../normalize";
import { localizedText } from "../localized-schema";
import { localizeText } from "../localized";
import { TextInput } from "./text-input";

/** 「3通」, 「3份」, "3 copies": a unit written in kana, kanji or hangul follows without a space. */
const withUnit = (n: string, unit: string) =>
  !unit ? n : /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(unit) ? `${n}${unit}` : `${n} ${unit}`;

const definition = z
  .object({
    ...baseField,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    /** Shown after the number in the answers (「3通」, "3 copies"): a text, translated like any other. */
    unit: localizedText.optional(),
  })
  .strict();

export const numberField = defineFieldType<z.infer<typeof definition>>({
  type: "number",
  definition,
  hasValue: true,
  normalize: (raw) => {
    if (typeof raw === "number") return raw;
    const s = nfkc(asString(raw)).replace(/[,\s]/g, "");
    if (s === "") return "";
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s; // keep the text so the error can say it is not a number
  },
  schema: (def) => {
    let n = z.number(msg("validation.number"));
    if (def.integer) n = n.int(msg("validation.integer"));
    if (def.min !== undefined) n = n.min(def.min, msg("validation.min", { min: def.min }));
    if (def.max !== undefined) n = n.max(def.max, msg("validation.max", { max: def.max }));
    return n;
  },
  format: (v, def, lng) => withUnit(asString(v), localizeText(def.unit, lng)),
  Render: (props) => <TextInput {...props} inputMode={props.def.integer ? "numeric" : "decimal"} width="short" />,
});

import { defineFieldView } from "../field-view";
import { asString, nfkc } from "../normalize";
import { localizeText } from "../localized";
import { TextInput } from "./text-input";
import type { NumberDef } from "./number.rules";

/** 「3通」, 「3份」, "3 copies": a unit written in kana, kanji or hangul follows without a space. */
const withUnit = (n: string, unit: string) =>
  !unit ? n : /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(unit) ? `${n}${unit}` : `${n} ${unit}`;

export const numberView = defineFieldView<NumberDef>({
  type: "number",
  hasValue: true,
  normalize: (raw) => {
    if (typeof raw === "number") return raw;
    const s = nfkc(asString(raw)).replace(/[,\s]/g, "");
    if (s === "") return "";
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s; // keep the text so the error can say it is not a number
  },
  format: (v, def, lng) => withUnit(asString(v), localizeText(def.unit, lng)),
  Render: (props) => <TextInput {...props} inputMode={props.def.integer ? "numeric" : "decimal"} width="short" />,
});

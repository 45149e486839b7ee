import { defineFieldView } from "../field-view";
import { asString, toKatakana } from "../normalize";
import { TextInput } from "./text-input";
import type { KatakanaDef } from "./katakana.rules";

/** フリガナ: accepts ひらがな and 半角カナ, stores 全角カタカナ. */
export const katakanaView = defineFieldView<KatakanaDef>({
  type: "katakana",
  hasValue: true,
  normalize: (raw) => toKatakana(asString(raw)),
  format: (v) => asString(v),
  Render: (props) => <TextInput {...props} spellCheck={false} />,
});

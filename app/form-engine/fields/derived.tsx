import { defineFieldView } from "../field-view";
import { localizeText } from "../localized";
import { labelOf } from "./choices";
import { Localized } from "./shell";
import type { DerivedDef } from "./derived.rules";

/** What is stored: the value and which rule decided it (the reason shown with it). */
export type DerivedAnswer = { value: string; rule: number };

const isAnswer = (v: unknown): v is DerivedAnswer => typeof v === "object" && v !== null && typeof (v as DerivedAnswer).value === "string";

function parts(v: unknown, def: DerivedDef, lng: string) {
  if (!isAnswer(v)) return undefined;
  return { label: labelOf(def.options, v.value, lng), because: localizeText(def.rules[v.rule]?.because, lng) };
}

/**
 * An answer nobody is asked: decided from other answers by rules made of the same structured conditions as showIf
 * (e.g. 保育標準時間 or 保育短時間 from both guardians' working hours), shown with how it was decided, and
 * recomputed by the server from the answers whenever they are validated or stored.
 */
export const derivedView = defineFieldView<DerivedDef>({
  type: "derived",
  hasValue: true,
  normalize: () => undefined,
  isEmpty: (v) => !isAnswer(v),
  format: (v, def, lng) => {
    const p = parts(v, def, lng);
    return p ? `${p.label}（${p.because}）` : "";
  },
  Render: ({ def, id, value, lng, t }) => {
    const p = parts(value, def, lng);
    return (
      <div className="field derived" id={`${id}-field`}>
        <p className="field__label" id={`${id}-label`}>
          <Localized text={def.label} lng={lng} />
        </p>
        <p className="fixed-value__value" id={id}>
          {p ? p.label : t("field.derived.pending")}
        </p>
        {p ? <p className="field__hint">{t("field.derived.because", { because: p.because })}</p> : null}
        {def.hint ? (
          <p className="field__hint">
            <Localized text={def.hint} lng={lng} />
          </p>
        ) : null}
      </div>
    );
  },
});

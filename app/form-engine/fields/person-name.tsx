import { defineFieldView, personalToken } from "../field-view";
import { asString, toKatakana, trim } from "../normalize";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { PersonNameDef } from "./person-name.rules";

export type PersonName = { family: string; given: string; familyKana?: string; givenKana?: string };

const PARTS = [
  { key: "family", token: "family-name" },
  { key: "given", token: "given-name" },
  { key: "familyKana", token: "off" },
  { key: "givenKana", token: "off" },
] as const;

/** 氏名: 姓 / 名 and their フリガナ. Latin-letter names go in 姓 / 名 as written on the 在留カード. */
export const personNameView = defineFieldView<PersonNameDef>({
  type: "personName",
  hasValue: true,
  personName: (value) => {
    const v = (value && typeof value === "object" ? value : {}) as Partial<PersonName>;
    const name = [v.family, v.given].filter(Boolean).join(" ");
    return name ? { name, reading: [v.familyKana, v.givenKana].filter(Boolean).join("") } : undefined;
  },
  normalize: (raw, def) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const name: PersonName = { family: trim(asString(r.family)), given: trim(asString(r.given)) };
    if (def.kana !== false) {
      name.familyKana = toKatakana(asString(r.familyKana));
      name.givenKana = toKatakana(asString(r.givenKana));
    }
    return name;
  },
  format: (v, def) => {
    const n = v as PersonName;
    const name = [n.family, n.given].filter(Boolean).join(" ");
    const reading = [n.familyKana, n.givenKana].filter(Boolean).join(" ");
    return def.kana !== false && reading ? `${name}（${reading}）` : name;
  },
  firstInputId: (id, _def, part) => `${id}-${PARTS.some((p) => p.key === part) ? part : "family"}`,
  Render: ({ def, id, name, value, error, required, lng, t, forSomeoneElse }) => {
    const v = (value ?? {}) as Record<string, string>;
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        {def.kana === "optional" ? (
          <p id={`${id}-reading-hint`} className="field__hint">
            {t("field.name.readingOptional")}
          </p>
        ) : null}
        <div className="name-input">
          {PARTS.filter((p) => def.kana !== false || !p.key.endsWith("Kana")).map((p) => (
            <div className="name-input__item" key={p.key}>
              <label htmlFor={`${id}-${p.key}`} className="date-input__label">
                {t(`field.name.${p.key}`)}
              </label>
              <input
                id={`${id}-${p.key}`}
                name={`${name}[${p.key}]`}
                className="input input--medium"
                defaultValue={asString(v[p.key])}
                autoComplete={personalToken({ forSomeoneElse }, p.token)}
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={
                  [describedBy(id, def.hint, error), def.kana === "optional" ? `${id}-reading-hint` : null].filter(Boolean).join(" ") || undefined
                }
              />
            </div>
          ))}
        </div>
      </Fieldset>
    );
  },
});

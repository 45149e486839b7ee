import { z } from "zod";
import { baseField, defineFieldType, personalToken } from "../field-type";
import { msg } from "../messages";
import { asString, toKatakana, trim } from "../normalize";
import { KATAKANA } from "./katakana";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";

const definition = z
  .object({
    ...baseField,
    type: z.literal("personName"),
    /**
     * フリガナ: asked and required (true), not asked (false), or "optional": asked, and required only of a name written
     * in Japanese script — a name in Latin letters (or Hangul, Devanagari …) is taken as it is on the 在留カード, with or
     * without a reading, and a person with a single name gives it as 姓 alone.
     */
    kana: z.union([z.boolean(), z.literal("optional")]).default(true),
  })
  .strict();

/** Kanji, hiragana or katakana: a name that has a reading in katakana by Japanese custom. */
const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export type PersonName = { family: string; given: string; familyKana?: string; givenKana?: string };

const PARTS = [
  { key: "family", token: "family-name" },
  { key: "given", token: "given-name" },
  { key: "familyKana", token: "off" },
  { key: "givenKana", token: "off" },
] as const;

/** 氏名: 姓 / 名 and their フリガナ. Latin-letter names go in 姓 / 名 as written on the 在留カード. */
export const personNameField = defineFieldType<z.infer<typeof definition>>({
  type: "personName",
  definition,
  hasValue: true,
  personalData: true,
  autocomplete: () => "name",
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
  schema: (def) => {
    const part = (key: string) =>
      z
        .string()
        .min(1, msg(`validation.name.${key}Required`))
        .max(50, msg("validation.tooLong", { max: 50 }));
    const kana = (key: string) => part(key).regex(KATAKANA, msg("validation.katakana"));
    if (def.kana !== "optional")
      return def.kana
        ? z.object({ family: part("family"), given: part("given"), familyKana: kana("familyKana"), givenKana: kana("givenKana") })
        : z.object({ family: part("family"), given: part("given") });
    const maybe = () =>
      z
        .string()
        .max(50, msg("validation.tooLong", { max: 50 }))
        .regex(KATAKANA, msg("validation.katakana"))
        .or(z.literal(""));
    return z
      .object({ family: part("family"), given: z.string().max(50, msg("validation.tooLong", { max: 50 })), familyKana: maybe(), givenKana: maybe() })
      .superRefine((n, ctx) => {
        if (!JAPANESE_SCRIPT.test(n.family + n.given)) return;
        // A name in Japanese script has both parts and their readings, as the 住民票 records them.
        for (const key of ["given", "familyKana", "givenKana"] as const)
          if (!n[key]) ctx.addIssue({ code: "custom", path: [key], message: msg(`validation.name.${key}Required`) });
      });
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

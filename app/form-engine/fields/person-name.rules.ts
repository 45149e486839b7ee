/** The rules of the person-name field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { KATAKANA } from "./katakana.rules";
import { personNameView } from "./person-name";

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

export const personNameField = defineFieldType(personNameView, {
  definition,
  personalData: true,
  autocomplete: () => "name",
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
});
export type PersonNameDef = z.infer<typeof definition>;

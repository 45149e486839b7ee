/** The rules of the country field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { COMMON_COUNTRIES, COUNTRY_CODES, countriesInOrder, countryName } from "../countries";
import { baseField, defineFieldType, type FieldType } from "../field-type";
import { msg } from "../messages";
import { asString } from "../normalize";
import { countryView } from "./country";

const code = z.string().refine((c) => COUNTRY_CODES.includes(c), "an ISO 3166-1 alpha-2 code of the list (日本 is not one)");
const definition = z
  .object({
    ...baseField,
    type: z.literal("country"),
    /** The codes offered first (default: the most common 国籍・地域 of foreign residents in Japan). */
    common: z.array(code).min(1).optional(),
  })
  .strict();

export type CountryDef = z.infer<typeof definition>;

/**
 * The names a page shows, in the reader's order: sorting 250 names with a collator is the same work for every page of
 * a language, so it is done once per language and list of common codes, not on each request.
 */
const namesByLanguage = new Map<string, { common: [string, string][]; all: [string, string][] }>();
function namesFor(lng: string, common: string[]) {
  const key = `${lng}|${common.join(",")}`;
  let names = namesByLanguage.get(key);
  if (!names) {
    const named = (codes: string[]) => codes.map((c): [string, string] => [c, countryName(c, lng)]);
    namesByLanguage.set(key, (names = { common: named(common), all: named(countriesInOrder(lng, common)) }));
  }
  return names;
}

export const countryField: FieldType<CountryDef> = {
  ...defineFieldType(countryView, {
    definition,
    requiredMessage: "validation.choice",
    schema: () => z.enum(COUNTRY_CODES as [string, ...string[]], msg("validation.choice")),
    forPage: (def, lng) => ({ ...def, names: namesFor(lng, def.common ?? COMMON_COUNTRIES) }) as CountryDef,
  }),
  // The check page, the staff view, the CSV and the PDF name the country from the full list, not from a page's.
  format: (v, _def, lng) => countryName(asString(v), lng),
};

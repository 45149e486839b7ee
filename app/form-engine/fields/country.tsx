import { z } from "zod";
import { COMMON_COUNTRIES, COUNTRY_CODES, countriesInOrder, countryName } from "../countries";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString, nfkc, trim } from "../normalize";
import { SelectField } from "../../ui/field";
import { wrapperProps } from "./shell";

const code = z.string().refine((c) => COUNTRY_CODES.includes(c), "an ISO 3166-1 alpha-2 code of the list (日本 is not one)");
const definition = z
  .object({
    ...baseField,
    type: z.literal("country"),
    /** The codes offered first (default: the most common 国籍・地域 of foreign residents in Japan). */
    common: z.array(code).min(1).optional(),
  })
  .strict();

/** 国籍・地域: chosen from the ISO 3166-1 list, stored as the alpha-2 code, shown as the name in the reader's language. */
export const countryField = defineFieldType<z.infer<typeof definition>>({
  type: "country",
  definition,
  requiredMessage: "validation.choice",
  hasValue: true,
  normalize: (raw) => nfkc(trim(asString(raw))).toUpperCase(),
  schema: () => z.enum(COUNTRY_CODES as [string, ...string[]], msg("validation.choice")),
  format: (v, _def, lng) => countryName(asString(v), lng),
  Render: ({ def, id, name, value, error, required, lng, t }) => {
    const common = def.common ?? COMMON_COUNTRIES;
    const option = (c: string) => (
      <option key={c} value={c}>
        {countryName(c, lng)}
      </option>
    );
    return (
      <SelectField {...wrapperProps({ id, def, error, required, lng, t })} name={name} value={asString(value)} autoComplete="off">
        <optgroup label={t("field.country.common")}>{common.map(option)}</optgroup>
        <optgroup label={t("field.country.all")}>{countriesInOrder(lng, common).map(option)}</optgroup>
      </SelectField>
    );
  },
});

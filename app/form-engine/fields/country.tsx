import { defineFieldView } from "../field-view";
import { asString, nfkc, trim } from "../normalize";
import { SelectField } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { CountryDef } from "./country.rules";

/** What the server adds to the definition for the page (forPage): the names in the reader's language, in order. */
type CountryNames = { common: [code: string, name: string][]; all: [code: string, name: string][] };
type CountryOnPage = CountryDef & { names?: CountryNames };

const nameOf = (code: string, def: CountryOnPage) => [...(def.names?.common ?? []), ...(def.names?.all ?? [])].find(([c]) => c === code)?.[1] ?? code;

/**
 * 国籍・地域: chosen from the ISO 3166-1 list, stored as the alpha-2 code, shown as the name in the reader's language.
 * The page gets the names from the server with the definition (250 names in every language are no page's to carry).
 */
export const countryView = defineFieldView<CountryOnPage>({
  type: "country",
  hasValue: true,
  normalize: (raw) => nfkc(trim(asString(raw))).toUpperCase(),
  format: (v, def) => nameOf(asString(v), def),
  Render: ({ def, id, name, value, error, required, lng, t }) => {
    // Without the list (a page that skipped fieldsForPage) the question could not be answered: say so loudly.
    if (!def.names) throw new Error(`The country question ${def.name} reached the page without its names (forPage)`);
    const option = ([code, label]: [string, string]) => (
      <option key={code} value={code}>
        {label}
      </option>
    );
    return (
      <SelectField {...wrapperProps({ id, def, error, required, lng, t })} name={name} value={asString(value)} autoComplete="off">
        <optgroup label={t("field.country.common")}>{def.names.common.map(option)}</optgroup>
        <optgroup label={t("field.country.all")}>{def.names.all.map(option)}</optgroup>
      </SelectField>
    );
  },
});

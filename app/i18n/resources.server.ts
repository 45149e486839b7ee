import { cityTexts } from "../city";
import { getCity } from "../city.server";
import { supportedLanguages, type Language } from "./config";
import { resources } from "./resources";

type Resources = { [L in Language]: { common: (typeof resources)[L]["common"] & { city: ReturnType<typeof cityTexts> } } };

let cached: Resources | undefined;

/**
 * The translations with the configured city under `city.*` in each language. Locale files name no city: they nest
 * these keys (`$t(city.siteName)`), so server, browser (served by /locales/:lng/:ns) and PDF all say the same.
 */
export function serverResources(): Resources {
  cached ??= Object.fromEntries(supportedLanguages.map((lng) => [lng, { common: { ...resources[lng].common, city: cityTexts(getCity(), lng) } }])) as Resources;
  return cached;
}

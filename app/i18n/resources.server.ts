import { cityTexts } from "../city";
import { getCity } from "../city.server";
import { registerDateWords } from "./dates";
import { catalogueOfServer } from "./languages.server";

type Texts = Record<string, unknown>;
export type Resources = Record<string, { common: Texts & { city: ReturnType<typeof cityTexts> } }>;

let cached: Resources | undefined;

/**
 * The translations with the configured city under `city.*` in each language. Locale files name no city: they nest
 * these keys (`$t(city.siteName)`), so server, browser (served by /locales/:lng/:ns) and PDF all say the same.
 */
export function serverResources(): Resources {
  if (cached) return cached;
  const { languages, texts } = catalogueOfServer();
  for (const l of languages) registerDateWords(l.code, texts[l.code]?.date);
  cached = Object.fromEntries(
    languages.map((l) => [l.code, { common: { ...texts[l.code], city: cityTexts(getCity(), l.cityNames === "ja" ? "ja" : l.code) } }]),
  );
  return cached;
}

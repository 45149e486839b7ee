import enCommon from "./locales/en/common.json";
import jaCommon from "./locales/ja/common.json";

/** All translations, keyed by language then namespace (server side; the browser fetches /locales/:lng/:ns). */
export const resources = {
  ja: { common: jaCommon },
  en: { common: enCommon },
} as const;

import enCommon from "./locales/en/common.json";
import filCommon from "./locales/fil/common.json";
import idCommon from "./locales/id/common.json";
import jaCommon from "./locales/ja/common.json";
import koCommon from "./locales/ko/common.json";
import neCommon from "./locales/ne/common.json";
import ptBrCommon from "./locales/pt-BR/common.json";
import viCommon from "./locales/vi/common.json";
import zhHansCommon from "./locales/zh-Hans/common.json";

/** All translations, keyed by language then namespace (server side; the browser fetches /locales/:lng/:ns). */
export const resources = {
  ja: { common: jaCommon },
  en: { common: enCommon },
  "zh-Hans": { common: zhHansCommon },
  ko: { common: koCommon },
  vi: { common: viCommon },
  fil: { common: filCommon },
  "pt-BR": { common: ptBrCommon },
  ne: { common: neCommon },
  id: { common: idCommon },
} as const;

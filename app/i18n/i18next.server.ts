import { createCookie } from "@remix-run/node";
import i18next from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nConfig, languageFromAcceptLanguage } from "./config";
import { languageCodes, languages } from "./languages.server";
import { memoizeT } from "./memoized-t.server";
import { serverResources } from "./resources.server";
import { initReactI18next } from "react-i18next";
import { plainRubyPostProcessor, rubyPostProcessor } from "./ruby";

/** The language a person chose with the language switch; remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// Made on first use: the languages are read from the locale folders, and a broken one is reported by the start-up.
let detector: RemixI18Next | undefined;
function remixI18next() {
  return (detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: languageCodes(),
      fallbackLanguage,
      cookie: languageCookie,
      // A chosen language wins over the browser's Accept-Language (read with each language's matches: zh-CN → 简体中文 …).
      order: ["cookie", "custom"],
      findLocale: async (request) => languageFromAcceptLanguage(request.headers.get("Accept-Language"), languages()),
    },
  }));
}

/** The request's language and the namespaces of its routes (entry.server). */
const i18nServer = {
  getLocale: (request: Request) => remixI18next().getLocale(request),
  getRouteNamespaces: (context: Parameters<RemixI18Next["getRouteNamespaces"]>[0]) => remixI18next().getRouteNamespaces(context),
};
export default i18nServer;

let shared: typeof i18next | undefined;
/**
 * One i18next instance with every language, made once (a new one per request is slow). Its t() is for loaders and
 * actions: plain text, ふりがな removed (ruby.ts says why); renderer() clones it for the page's render, with ruby.
 */
function sharedI18next() {
  if (!shared) {
    shared = i18next.createInstance({
      ...i18nConfig,
      postProcess: [plainRubyPostProcessor.name],
      supportedLngs: languageCodes(),
      resources: serverResources(),
      initAsync: false,
    });
    shared.use(initReactI18next).use(rubyPostProcessor).use(plainRubyPostProcessor);
    void shared.init();
    memoizeT(shared);
  }
  return shared;
}

const renderers = new Map<string, typeof i18next>();
/**
 * The i18next instance a page is rendered with: the request's language, the shared translations, ふりがな as <ruby>.
 * One per language, kept: a render only reads it (nothing changes its language), so concurrent requests can share it.
 */
export function renderer(lng: string) {
  let instance = renderers.get(lng);
  if (!instance) {
    instance = memoizeT(sharedI18next().cloneInstance({ lng, postProcess: i18nConfig.postProcess, initAsync: false }));
    renderers.set(lng, instance);
  }
  return instance;
}

/**
 * A translation function for a fixed language (the paper form and the CSV are in Japanese, whoever prints them).
 * The city's texts are read on first use, not at import: a wrong CITY_CONFIG is reported by the server's start-up.
 */
export const getFixedT = (lng: string) => sharedI18next().getFixedT(lng);

/** The translation function for the request's language (loaders and actions). */
export const getT = async (request: Request) => getFixedT(await i18nServer.getLocale(request));

/** The request's language and its translation function together. */
export async function getLocaleT(request: Request) {
  const lng = await i18nServer.getLocale(request);
  return { lng, t: getFixedT(lng) };
}

import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nConfig, languageFromAcceptLanguage, supportedLanguages } from "./config";
import { resources } from "./resources";
import { serverResources } from "./resources.server";

/** The language a person chose with the language switch; remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    // A chosen language wins over the browser's Accept-Language (read with our aliases: zh-CN → 简体中文 …).
    order: ["cookie", "custom"],
    findLocale: async (request) => languageFromAcceptLanguage(request.headers.get("Accept-Language")),
  },
  i18next: { ...i18nConfig, resources },
});

export default i18next;

/**
 * A translation function for a fixed language (the paper form and the CSV are in Japanese, whoever prints them).
 * remix-i18next builds a new i18next instance on every call; one per language, made once, serves every request.
 */
const fixedT = new Map<string, ReturnType<typeof i18next.getFixedT>>();
export function getFixedT(lng: string) {
  let t = fixedT.get(lng);
  if (!t) {
    // The city's texts are read on first use, not at import: a wrong CITY_CONFIG is reported by the server's start-up.
    t = i18next.getFixedT(lng, undefined, { resources: serverResources() });
    fixedT.set(lng, t);
  }
  return t;
}

/** The translation function for the request's language (loaders and actions). */
export const getT = async (request: Request) => getFixedT(await i18next.getLocale(request));

/** The request's language and its translation function together. */
export async function getLocaleT(request: Request) {
  const lng = await i18next.getLocale(request);
  return { lng, t: await getFixedT(lng) };
}

import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "./i18n/config";
import { registerDateWords } from "./i18n/dates";
import { rubyPostProcessor } from "./i18n/ruby";

async function fetchTranslations(lng: string, ns: string) {
  const response = await fetch(`/locales/${encodeURIComponent(lng)}/${encodeURIComponent(ns)}`);
  if (!response.ok) throw new Error(`translations ${lng}/${ns}: ${response.status}`);
  return response.json();
}

async function hydrate() {
  await i18next
    .use(initReactI18next)
    // Translations come from our own route with fetch: a few lines instead of an XHR/fetch polyfill layer (issue 13:
    // every resident page within 120 KB of JavaScript).
    .use(resourcesToBackend((lng: string, ns: string) => fetchTranslations(lng, ns)))
    .use(rubyPostProcessor)
    .init({
      ...i18nConfig,
      // The server already chose the language and wrote it to <html lang>.
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
    });

  // The page's date words, as the server wrote its dates with them (dates.ts); again when the switch changes language.
  const takeDateWords = () => registerDateWords(i18next.language, i18next.getResourceBundle(i18next.language, "common")?.date);
  takeDateWords();
  i18next.on("languageChanged", takeDateWords);
  i18next.on("loaded", takeDateWords);

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();

import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import Backend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "./i18n/config";
import { registerDateWords } from "./i18n/dates";
import { rubyPostProcessor } from "./i18n/ruby";

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(Backend)
    .use(rubyPostProcessor)
    .init({
      ...i18nConfig,
      // The server already chose the language and wrote it to <html lang>.
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: "/locales/{{lng}}/{{ns}}" },
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

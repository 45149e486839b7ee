import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule, type ReadCallback, type ResourceKey } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n/config";
import { registerDateWords } from "./i18n/dates";
import { rubyPostProcessor } from "./i18n/ruby";

/**
 * One namespace from our own route. A network error or a 5xx is worth another try (i18next retries a read whose
 * callback says so, a few times with a growing pause), as i18next-http-backend did: a phone on a bad connection
 * would otherwise hydrate without its texts. A 4xx is final.
 */
function fetchTranslations(lng: string, ns: string, callback: ReadCallback) {
  fetch(`/locales/${encodeURIComponent(lng)}/${encodeURIComponent(ns)}`).then(
    async (response) => {
      if (response.ok) return callback(null, (await response.json()) as ResourceKey);
      callback(new Error(`translations ${lng}/${ns}: ${response.status}`), response.status >= 500);
    },
    (error: Error) => callback(error, true),
  );
}

/** i18next's backend interface itself (what i18next-resources-to-backend wrapped round a function): nothing to load. */
const translationsBackend: BackendModule = { type: "backend", init: () => undefined, read: fetchTranslations };

/**
 * With single fetch, RemixBrowser's first render waits (suspends) until it has decoded the loader data streamed into
 * the page. A key pressed before React's hydration task runs makes React render the root at once, synchronously, and
 * React 18 cannot finish a synchronous render that waits: the page keeps its server HTML with none of its scripts
 * working (React error #345, remix-run/remix#10214). So the data is decoded before hydration starts: RemixBrowser
 * called once as a plain function starts the decoding and throws the promise it waits for; the render that hydrates
 * finds the data there.
 */
async function loaderDataDecoded() {
  try {
    RemixBrowser({});
  } catch (thrown) {
    // A failed decoding is left for the render to meet, as without this head start.
    if (typeof (thrown as PromiseLike<unknown> | null)?.then === "function") await Promise.resolve(thrown).catch(() => {});
  }
}

async function hydrate() {
  const decoded = loaderDataDecoded();
  await i18next
    .use(initReactI18next)
    // Translations come from our own route with fetch: a few lines instead of an XHR/fetch polyfill layer (issue 13:
    // every resident page within 120 KB of JavaScript).
    .use(translationsBackend)
    .use(rubyPostProcessor)
    .init({
      ...i18nConfig,
      // The server already chose the language and wrote it to <html lang>.
      lng: document.documentElement.lang,
      // Every text is in the one namespace (root's handle names it for the server): remix-i18next's
      // getInitialNamespaces, which reads it from the route modules, was bytes the step page cannot spare.
    });

  // The page's date words, as the server wrote its dates with them (dates.ts); again when the switch changes language.
  const takeDateWords = () => registerDateWords(i18next.language, i18next.getResourceBundle(i18next.language, "common")?.date);
  takeDateWords();
  i18next.on("languageChanged", takeDateWords);
  i18next.on("loaded", takeDateWords);
  await decoded;

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

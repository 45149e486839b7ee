import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "./auth/session.server";
import { getEnv } from "./env.server";
import i18nServer from "./i18n/i18next.server";
import { usePageLanguage } from "./i18n/use-page-language";
import { languages } from "./i18n/languages.server";
import styles from "./styles/app.css";
import { SiteFooter, SiteHeader } from "./ui/site-chrome";
import { useDocumentTitle } from "./ui/document-title";
import { useFocusOnNavigation, useShownNavigationMark } from "./ui/focus-on-navigation";
import { useNonce } from "./ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, principal] = await Promise.all([i18nServer.getLocale(request), getPrincipal(request)]);
  const user = principal
    ? {
        role: principal.role,
        name: principal.role === "resident" ? principal.resident.name : principal.staff.displayName,
      }
    : null;
  // The switch's list: each language in its own name.
  return { locale, user, demo: getEnv().DEMO, languages: languages().map(({ code, name }) => ({ code, name })) };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export const handle = { i18n: "common" };

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  // Without the root's data (its loader failed) the page is still written in the language i18next was given for it.
  const locale = data?.locale ?? i18n.language;
  const nonce = useNonce();
  const error = useRouteError();
  const title = useDocumentTitle();
  useShownNavigationMark();
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          {error ? i18n.t("title.format", { page: i18n.t(`errors.${errorKind(error)}.title`), site: i18n.t("site.name") }) : (title ?? i18n.t("site.name"))}
        </title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  // Keeps the browser's i18next in step after the language switch (the server already rendered the new language).
  usePageLanguage(data?.locale ?? i18n.language);
  useFocusOnNavigation();
  return (
    <Page>
      <Outlet />
    </Page>
  );
}

/** What the page says for each refusal: a form that could not be read (400, 415), too large (413), too many (429). */
const KIND_OF_STATUS: Record<number, string> = { 400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 415: "badRequest", 429: "tooMany" };
const ON_HOME_PAGE = new Set(["forbidden", "notFound"]);

function errorKind(error: unknown) {
  return (isRouteErrorResponse(error) && KIND_OF_STATUS[error.status]) || "server";
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const location = useLocation();
  const kind = errorKind(error);
  if (kind === "server") console.error(error);
  return (
    <Page>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <a href={ON_HOME_PAGE.has(kind) ? "/" : location.pathname + location.search}>{t(`errors.${kind}.action`)}</a>
      </p>
    </Page>
  );
}

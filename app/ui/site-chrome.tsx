import { Form, Link, useLocation, useRouteLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";

/** A language's name in itself, as the locale folders give it (root loader), or its tag for one the site lacks. */
export function useLanguageName() {
  const languages = useRouteLoaderData<RootData>("root")?.languages ?? [];
  return (code: string) => languages.find((l) => l.code === code)?.name ?? code;
}

/**
 * The language switch: every language in its own name, behind a disclosure so nine of them do not fill a phone's
 * header. A real form inside a <details>: it works without JavaScript; the choice is kept in a cookie. With
 * JavaScript the new language's texts are fetched before the page changes, so it never shows in two languages while
 * they arrive on a slow connection.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const submit = useSubmit();
  const languages = useRouteLoaderData<RootData>("root")?.languages ?? [];
  const languageName = useLanguageName();
  const current = i18n.language;
  return (
    <details className="language-switch">
      <summary>
        {t("language.label")}: <span lang={current}>{languageName(current)}</span>
      </summary>
      <Form
        method="post"
        action="/language"
        className="language-switch__list"
        aria-label={t("language.label")}
        onSubmit={(event) => {
          const button = (event.nativeEvent as SubmitEvent).submitter;
          if (!(button instanceof HTMLButtonElement)) return;
          event.preventDefault();
          void i18n.loadLanguages(button.value).then(() => submit(button));
        }}
      >
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        {languages.map(({ code, name }) => (
          <button key={code} type="submit" name="lng" value={code} lang={code} className="link-button" aria-current={code === current ? "true" : undefined}>
            {name}
          </button>
        ))}
      </Form>
    </details>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<RootData>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      {data?.demo ? <p className="demo-banner">{t("site.demoBanner")}</p> : null}
      <div className="site-header__inner">
        <Link to="/" className="site-header__name">
          {t("site.name")}
        </Link>
        {/* An error page drawn without the root loader (a page no route matches, a post refused before loaders run)
            knows neither who is signed in nor the languages: it shows neither rather than 「ログイン」 to a signed-in
            resident and a switch with no languages in it. */}
        {data ? (
          <>
            <nav aria-label={t("header.navLabel")} className="site-header__nav">
              {user ? (
                <>
                  <span className="site-header__user">{t("header.signedInAs", { name: user.name })}</span>
                  {user.role === "resident" ? <Link to="/mypage">{t("header.myPage")}</Link> : <Link to="/staff">{t("header.staffArea")}</Link>}
                  {user.role === "admin" ? <Link to="/admin">{t("header.adminArea")}</Link> : null}
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t("header.signOut")}
                    </button>
                  </Form>
                </>
              ) : (
                <Link to="/login">{t("header.signIn")}</Link>
              )}
            </nav>
            <LanguageSwitch />
          </>
        ) : null}
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <ul className="site-footer__links">
        <li>
          <Link to="/staff/login">{t("footer.staffLogin")}</Link>
        </li>
      </ul>
      <p>{t("footer.about")}</p>
    </footer>
  );
}

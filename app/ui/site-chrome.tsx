import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages } from "../i18n/config";
import type { RootData } from "../root";

/**
 * The language switch: every language in its own name, behind a disclosure so nine of them do not fill a phone's
 * header. A real form inside a <details>: it works without JavaScript; the choice is kept in a cookie.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const current = i18n.language;
  return (
    <details className="language-switch">
      <summary>
        {t("language.label")}: <span lang={current}>{t(`language.names.${current}`, { lng: current })}</span>
      </summary>
      <Form method="post" action="/language" className="language-switch__list" aria-label={t("language.label")}>
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        {supportedLanguages.map((lng) => (
          <button key={lng} type="submit" name="lng" value={lng} lang={lng} className="link-button" aria-current={lng === current ? "true" : undefined}>
            {t(`language.names.${lng}`, { lng })}
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

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeRedirectPath } from "../auth/guards.server";
import { enabledProviders } from "../auth/identity/identity-providers.server";
import { getPrincipal } from "../auth/session.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/mypage");
  const principal = await getPrincipal(request);
  if (principal?.role === "resident") throw redirect(redirectTo);
  const t = await getT(request);
  const query = `?${new URLSearchParams({ redirectTo })}`;
  return {
    title: pageTitle(t, t("login.title")),
    providers: enabledProviders().map((p) => ({
      id: p.id,
      href: p.startPath + query,
      labelKey: p.labelKey,
      descriptionKey: p.descriptionKey,
    })),
  };
}

export default function Login() {
  const { providers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      {providers.length === 0 ? (
        <p>{t("login.none")}</p>
      ) : (
        <ul className="choice-list">
          {providers.map((p) => (
            <li key={p.id}>
              <Link to={p.href} className="button" aria-describedby={`provider-${p.id}-desc`}>
                {t(p.labelKey)}
              </Link>
              <p id={`provider-${p.id}-desc`} className="field__hint">
                {t(p.descriptionKey)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>{t("login.withoutSignIn")}</p>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { localize } from "../form-engine/localized";
import { isRetired, listLiveForms } from "../procedures/store.server";
import { getLocaleT } from "../i18n/i18next.server";
import { formOfDraft, listOpenDrafts, resolveOwner } from "../submissions/drafts.server";
import { pageTitle } from "../i18n/title";
import { LocalizedText } from "../ui/localized-text";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, lng } = await getLocaleT(request);
  const procedures = listLiveForms().map((f) => ({
    id: f.formId,
    // With the language each is in and its ふりがな: the page marks a Japanese fallback and renders the readings.
    title: localize(f.definition.title, lng),
    description: localize(f.definition.description, lng),
  }));
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  const inProgress = owner
    ? listOpenDrafts(owner).map((d) => ({ formId: d.formId, title: localize(formOfDraft(d).definition.title, lng).text, closed: isRetired(d.formId) }))
    : [];
  return { title: pageTitle(t, t("home.title")), procedures, inProgress };
}

export default function Home() {
  const { procedures, inProgress } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      {params.has("signed-out") ? (
        <p className="notice" role="status">
          {t("home.signedOut")}
        </p>
      ) : null}
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {inProgress.length > 0 ? (
        <section aria-labelledby="in-progress-title" className="in-progress">
          <h2 id="in-progress-title">{t("home.inProgress")}</h2>
          <ul className="plain-list">
            {inProgress.map((d) => (
              <li key={d.formId}>
                {d.closed ? (
                  <>
                    {t("home.closedDraft", { title: d.title })} <Link to={`/procedures/${d.formId}`}>{t("home.closedWhatToDo")}</Link>
                  </>
                ) : (
                  <Link to={`/procedures/${d.formId}`}>{t("home.resume", { title: d.title })}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {procedures.length > 0 ? (
        <ul className="catalogue">
          {procedures.map((p) => (
            <li key={p.id} className="catalogue__item">
              <h2 className="catalogue__title">
                <Link to={`/procedures/${p.id}`}>
                  <LocalizedText value={p.title} />
                </Link>
              </h2>
              <p>
                <LocalizedText value={p.description} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {procedures.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t("home.empty.title")}</h2>
          <p>{t("home.empty.body")}</p>
        </section>
      ) : null}
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { catalogue } from "../admin/forms/procedures.server";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  return { title: pageTitle(t, t("admin.forms.catalogue.title")), procedures: catalogue(lng) };
}

export default function AdminForms() {
  const { procedures } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/admin">{t("admin.forms.backToAdmin")}</Link>
      </p>
      <h1>{t("admin.forms.catalogue.title")}</h1>
      <p className="actions">
        <Link to="/admin/forms/new" className="button">
          {t("admin.forms.catalogue.new")}
        </Link>
        <Link to="/admin/forms/import" className="button button--secondary">
          {t("admin.forms.catalogue.import")}
        </Link>
      </p>
      <div className="table-scroll" role="region" aria-labelledby="catalogue-caption" tabIndex={0}>
        <table className="table">
          <caption id="catalogue-caption" className="visually-hidden">
            {t("admin.forms.catalogue.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.forms.catalogue.procedure")}</th>
              <th scope="col">{t("admin.forms.catalogue.state")}</th>
              <th scope="col">{t("admin.forms.catalogue.live")}</th>
              <th scope="col">{t("admin.forms.catalogue.scheduled")}</th>
              <th scope="col">{t("admin.forms.catalogue.lastChange")}</th>
              <th scope="col">{t("admin.forms.catalogue.use")}</th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr key={p.formId}>
                <th scope="row">
                  <Link to={`/admin/forms/${p.formId}`}>{p.title}</Link>
                  <br />
                  <code className="muted">{p.formId}</code>
                </th>
                <td>
                  <span className={`tag tag--state-${p.state}`}>{t(`admin.forms.state.${p.state}`)}</span>
                  {p.hasWorkingCopy ? (
                    <>
                      <br />
                      <span className="muted">{t("admin.forms.catalogue.hasWorkingCopy")}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {p.live ? (
                    <>
                      {t("admin.forms.revision", { revision: p.live.revision })}
                      {p.live.label ? ` ${t("admin.forms.label", { label: p.live.label })}` : null}
                      <br />
                      <span className="muted">{t("admin.forms.catalogue.since", { at: p.live.since })}</span>
                    </>
                  ) : (
                    t("admin.forms.none")
                  )}
                </td>
                <td>
                  {p.scheduled.length ? (
                    <ul className="plain-list">
                      {p.scheduled.map((s, i) => (
                        <li key={i}>
                          {s.revision === null
                            ? t("admin.forms.catalogue.scheduledRetire", { at: s.at })
                            : t("admin.forms.catalogue.scheduledPublish", { at: s.at, revision: s.revision })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("admin.forms.none")
                  )}
                </td>
                <td>
                  {p.lastChange
                    ? t("admin.forms.catalogue.changedBy", { at: p.lastChange.at, by: p.lastChange.by ?? t("admin.forms.byFile") })
                    : t("admin.forms.none")}
                </td>
                <td>
                  {p.versions.length ? (
                    <ul className="plain-list">
                      {p.versions.map((v) => (
                        <li key={v.revision}>
                          {t("admin.forms.catalogue.usePerVersion", { revision: v.revision, drafts: v.openDrafts, submissions: v.submissions })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("admin.forms.none")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

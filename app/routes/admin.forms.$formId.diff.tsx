import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { diffPage } from "../admin/forms/definition-files.server";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const query = new URL(request.url).searchParams;
  const page = diffPage(params.formId!, query.get("from"), query.get("to"), lng);
  if (!page) throw new Response("Not Found", { status: 404 });
  return { ...page, title: pageTitle(t, t("admin.forms.diff.title", { title: page.title })) };
}

export default function DiffPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const nameOf = (revision: number | null) => (revision === null ? t("admin.forms.diff.workingCopy") : t("admin.forms.revision", { revision }));
  const menu = (name: "from" | "to") => (
    <div className="field">
      <label className="field__label" htmlFor={`diff-${name}`}>
        {t(`admin.forms.diff.${name}`)}
      </label>
      <select className="select" id={`diff-${name}`} name={name} defaultValue={page[name] ?? undefined}>
        {page.choices.map((c) => (
          <option key={c.ref} value={c.ref}>
            {nameOf(c.revision)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <p className="back-link">
        <Link to={`/admin/forms/${page.formId}`}>{t("admin.forms.backToProcedure")}</Link>
      </p>
      <h1>{t("admin.forms.diff.title", { title: page.title })}</h1>
      <Form method="get" className="box">
        {menu("from")}
        {menu("to")}
        <button type="submit" className="button button--secondary">
          {t("admin.forms.diff.compare")}
        </button>
      </Form>
      {!page.found ? (
        <p className="warning">{t("admin.forms.diff.notFound")}</p>
      ) : (
        <>
          <p className="lead">{t("admin.forms.diff.comparing", { from: nameOf(page.fromRevision), to: nameOf(page.toRevision) })}</p>
          <h2>{t("admin.forms.diff.inWords")}</h2>
          {page.changes === null ? (
            <p>{t("admin.forms.diff.notParsed")}</p>
          ) : page.changes.length ? (
            <ul>
              {page.changes.map((c, i) => (
                <li key={i}>{t(c.key, c.params ?? {})}</li>
              ))}
            </ul>
          ) : (
            <p>{t("admin.forms.diff.same")}</p>
          )}
          <h2 id="json-diff-title">{t("admin.forms.diff.asJson")}</h2>
          <p className="muted">{t("admin.forms.diff.legend")}</p>
          {page.hunks.map((h, i) => (
            <div key={i} className="diff-hunk" role="region" aria-label={t("admin.forms.diff.hunk", { from: h.oldStart, to: h.newStart })} tabIndex={0}>
              <pre className="diff">
                {h.lines.map((l, j) => (
                  <span key={j} className={`diff__line diff__line--${l.kind}`}>
                    <span aria-hidden="true">{l.kind === "added" ? "+ " : l.kind === "removed" ? "− " : "  "}</span>
                    {l.kind !== "context" ? <span className="visually-hidden">{t(`admin.forms.diff.${l.kind}`)} </span> : null}
                    {l.text}
                    {"\n"}
                  </span>
                ))}
              </pre>
            </div>
          ))}
        </>
      )}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseProcedureCommand, procedurePage, runProcedureCommand, type InputProblem } from "../admin/forms/procedures.server";
import { ProblemList, summaryErrors, WhenFields } from "../admin/forms/ui";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { useLanguageName } from "../ui/site-chrome";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, formId: string, problems: InputProblem[] = [], details: string[] = []) {
  await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const page = procedurePage(formId, lng);
  if (!page) throw new Response("Not Found", { status: 404 });
  return { ...page, title: pageTitle(t, page.title, { error: problems.length > 0 }), heading: page.title, problems, details };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const principal = await requireAdmin(request);
  const outcome = runProcedureCommand(formId, parseProcedureCommand(await readFormBody(request)), { staffId: principal.staff.id });
  if (outcome.ok) throw redirect(outcome.goTo === "edit" ? `/admin/forms/${formId}/edit` : `/admin/forms/${formId}?done=${outcome.done}`);
  return data(await view(request, formId, outcome.problems, outcome.details), { status: 409 });
}

export default function ProcedurePage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [params] = useSearchParams();
  const done = actionData ? null : params.get("done");
  const w = page.workingCopy;
  return (
    <>
      <p className="back-link">
        <Link to="/admin/forms">{t("admin.forms.backToCatalogue")}</Link>
      </p>
      <ErrorSummary errors={summaryErrors(t, page.problems)} focusKey={actionData} />
      {page.details.length ? (
        <div className="warning">
          <p>{t("admin.forms.errors.details")}</p>
          <ul>
            {page.details.map((d, i) => (
              <li key={i}>
                <code>{d}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? (
        <p className="notice" role="status">
          {t(`admin.forms.done.${done}`, { defaultValue: t("admin.forms.done.saved") })}
        </p>
      ) : null}
      <p className="caption">
        <code>{page.formId}</code>
      </p>
      <h1>{page.heading}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("admin.forms.catalogue.state")}</dt>
          <dd>
            <strong>{t(`admin.forms.state.${page.state}`)}</strong>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.forms.catalogue.live")}</dt>
          <dd>{page.live ? t("admin.forms.procedure.liveSince", { revision: page.live.revision, at: page.live.since }) : t("admin.forms.none")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.forms.catalogue.scheduled")}</dt>
          <dd>
            {page.scheduled.length
              ? page.scheduled.map((s) => (
                  <span key={s.publicationId} className="block">
                    {s.revision === null
                      ? t("admin.forms.catalogue.scheduledRetire", { at: s.at })
                      : t("admin.forms.catalogue.scheduledPublish", { at: s.at, revision: s.revision })}
                  </span>
                ))
              : t("admin.forms.none")}
          </dd>
        </div>
      </dl>

      <h2 id="working-title">{t("admin.forms.procedure.workingCopy")}</h2>
      {w ? (
        <section aria-labelledby="working-title">
          <p>
            {t("admin.forms.procedure.workingCopyAbout", {
              at: w.updatedAt,
              by: w.updatedBy ?? t("admin.forms.byFile"),
              origin: t(`admin.forms.origin.${w.origin}`),
            })}
            {w.basedOn !== null ? ` ${t("admin.forms.procedure.basedOn", { revision: w.basedOn })}` : null}
          </p>
          <p className="actions">
            <Link to={`/admin/forms/${page.formId}/edit`} className="button">
              {t("admin.forms.procedure.edit")}
            </Link>
            <Link to={`/admin/forms/${page.formId}/json`} className="button button--secondary">
              {t("admin.forms.procedure.editJson")}
            </Link>
            <Link to={`/admin/forms/${page.formId}/diff?to=draft`}>{t("admin.forms.procedure.diffWorking")}</Link>
          </p>
          <h3 id="findings-title">{t("admin.forms.findings.title")}</h3>
          {w.findings.errors.length + w.findings.warnings.length === 0 ? (
            <p>{t("admin.forms.findings.none")}</p>
          ) : (
            <>
              {w.findings.errors.length ? (
                <>
                  <p>{t("admin.forms.findings.errorsBlock", { n: w.findings.errors.length })}</p>
                  <ProblemList
                    problems={w.findings.errors.map((f) => ({
                      severity: f.severity,
                      path: f.path.join("."),
                      line: f.line,
                      stepId: f.stepId,
                      question: f.fieldName,
                      message: f.message,
                    }))}
                  />
                </>
              ) : null}
              {w.findings.warnings.length ? (
                <>
                  <p>{t("admin.forms.findings.warningsShown", { n: w.findings.warnings.length })}</p>
                  <ProblemList
                    problems={w.findings.warnings.map((f) => ({
                      severity: f.severity,
                      path: f.path.join("."),
                      line: f.line,
                      stepId: f.stepId,
                      question: f.fieldName,
                      message: f.message,
                    }))}
                  />
                </>
              ) : null}
            </>
          )}
          <h3>{t("admin.forms.procedure.publishTitle")}</h3>
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button" id="publish-now">
              {t("admin.forms.procedure.publishNow")}
            </button>
          </Form>
          <Form method="post" className="box">
            <fieldset className="fieldset">
              <legend>{t("admin.forms.procedure.scheduleLegend")}</legend>
              <p className="field__hint">{t("admin.forms.schedule.hint")}</p>
              <WhenFields prefix="schedule" />
            </fieldset>
            <input type="hidden" name="intent" value="schedule" />
            <button type="submit" className="button button--secondary">
              {t("admin.forms.procedure.schedule")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="button button--secondary" id="discard">
              {t("admin.forms.procedure.discard")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <p>{t("admin.forms.procedure.noWorkingCopy")}</p>
          {page.versions.length ? (
            <p className="actions">
              <Link to={`/admin/forms/${page.formId}/json`} className="button button--secondary">
                {t("admin.forms.procedure.editJson")}
              </Link>
            </p>
          ) : null}
        </>
      )}

      {page.translations ? (
        <>
          <h2 id="translations-title">{t("admin.forms.procedure.translations.title")}</h2>
          <p>{t(`admin.forms.procedure.translations.of.${page.translations.of}`)}</p>
          <div className="table-scroll" role="region" aria-labelledby="translations-title" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.forms.procedure.translations.language")}</th>
                  <th scope="col">{t("admin.forms.procedure.translations.translated")}</th>
                  <th scope="col">{t("admin.forms.procedure.translations.missing")}</th>
                </tr>
              </thead>
              <tbody>
                {page.translations.languages.map((c) => (
                  <tr key={c.lng}>
                    <th scope="row" lang={c.lng}>
                      {languageName(c.lng)}
                    </th>
                    <td>{t("admin.forms.procedure.translations.count", { translated: c.translated, total: c.total })}</td>
                    <td>
                      {c.missingCount === 0 ? (
                        t("admin.forms.procedure.translations.complete")
                      ) : (
                        <>
                          {t("admin.forms.procedure.translations.missingCount", { count: c.missingCount })}
                          <ul className="plain-list">
                            {c.missing.map((key) => (
                              <li key={key}>
                                <code>{key}</code>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="field__hint">{t("admin.forms.procedure.translations.how")}</p>
        </>
      ) : null}

      <h2 id="versions-title" tabIndex={-1}>
        {t("admin.forms.procedure.versions")}
      </h2>
      <div className="table-scroll" role="region" aria-labelledby="versions-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.forms.procedure.revision")}</th>
              <th scope="col">{t("admin.forms.procedure.origin")}</th>
              <th scope="col">{t("admin.forms.procedure.frozenAt")}</th>
              <th scope="col">{t("admin.forms.procedure.author")}</th>
              <th scope="col">{t("admin.forms.procedure.openDrafts")}</th>
              <th scope="col">{t("admin.forms.procedure.submissions")}</th>
              <th scope="col">{t("admin.forms.procedure.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {page.versions.map((v) => {
              const which = t("admin.forms.revision", { revision: v.revision });
              return (
                <tr key={v.versionId}>
                  <th scope="row">
                    {which}
                    {v.label ? ` ${t("admin.forms.label", { label: v.label })}` : null}
                    {v.live ? (
                      <>
                        {" "}
                        <span className="tag">{t("admin.forms.state.published")}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{t(`admin.forms.origin.${v.origin}`)}</td>
                  <td>{v.frozenAt}</td>
                  <td>{v.author ?? t("admin.forms.byFile")}</td>
                  <td>{v.openDrafts}</td>
                  <td>{v.submissions}</td>
                  <td>
                    <ul className="plain-list">
                      <li>
                        <a href={`/admin/forms/${page.formId}/versions/${v.versionId}.json`} download>
                          {t("admin.forms.procedure.export")}
                          <span className="visually-hidden"> {which}</span>
                        </a>
                      </li>
                      {!v.live ? (
                        <li>
                          <Link to={`/admin/forms/${page.formId}/diff?from=${page.live?.versionId ?? v.versionId}&to=${v.versionId}`}>
                            {t("admin.forms.procedure.diffLive")}
                            <span className="visually-hidden"> {which}</span>
                          </Link>
                        </li>
                      ) : null}
                      {!v.live ? (
                        <li>
                          <Form method="post">
                            <input type="hidden" name="intent" value="publishVersion" />
                            <input type="hidden" name="versionId" value={v.versionId} />
                            <button type="submit" className="link-button">
                              {t("admin.forms.procedure.republish")}
                              <span className="visually-hidden"> {which}</span>
                            </button>
                          </Form>
                        </li>
                      ) : null}
                      {!w ? (
                        <li>
                          <Form method="post">
                            <input type="hidden" name="intent" value="editFrom" />
                            <input type="hidden" name="versionId" value={v.versionId} />
                            <button type="submit" className="link-button">
                              {t("admin.forms.procedure.editFrom")}
                              <span className="visually-hidden"> {which}</span>
                            </button>
                          </Form>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 id="history-title" tabIndex={-1}>
        {t("admin.forms.procedure.history")}
      </h2>
      {page.history.length ? (
        <div className="table-scroll" role="region" aria-labelledby="history-title" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.forms.procedure.effectiveAt")}</th>
                <th scope="col">{t("admin.forms.procedure.change")}</th>
                <th scope="col">{t("admin.forms.procedure.decidedBy")}</th>
                <th scope="col">{t("admin.forms.procedure.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.history.map((h) => (
                <tr key={h.id}>
                  <td>{h.effectiveAt}</td>
                  <td>
                    {h.retirement ? t("admin.forms.procedure.retirement") : t("admin.forms.procedure.publication", { revision: h.revision })}
                    {h.cancelled ? ` ${t("admin.forms.procedure.cancelled")}` : h.pending ? ` ${t("admin.forms.procedure.pending")}` : null}
                  </td>
                  <td>{h.by ?? t("admin.forms.byFile")}</td>
                  <td>
                    {h.pending ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="publicationId" value={h.id} />
                        <button type="submit" className="link-button">
                          {t("admin.forms.procedure.cancel")}
                          <span className="visually-hidden"> {h.effectiveAt}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("admin.forms.procedure.noHistory")}</p>
      )}

      {page.state === "published" ? (
        <>
          <h2>{t("admin.forms.retire.title")}</h2>
          <p>{t("admin.forms.retire.intro")}</p>
          <p>
            <Link to={`/admin/forms/${page.formId}/retire`}>{t("admin.forms.retire.link")}</Link>
          </p>
        </>
      ) : null}

      <h2 id="audit-title">{t("admin.forms.audit.title")}</h2>
      {page.audit.length ? (
        <div className="table-scroll" role="region" aria-labelledby="audit-title" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.forms.audit.at")}</th>
                <th scope="col">{t("admin.forms.audit.by")}</th>
                <th scope="col">{t("admin.forms.audit.what")}</th>
                <th scope="col">{t("admin.forms.audit.version")}</th>
              </tr>
            </thead>
            <tbody>
              {page.audit.map((a) => (
                <tr key={a.id}>
                  <td>{a.at}</td>
                  <td>{a.by ?? t("admin.forms.byFile")}</td>
                  <td>
                    {t(`admin.forms.audit.actions.${a.action}`, { defaultValue: a.action })}
                    {a.effectiveAt ? ` ${t("admin.forms.audit.effective", { at: a.effectiveAt })}` : null}
                  </td>
                  <td>{a.revision !== null ? t("admin.forms.revision", { revision: a.revision }) : t("admin.forms.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("admin.forms.audit.none")}</p>
      )}
    </>
  );
}

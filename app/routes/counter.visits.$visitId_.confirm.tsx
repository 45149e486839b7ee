import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { askCorrection, confirmationOf, confirmVisit, submitVisit } from "../counter/visit-submit.server";
import { visitProgress } from "../counter/visit-work.server";
import { formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { CounterVisitNav } from "../ui/counter-visit-nav";
import { ErrorSummary, type SummaryError } from "../ui/error-summary";
import { SignaturePad } from "../ui/signature-pad";
import type { SummaryRow } from "../form-engine/summary";

const notFound = () => new Response("Not Found", { status: 404 });

async function view(request: Request, visitId: string, errors: SummaryError[] = []) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  const found = confirmationOf({ role: principal.role, id: principal.staff.id }, visitId, lng, t);
  if (!found) throw notFound();
  return {
    title: pageTitle(t, t("counter.confirm.title"), { error: errors.length > 0 }),
    visitId,
    procedures: found.procedures,
    complete: found.complete,
    confirmedAtText: found.confirmedAt ? formatDateTime(found.confirmedAt, lng) : null,
    signed: Boolean(found.signature),
    submitted: Boolean(found.submittedAt),
    receipts: found.receipts,
    progress: visitProgress(found.visit, lng),
    errors,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.visitId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireStaff(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const visitId = params.visitId!;
  const form = await request.formData();
  const intent = form.get("intent");
  const { t, lng } = await getLocaleT(request);
  const here = `/counter/visits/${visitId}/confirm`;
  if (intent === "correct") {
    const result = askCorrection(clerk, visitId, { formId: form.get("formId"), field: form.get("field") });
    if (!result.ok) throw result.problem === "notFound" ? notFound() : redirect(here);
    throw redirect(`/counter/visits/${visitId}/procedures/${result.formId}?fix=${encodeURIComponent(result.field)}#${result.field}-field`);
  }
  if (intent === "confirm") {
    const result = confirmVisit(clerk, visitId, { signature: form.get("signature") });
    if (result.ok) throw redirect(`${here}#submit`);
    if (result.problem === "notFound") throw notFound();
    return data(await view(request, visitId, [{ target: "confirm", message: t(`counter.confirm.problem.${result.problem}`) }]), { status: 400 });
  }
  if (intent === "submit") {
    const result = submitVisit(clerk, visitId, lng);
    if (result.ok) throw redirect(`${here}#receipts`);
    if (result.problem === "notFound") throw notFound();
    return data(await view(request, visitId, [{ target: "submit", message: t(`counter.confirm.problem.${result.problem}`) }]), { status: 400 });
  }
  throw new Response("Bad Request", { status: 400 });
}

/** An answer and where it came from, in words the resident knows (住民記録 / 転出証明書情報 / 窓口で聞き取り). */
function Source({ row }: { row: SummaryRow }) {
  const { t } = useTranslation();
  if (row.items) return null;
  return <span className="tag tag--source">{row.source ? (row.source.label ?? t(row.source.sourceKey)) : t("counter.confirm.heard")}</span>;
}

export default function CounterConfirm() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useTranslation();
  const editable = !page.submitted;
  const correctButton = (formId: string, field: string, label: string) =>
    editable ? (
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="field" value={field} />
        <button type="submit" className="button button--secondary button--small">
          {t("counter.confirm.correct")}
          <span className="visually-hidden">{t("counter.confirm.correctWhat", { label })}</span>
        </button>
      </Form>
    ) : null;
  return (
    <div className="counter-work">
      <CounterVisitNav visitId={page.visitId} progress={page.progress} confirmed={Boolean(page.confirmedAtText)} submitted={page.submitted} />
      <div className="counter-work__main counter-work__main--wide">
        <ErrorSummary errors={page.errors} />
        <p>
          <Link to={`/counter/visits/${page.visitId}`}>{t("counter.work.backToVisit")}</Link>
        </p>
        <div className="confirm-view" lang="ja">
          <h1>{t("counter.confirm.title")}</h1>
          <p className="lead">{t("counter.confirm.lead")}</p>
          {page.procedures.map((p) => (
            <section key={p.formId} aria-labelledby={`confirm-${p.formId}`} className="confirm-view__procedure">
              <h2 id={`confirm-${p.formId}`}>{p.title}</h2>
              {p.sections.map((section) => (
                <section key={section.stepId} aria-label={`${p.title} ${section.title}`}>
                  <h3>{section.title}</h3>
                  <dl className="summary-list">
                    {section.rows.map((row) => (
                      <div className="summary-list__row" key={row.field}>
                        <dt>{row.label}</dt>
                        <dd>
                          {row.items ? (
                            row.items.map((item) => (
                              <div key={item.index} className="summary-list__item">
                                <p className="summary-list__item-title">{item.label}</p>
                                <ul className="plain-list">
                                  {item.rows.map((r) => (
                                    <li key={r.field}>
                                      {r.label}：{r.value}
                                    </li>
                                  ))}
                                </ul>
                              </div>
                            ))
                          ) : (
                            <span className={row.answered ? "pre-line" : "muted"}>{row.value}</span>
                          )}{" "}
                          {row.items ? (
                            <span className="tag tag--source">{row.source ? t(row.source.sourceKey) : t("counter.confirm.heard")}</span>
                          ) : (
                            <Source row={row} />
                          )}
                          {correctButton(p.formId, row.field, row.label)}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </section>
          ))}
        </div>

        {page.submitted ? (
          <section aria-labelledby="receipts" className="box">
            <h2 id="receipts" tabIndex={-1}>
              {t("counter.confirm.receiptsTitle")}
            </h2>
            <ul>
              {page.receipts.map((r) => (
                <li key={r.id}>
                  {page.procedures.find((p) => p.formId === r.formId)?.title}：{t("counter.confirm.receipt", { receipt: r.receiptNumber })}
                </li>
              ))}
            </ul>
            <p>
              <a href={`/counter/visits/${page.visitId}/pdf`} download>
                {t("counter.confirm.pdf")}
              </a>
            </p>
          </section>
        ) : page.confirmedAtText ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="submit" />
            <h2 id="submit" tabIndex={-1}>
              {t("counter.confirm.submitTitle")}
            </h2>
            <p role="status">{t(page.signed ? "counter.confirm.confirmedSigned" : "counter.confirm.confirmed", { at: page.confirmedAtText })}</p>
            <p className="actions">
              <button type="submit" className="button" id="submit-button">
                {t("counter.confirm.submit", { count: page.procedures.length })}
              </button>
            </p>
          </Form>
        ) : page.complete ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <h2 id="confirm">{t("counter.confirm.confirmTitle")}</h2>
            <SignaturePad />
            <p className="actions">
              <button type="submit" className="button">
                {t("counter.confirm.confirm")}
              </button>
            </p>
          </Form>
        ) : (
          <p className="notice">{t("counter.confirm.incomplete")}</p>
        )}
      </div>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { keepReadings, withRuby } from "../i18n/ruby";
import { textLanguage } from "../i18n/text-language";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { askCorrection, confirmationOf, confirmVisit, residentLanguageOf, setResidentLanguage, submitVisit } from "../counter/visit-submit.server";
import { clerkVisit, visitProgress } from "../counter/visit-work.server";
import { languages } from "../i18n/languages.server";
import { formatDateTime } from "../i18n/dates";
import { getFixedT, getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { CounterVisitNav } from "../ui/counter-visit-nav";
import { ErrorSummary, type SummaryError } from "../ui/error-summary";
import { SignaturePad } from "../ui/signature-pad";
import { readFormBody } from "../security/form-body.server";

const notFound = () => new Response("Not Found", { status: 404 });

/** The words of the resident's part of the page, in the resident's language (not the clerk's). */
const RESIDENT_KEYS = [
  "title",
  "lead",
  "heard",
  "correct",
  "correctWhat",
  "confirmTitle",
  "confirm",
  "signPaper",
  "signHint",
  "signArea",
  "signed",
  "signClear",
] as const;

async function view(request: Request, visitId: string, errors: SummaryError[] = []) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const visit = clerkVisit(clerk, visitId);
  if (!visit) throw notFound();
  const residentLng = residentLanguageOf(visit);
  const rt = await getFixedT(residentLng);
  const found = confirmationOf(clerk, visitId, residentLng, rt);
  if (!found) throw notFound();
  const sourceTexts = Object.fromEntries(
    found.procedures.flatMap((p) =>
      p.sections.flatMap((s) =>
        s.rows.map((r) => [`${p.formId}.${r.field}`, r.source ? (r.source.label ?? rt(r.source.sourceKey)) : rt("counter.confirm.heard")]),
      ),
    ),
  );
  return {
    resident: {
      lng: residentLng,
      // With their ふりがな (やさしい日本語), which the view renders as <ruby>.
      texts: Object.fromEntries(RESIDENT_KEYS.map((k) => [`counter.confirm.${k}`, rt(`counter.confirm.${k}`, { label: "{{label}}", ...keepReadings })])),
      sourceTexts,
      languages: languages().map((l) => ({ lng: l.code, name: l.name })),
    },
    title: pageTitle(t, t("counter.confirm.title"), { error: errors.length > 0 }),
    visitId,
    procedures: found.procedures,
    shown: found.shown,
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
  const form = await readFormBody(request);
  const intent = form.get("intent");
  const { t } = await getLocaleT(request);
  const here = `/counter/visits/${visitId}/confirm`;
  if (intent === "language") {
    const result = setResidentLanguage(clerk, visitId, form.get("lng"));
    if (!result.ok && result.problem === "notFound") throw notFound();
    throw redirect(here);
  }
  if (intent === "correct") {
    const result = askCorrection(clerk, visitId, { formId: form.get("formId"), field: form.get("field") });
    if (!result.ok) throw result.problem === "notFound" ? notFound() : redirect(here);
    throw redirect(`/counter/visits/${visitId}/procedures/${result.formId}?fix=${encodeURIComponent(result.field)}#${result.field}-field`);
  }
  if (intent === "confirm") {
    const result = confirmVisit(clerk, visitId, { signature: form.get("signature"), shown: form.get("shown") });
    if (result.ok) throw redirect(`${here}#submit`);
    if (result.problem === "notFound") throw notFound();
    return data(await view(request, visitId, [{ target: "confirm", message: t(`counter.confirm.problem.${result.problem}`) }]), { status: 400 });
  }
  if (intent === "submit") {
    const result = submitVisit(clerk, visitId);
    if (result.ok) throw redirect(`${here}#receipts`);
    if (result.problem === "notFound") throw notFound();
    return data(await view(request, visitId, [{ target: "submit", message: t(`counter.confirm.problem.${result.problem}`) }]), { status: 400 });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function CounterConfirm() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useTranslation();
  // The resident's part of the page speaks the resident's language; the clerk's part, the clerk's.
  const say = (key: string, params: { label?: string } = {}) => withRuby((page.resident.texts[key] ?? String(t(key))).replace("{{label}}", params.label ?? ""));
  // The resident's answers in Japanese (addresses, names in kanji) in a view in another language say so.
  const ja = (text: string) => textLanguage(text, page.resident.lng);
  const editable = !page.submitted;
  const correctButton = (formId: string, field: string, label: string) =>
    editable ? (
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="field" value={field} />
        <button type="submit" className="button button--secondary button--small">
          {say("counter.confirm.correct")}
          <span className="visually-hidden">{say("counter.confirm.correctWhat", { label })}</span>
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
        <Form method="post" className="confirm-language" aria-label={t("counter.confirm.languageLabel")}>
          <input type="hidden" name="intent" value="language" />
          <span className="confirm-language__label" aria-hidden="true">
            {t("counter.confirm.languageLabel")}
          </span>
          {page.resident.languages.map((l) => (
            <button
              key={l.lng}
              type="submit"
              name="lng"
              value={l.lng}
              lang={l.lng}
              className="button button--secondary button--small"
              aria-current={l.lng === page.resident.lng ? "true" : undefined}
            >
              {l.name}
            </button>
          ))}
        </Form>
        <div className="confirm-view" lang={page.resident.lng}>
          <h1>{say("counter.confirm.title")}</h1>
          <p className="lead">{say("counter.confirm.lead")}</p>
          {page.procedures.map((p) => (
            <section key={p.formId} aria-labelledby={`confirm-${p.formId}`} className="confirm-view__procedure">
              <h2 id={`confirm-${p.formId}`}>{p.title}</h2>
              {p.sections.map((section) => (
                <section key={section.stepId} aria-label={`${p.title} ${section.title}`}>
                  <h3>{section.title}</h3>
                  <dl className="summary-list">
                    {section.rows.map((row) => (
                      <div className="summary-list__row" key={row.field}>
                        <dt lang={ja(row.label)}>{row.label}</dt>
                        <dd>
                          {row.items ? (
                            row.items.map((item) => (
                              <div key={item.index} className="summary-list__item">
                                <p className="summary-list__item-title" lang={ja(item.label)}>
                                  {item.label}
                                </p>
                                <ul className="plain-list">
                                  {item.rows.map((r) => (
                                    <li key={r.field}>
                                      <span lang={ja(r.label)}>{r.label}</span>：<span lang={ja(r.value)}>{r.value}</span>
                                    </li>
                                  ))}
                                </ul>
                              </div>
                            ))
                          ) : (
                            <span className={row.answered ? "pre-line" : "muted"} lang={ja(row.value)}>
                              {row.value}
                            </span>
                          )}{" "}
                          <span className="tag tag--source">{page.resident.sourceTexts[`${p.formId}.${row.field}`]}</span>
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
            <input type="hidden" name="shown" value={page.shown} />
            <div lang={page.resident.lng}>
              <h2 id="confirm">{say("counter.confirm.confirmTitle")}</h2>
              <SignaturePad say={say} />
              <p className="actions">
                <button type="submit" className="button">
                  {say("counter.confirm.confirm")}
                </button>
              </p>
            </div>
          </Form>
        ) : (
          <p className="notice">{t("counter.confirm.incomplete")}</p>
        )}
      </div>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { chooseProcedures, clerkVisit, recordInterview, visitWork } from "../counter/visit-work.server";
import { finishVisit, openVisit } from "../counter/visits.server";
import { formatDate, formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { CounterVisitNav } from "../ui/counter-visit-nav";
import { HouseholdLine } from "../ui/counter-household";
import { ErrorSummary, type SummaryError } from "../ui/error-summary";
import { Fieldset } from "../ui/field";
import { readFormBody } from "../security/form-body.server";
import { lifeEventChoices, lifeEvents } from "../procedures/life-events.server";
import { LocalizedText } from "../ui/localized-text";

const notFound = () => new Response("Not Found", { status: 404 });

async function view(request: Request, visitId: string, errors: SummaryError[] = []) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const found = openVisit(clerk, visitId, lng);
  const row = found ? clerkVisit(clerk, visitId) : null;
  if (!found || !row) throw notFound();
  const { visit } = found;
  const name = visit.person?.name ?? t("counter.visits.personGone");
  return {
    title: pageTitle(t, t("counter.visit.title", { name }), { error: errors.length > 0 }),
    name,
    visit: {
      ...visit,
      startedAtText: formatDateTime(visit.startedAt, lng),
      closedAtText: visit.closedAt ? formatDateTime(visit.closedAt, lng) : null,
      birthDateText: visit.person ? formatDate(visit.person.birthDate, lng) : null,
    },
    work: visitWork(row, lng),
    lifeEvents: lifeEventChoices(lng),
    errors,
    done: new URL(request.url).searchParams.get("done") === "finished",
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.visitId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireStaff(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const visitId = params.visitId!;
  const form = await readFormBody(request);
  const intent = form.get("intent");
  if (intent === "finish") {
    if (!finishVisit(clerk, visitId).ok) throw notFound();
    throw redirect(`/counter/visits/${visitId}?done=finished`);
  }
  const { t } = await getLocaleT(request);
  if (intent === "interview") {
    const result = recordInterview(clerk, visitId, { lifeEvent: form.get("lifeEvent"), employeeInsurance: form.get("employeeInsurance") });
    if (result.ok) throw redirect(`/counter/visits/${visitId}#proposals`);
    if (result.problem === "notFound") throw notFound();
    if (result.problem === "closed") throw redirect(`/counter/visits/${visitId}`);
    return data(await view(request, visitId, [{ target: `lifeEvent-${lifeEvents()[0]!.id}`, message: t("counter.work.problem.lifeEventRequired") }]), {
      status: 400,
    });
  }
  if (intent === "choose") {
    const result = chooseProcedures(clerk, visitId, form.getAll("forms"));
    if (result.ok) throw redirect(`/counter/visits/${visitId}/procedures/${result.first}`);
    if (result.problem === "notFound") throw notFound();
    if (result.problem === "closed") throw redirect(`/counter/visits/${visitId}`);
    return data(await view(request, visitId, [{ target: "proposals-first", message: t("counter.work.problem.noneChosen") }]), { status: 400 });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function CounterVisit() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useTranslation();
  const v = page.visit;
  const p = v.person;
  const w = page.work;
  const open = v.status === "open";
  const errorOf = (target: string) => page.errors.find((e) => e.target.startsWith(target))?.message;
  return (
    <div className="counter-work">
      {w.chosen.length > 0 ? (
        <CounterVisitNav visitId={v.id} progress={w.progress} confirmed={Boolean(w.confirmedAt)} submitted={Boolean(w.submittedAt)} />
      ) : null}
      <div className="counter-work__main">
        <ErrorSummary errors={page.errors} />
        <p>
          <Link to="/counter">{t("counter.backToSearch")}</Link>
        </p>
        {page.done ? (
          <div className="notice" role="status">
            <p>{t("counter.visit.finishedNotice")}</p>
          </div>
        ) : null}
        <h1>{t("counter.visit.title", { name: page.name })}</h1>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t("counter.visits.status")}</dt>
            <dd>
              {open ? t("counter.visit.status.open") : t(`counter.visit.status.${v.closeReason === "idle" ? "idle" : "finished"}`, { at: v.closedAtText })}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t("counter.visits.startedAt")}</dt>
            <dd>{v.startedAtText}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t("counter.identity.method")}</dt>
            <dd>
              {t(`counter.identity.${v.identityCheck}`)}
              {v.identityNote ? `（${v.identityNote}）` : null}
            </dd>
          </div>
          {p ? (
            <>
              <div className="summary-list__row">
                <dt>{t("counter.person.kana")}</dt>
                <dd>{p.kana}</dd>
              </div>
              <div className="summary-list__row">
                <dt>{t("counter.person.birthDate")}</dt>
                <dd>{t("counter.bornAge", { date: v.birthDateText, count: p.age })}</dd>
              </div>
              <div className="summary-list__row">
                <dt>{t("counter.person.address")}</dt>
                <dd>{p.address}</dd>
              </div>
              <div className="summary-list__row">
                <dt>{t("counter.person.household")}</dt>
                <dd>
                  <HouseholdLine members={p.household} current={p.id} />
                </dd>
              </div>
            </>
          ) : null}
        </dl>

        {w.online.length > 0 ? (
          <section aria-labelledby="online-title">
            <h2 id="online-title">{t("counter.work.onlineTitle")}</h2>
            <p>{t("counter.work.onlineHint")}</p>
            <ul>
              {w.online.map((o) => (
                <li key={o.id}>
                  <Link to={`/staff/submissions/${o.id}`}>{o.receiptNumber}</Link>{" "}
                  {t("counter.work.onlineItem", { title: o.title, status: t(`status.${o.status}`), submittedAt: o.submittedAt })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {open && !w.submittedAt ? (
          <>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="interview" />
              <h2>{t("counter.work.interviewTitle")}</h2>
              <Fieldset id="lifeEvent" label={t("counter.work.lifeEvent")} error={errorOf("lifeEvent")} required t={t}>
                <div className="choices choices--inline">
                  {[...page.lifeEvents, { id: "none", name: null }].map(({ id: event, name }, i) => (
                    <div className="choice" key={event}>
                      <input
                        className="choice__input"
                        type="radio"
                        id={`lifeEvent-${event}`}
                        name="lifeEvent"
                        value={event}
                        defaultChecked={w.lifeEvent === event}
                        autoFocus={i === 0 && !w.lifeEvent && page.errors.length === 0}
                      />
                      <label htmlFor={`lifeEvent-${event}`} className="choice__label">
                        {name ? <LocalizedText value={name} /> : t("counter.lifeEvent.none")}
                      </label>
                    </div>
                  ))}
                </div>
              </Fieldset>
              <Fieldset
                id="employeeInsurance"
                label={t("counter.work.employeeInsurance")}
                hint={t("counter.work.employeeInsuranceHint")}
                required={false}
                t={t}
              >
                <div className="choices choices--inline">
                  {(["yes", "no", ""] as const).map((value) => (
                    <div className="choice" key={value || "unknown"}>
                      <input
                        className="choice__input"
                        type="radio"
                        id={`employeeInsurance-${value || "unknown"}`}
                        name="employeeInsurance"
                        value={value}
                        defaultChecked={(w.employeeInsurance ?? "") === value}
                      />
                      <label htmlFor={`employeeInsurance-${value || "unknown"}`} className="choice__label">
                        {t(`counter.work.insurance.${value || "unknown"}`)}
                      </label>
                    </div>
                  ))}
                </div>
              </Fieldset>
              <p className="actions">
                <button type="submit" className="button button--secondary">
                  {t("counter.work.propose")}
                </button>
              </p>
            </Form>

            {w.lifeEvent ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="choose" />
                <h2 id="proposals" tabIndex={-1}>
                  {t("counter.work.proposalsTitle")}
                </h2>
                <Fieldset
                  id="proposals"
                  label={t("counter.work.proposalsLegend")}
                  hint={t("counter.work.proposalsHint")}
                  error={errorOf("proposals")}
                  required
                  t={t}
                >
                  <div className="choices">
                    {w.proposals.map((proposal, i) => {
                      const id = i === 0 ? "proposals-first" : `proposals-${proposal.formId}`;
                      const ticked = w.chosen.length > 0 ? w.chosen.includes(proposal.formId) : proposal.reason !== null;
                      return (
                        <div className="choice" key={proposal.formId}>
                          <input
                            className="choice__input"
                            type="checkbox"
                            id={id}
                            name="forms"
                            value={proposal.formId}
                            defaultChecked={ticked}
                            aria-describedby={proposal.reason || proposal.appliedOnline ? `${id}-reason` : undefined}
                          />
                          <label htmlFor={id} className="choice__label">
                            {proposal.title}
                          </label>
                          {proposal.reason ? (
                            <p className="choice__hint" id={`${id}-reason`}>
                              {t("counter.work.reason", { reason: proposal.reason })}
                            </p>
                          ) : null}
                          {proposal.appliedOnline ? (
                            <p className="choice__hint" id={`${id}-reason`}>
                              {t("counter.work.appliedOnline", { receipt: proposal.appliedOnline })}
                            </p>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </Fieldset>
                <p className="actions">
                  <button type="submit" className="button">
                    {t("counter.work.start")}
                  </button>
                </p>
              </Form>
            ) : null}
          </>
        ) : null}

        {open ? (
          <Form method="post">
            <input type="hidden" name="intent" value="finish" />
            <p className="actions">
              <button type="submit" className="button button--secondary">
                {t("counter.visit.finish")}
              </button>
            </p>
          </Form>
        ) : null}
      </div>
    </div>
  );
}

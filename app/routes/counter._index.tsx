import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { recentVisits, searchAtCounter } from "../counter/visits.server";
import { formatDate, formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { HouseholdLine } from "../ui/counter-household";
import { ErrorSummary } from "../ui/error-summary";
import { Field } from "../ui/field";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const { t, lng } = await getLocaleT(request);
  const q = new URL(request.url).searchParams.get("q");
  // No q: the page as the clerk arrives. An empty q: the search button was pressed with nothing typed.
  const outcome = q === null ? null : searchAtCounter(clerk, q);
  const problems = outcome?.problem === "empty" ? [{ target: "q", message: t("counter.search.problem.empty") }] : [];
  return {
    title: pageTitle(t, t("counter.title"), { error: problems.length > 0 }),
    q: q ?? "",
    problems,
    results:
      outcome && !outcome.problem
        ? outcome.results.map((p) => ({ ...p, birthDateText: formatDate(p.birthDate, lng), kindLabel: t(`counter.kind.${p.kind}`) }))
        : null,
    visits: recentVisits(clerk).map((v) => ({
      ...v,
      startedAtText: formatDateTime(v.startedAt, lng),
      closedAtText: v.closedAt ? formatDateTime(v.closedAt, lng) : null,
    })),
  };
}

export default function CounterSearch() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const error = page.problems[0]?.message;
  return (
    <>
      <ErrorSummary errors={page.problems} />
      <h1>{t("counter.title")}</h1>
      <Form method="get" role="search" aria-label={t("counter.search.label")} className="counter-search">
        <Field id="q" label={t("counter.search.label")} hint={t("counter.search.hint")} error={error} t={t}>
          <input
            className="input"
            id="q"
            name="q"
            type="search"
            defaultValue={page.q}
            // The clerk arrives to search: the box has focus at once (unless an error summary needs it first).
            autoFocus={!error}
            autoComplete="off"
            aria-describedby={["q-hint", error ? "q-error" : null].filter(Boolean).join(" ")}
            aria-invalid={error ? true : undefined}
          />
        </Field>
        <p className="actions">
          <button type="submit" className="button">
            {t("counter.search.submit")}
          </button>
        </p>
      </Form>

      {page.results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {t("counter.search.results", { count: page.results.length })}
          </h2>
          {page.results.length === 0 ? (
            <p>{t("counter.search.none")}</p>
          ) : (
            <ol className="counter-results">
              {page.results.map((p) => (
                <li key={`${p.kind}-${p.id}`} className="counter-results__item">
                  <p className="counter-results__name">
                    <Link to={`/counter/people/${p.kind}/${p.id}`}>
                      {p.name}（{p.kana}）
                    </Link>{" "}
                    <span className="tag">{p.kindLabel}</span>
                  </p>
                  <p className="counter-results__meta">
                    {t("counter.bornAge", { date: p.birthDateText, count: p.age })} ・ {p.address}
                  </p>
                  <HouseholdLine members={p.household} current={p.id} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      <section aria-labelledby="visits-title">
        <h2 id="visits-title">{t("counter.visits.title")}</h2>
        {page.visits.length === 0 ? (
          <p>{t("counter.visits.none")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="visits-title" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("counter.visits.person")}</th>
                  <th scope="col">{t("counter.visits.startedAt")}</th>
                  <th scope="col">{t("counter.visits.status")}</th>
                </tr>
              </thead>
              <tbody>
                {page.visits.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <Link to={`/counter/visits/${v.id}`}>{v.person?.name ?? t("counter.visits.personGone")}</Link>
                    </td>
                    <td>{v.startedAtText}</td>
                    <td>
                      {v.status === "open"
                        ? t("counter.visit.status.open")
                        : t(`counter.visit.status.${v.closeReason === "idle" ? "idle" : "finished"}`, { at: v.closedAtText })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

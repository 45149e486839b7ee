import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { listQueue, parseQueueFilter, statusCounts, withCaseFacts, withDuplicateMarks, type QueueFilter } from "../backoffice/queue.server";
import { SUBMISSION_STATUSES } from "../cases/statuses";
import { localizeText } from "../form-engine/localized";
import { listLiveForms } from "../procedures/store.server";
import { formatDate, formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { Field } from "../ui/field";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  const url = new URL(request.url);
  const { filter, problems } = parseQueueFilter(url.searchParams);
  const page = listQueue(filter, principal.staff.id);
  const forms = listLiveForms().map((f) => ({ id: f.formId, title: localizeText(f.definition.title, lng) }));
  const titles = Object.fromEntries(forms.map((f) => [f.id, f.title]));
  return {
    title: pageTitle(t, t("staff.title"), { error: problems.length > 0 }),
    filter,
    problems: problems.map((p) => ({ target: p === "to" ? "to" : "from", message: t(`staff.queue.problem.${p}`) })),
    forms,
    counts: statusCounts(filter.form),
    rows: withCaseFacts(withDuplicateMarks(page.rows)).map((r) => ({
      ...r,
      formTitle: titles[r.formId] ?? r.formId,
      submittedAt: formatDateTime(r.submittedAt, "ja"),
      dueDate: formatDate(r.dueDate, "ja"),
    })),
    next: page.next,
    previous: page.previous,
    query: url.search,
  };
}

/** The current filters as a query string, with some changed (a status link, a page cursor). */
function withFilter(filter: QueueFilter, changes: Partial<Record<keyof QueueFilter, string | undefined>>) {
  const merged: Record<string, string | undefined> = { ...filter, after: undefined, before: undefined, ...changes };
  if (merged.sort === "newest") merged.sort = undefined;
  const params = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
  const s = params.toString();
  return s ? `?${s}` : "?";
}

export default function StaffQueue() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = page.filter;
  return (
    <>
      <ErrorSummary errors={page.problems} />
      <h1>{t("staff.title")}</h1>
      <p>
        <Link to="/staff/account">{t("staffAccount.link")}</Link>
      </p>
      <nav aria-label={t("staff.queue.countsLabel")} className="wide">
        <ul className="status-counts">
          <li>
            <Link to={withFilter(f, { status: undefined })} aria-current={!f.status ? "page" : undefined}>
              {t("staff.queue.allStatuses")}
            </Link>
          </li>
          {SUBMISSION_STATUSES.map((s) => (
            <li key={s}>
              <Link to={withFilter(f, { status: s })} aria-current={f.status === s ? "page" : undefined}>
                {t(`status.${s}`)} <span className="status-counts__n">{t("staff.queue.count", { count: page.counts[s] })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="filters filters--compact wide" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("staff.queue.filtersTitle")}
        </h2>
        <div className="filters__grid">
          <Field id="q" label={t("staff.queue.search")} hint={t("staff.queue.searchHint")}>
            <input className="input" id="q" name="q" type="search" defaultValue={f.q ?? ""} aria-describedby="q-hint" />
          </Field>
          <Field id="form" label={t("staff.queue.procedure")}>
            <select className="input select" id="form" name="form" defaultValue={f.form ?? ""}>
              <option value="">{t("staff.queue.any")}</option>
              {page.forms.map((form) => (
                <option key={form.id} value={form.id}>
                  {form.title}
                </option>
              ))}
            </select>
          </Field>
          <Field id="status" label={t("staff.queue.status")}>
            <select className="input select" id="status" name="status" defaultValue={f.status ?? ""}>
              <option value="">{t("staff.queue.any")}</option>
              {SUBMISSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="assignee" label={t("staff.queue.assignee")}>
            <select className="input select" id="assignee" name="assignee" defaultValue={f.assignee ?? ""}>
              <option value="">{t("staff.queue.any")}</option>
              <option value="me">{t("staff.queue.assignedToMe")}</option>
              <option value="unassigned">{t("staff.queue.unassigned")}</option>
            </select>
          </Field>
          <Field id="channel" label={t("staff.queue.channel")}>
            <select className="input select" id="channel" name="channel" defaultValue={f.channel ?? ""}>
              <option value="">{t("staff.queue.any")}</option>
              <option value="online">{t("staff.queue.channels.online")}</option>
              <option value="counter">{t("staff.queue.channels.counter")}</option>
            </select>
          </Field>
          <Field id="from" label={t("staff.queue.from")}>
            <input className="input" id="from" name="from" type="date" defaultValue={f.from ?? ""} />
          </Field>
          <Field id="to" label={t("staff.queue.to")}>
            <input className="input" id="to" name="to" type="date" defaultValue={f.to ?? ""} />
          </Field>
          <Field id="sort" label={t("staff.queue.sort")}>
            <select className="input select" id="sort" name="sort" defaultValue={f.sort}>
              <option value="newest">{t("staff.queue.newest")}</option>
              <option value="oldest">{t("staff.queue.oldest")}</option>
            </select>
          </Field>
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t("staff.queue.apply")}
          </button>
          <Link to="/staff">{t("staff.queue.clear")}</Link>
        </p>
      </Form>

      <p className="actions wide">
        {f.form ? (
          <a href={`/staff/export${withFilter(f, {})}`} download>
            {t("staff.queue.csv")}
          </a>
        ) : (
          <span className="muted">{t("staff.queue.csvNeedsProcedure")}</span>
        )}
      </p>

      {page.rows.length === 0 ? (
        <section className="empty-state" aria-labelledby="queue-empty">
          <h2 id="queue-empty">{t(page.query ? "staff.queue.noMatch" : "staff.empty.title")}</h2>
          <p>{t(page.query ? "staff.queue.noMatchBody" : "staff.empty.body")}</p>
        </section>
      ) : (
        <Form method="post" action="/staff/print" reloadDocument className="wide">
          <div className="table-scroll" role="region" aria-labelledby="queue-title" tabIndex={0}>
            <table className="table table--queue table--dense">
              <caption id="queue-title">{t("staff.queue.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("staff.queue.select")}</span>
                  </th>
                  <th scope="col">{t("staff.queue.receipt")}</th>
                  <th scope="col">{t("staff.queue.subject")}</th>
                  <th scope="col">{t("staff.queue.procedure")}</th>
                  <th scope="col">{t("staff.queue.submittedAt")}</th>
                  <th scope="col">{t("staff.queue.elapsed")}</th>
                  <th scope="col">{t("staff.queue.due")}</th>
                  <th scope="col">{t("staff.queue.status")}</th>
                  <th scope="col">{t("staff.queue.assignee")}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="id"
                        value={r.id}
                        id={`select-${r.id}`}
                        className="table__check"
                        aria-label={t("staff.queue.selectRow", { receipt: r.receiptNumber })}
                      />
                    </td>
                    <td>
                      {/* The queue's filters go along, so 受付一覧へ戻る and 次の申請 keep them. */}
                      <Link to={`/staff/submissions/${r.id}${page.query}`}>{r.receiptNumber}</Link>
                    </td>
                    <td className="table__wrap">
                      {r.subjectName ?? t("staff.queue.noName")}
                      {r.possibleDuplicate ? <span className="tag tag--duplicate">{t("staff.queue.duplicate")}</span> : null}
                      {r.resubmitted ? <span className="tag tag--resubmitted">{t("staff.queue.resubmitted")}</span> : null}
                      {r.hasFiles ? <span className="tag">{t("staff.queue.files")}</span> : null}
                      {r.channel === "counter" ? (
                        <span className="tag tag--counter">{t("staff.queue.enteredAtCounter", { clerk: r.enteredByName ?? "" })}</span>
                      ) : null}
                    </td>
                    <td className="table__wrap">{r.formTitle}</td>
                    <td>{r.submittedAt}</td>
                    <td className="table__number">{t("staff.queue.days", { count: r.elapsedDays })}</td>
                    <td>
                      {r.dueDate}
                      {r.overdue ? <span className="tag tag--overdue">{t("staff.queue.overdue")}</span> : null}
                    </td>
                    <td>{t(`status.${r.status}`)}</td>
                    <td>{r.assigneeName ?? t("staff.queue.unassigned")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" className="button button--secondary">
            {t("staff.queue.printSelected")}
          </button>
        </Form>
      )}
      {page.previous || page.next ? (
        <nav aria-label={t("staff.queue.pages")} className="pagination">
          {page.previous ? <Link to={withFilter(f, { before: page.previous })}>{t("staff.queue.previous")}</Link> : null}
          {page.next ? <Link to={withFilter(f, { after: page.next })}>{t("staff.queue.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

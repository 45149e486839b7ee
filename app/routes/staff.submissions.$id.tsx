import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { staffSubmissionPage } from "../backoffice/detail.server";
import { parseQueueFilter, queueNeighbours, queueQuery } from "../backoffice/queue.server";
import { MESSAGE_REQUIRED } from "../cases/statuses";
import { applyStaffCommand, type StaffActor, type StaffCommand } from "../cases/workflow.server";
import type { SummaryRow } from "../form-engine/summary";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { Field } from "../ui/field";
import { SummaryAnswers } from "../ui/summary-answers";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, id: string, errors: { target: string; message: string }[] = []) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  // The queue's filters came along in the query string: back to the same list, and its previous and next case.
  const params = new URL(request.url).searchParams;
  const allAudit = params.get("audit") === "all";
  const page = staffSubmissionPage(id, actorOf(principal), lng, t, { allAudit });
  if (!page) throw new Response("Not Found", { status: 404 });
  const query = queueQuery(params);
  const neighbours = queueNeighbours(parseQueueFilter(params).filter, principal.staff.id, id);
  return {
    ...page,
    allAudit,
    query,
    neighbours,
    title: pageTitle(t, `${page.receiptNumber} – ${page.formTitle}`, { error: errors.length > 0 }),
    errors,
    id,
    me: principal.staff.id,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.id!);

function parseCommand(form: FormData): StaffCommand | null {
  const text = (name: string) => String(form.get(name) ?? "");
  const intent = text("intent");
  if (intent === "status") return { intent, expected: text("expected"), to: text("to"), message: text("message").slice(0, 2000) };
  if (intent === "assign") return { intent, assignee: text("assignee") };
  if (intent === "note") return { intent, note: text("note").slice(0, 2000) };
  return null;
}

const PROBLEM_TARGET = { status: "to", assign: "assignee", note: "note" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id!;
  const principal = await requireStaff(request);
  const command = parseCommand(await readFormBody(request));
  const result = applyStaffCommand(id, command, actorOf(principal) as StaffActor);
  if (result.ok) {
    const params = new URL(request.url).searchParams;
    const query = new URLSearchParams(queueQuery(params));
    // Back to the same page: the whole audit list stays whole after a note or a status change.
    if (params.get("audit") === "all") query.set("audit", "all");
    query.set("done", command!.intent);
    throw redirect(`/staff/submissions/${id}?${query}`);
  }
  if (result.problem === "notFound") throw new Response("Not Found", { status: 404 });
  const { t } = await getLocaleT(request);
  if (command?.intent === "status" && result.problem === "messageRequired") {
    return data(await view(request, id, [{ target: "message", message: t("staff.detail.problem.messageRequired") }]), { status: 400 });
  }
  const target = command ? PROBLEM_TARGET[command.intent] : "to";
  const problem = command?.intent === "note" && result.problem === "messageRequired" ? "noteRequired" : result.problem;
  return data(await view(request, id, [{ target, message: t(`staff.detail.problem.${problem}`) }]), { status: 409 });
}

function Answers({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  // Every answer says where it came from: typed by the applicant, or the city's record (and the original if changed).
  const origin = (row: SummaryRow) =>
    row.source ? (
      <span className="provenance">
        <span className="tag tag--source">{row.source.label ?? t(row.source.sourceKey)}</span>
        {row.source.changed ? (
          <span className="provenance__changed">
            {" "}
            {row.source.originalText !== undefined ? t("staff.detail.changedFrom", { original: row.source.originalText }) : t("staff.detail.changed")}
          </span>
        ) : null}
      </span>
    ) : row.answered && !row.editable ? (
      <span className="provenance">
        <span className="tag">{t("staff.detail.derived")}</span>
      </span>
    ) : row.answered && !row.items ? (
      <span className="provenance">
        <span className="tag">{t("staff.detail.typed")}</span>
      </span>
    ) : null;
  return <SummaryAnswers rows={rows} mark={origin} />;
}

function translatedOnce<K>(translate: (key: K) => string): (key: K) => string {
  const done = new Map<K, string>();
  return (key) => {
    let text = done.get(key);
    if (text === undefined) done.set(key, (text = translate(key)));
    return text;
  };
}

export default function StaffSubmission() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const done = actionData ? null : params.get("done");
  const messageRequired = page.next.some((s) => MESSAGE_REQUIRED.includes(s));
  const caseLink = (id: string) => `/staff/submissions/${id}${page.query}`;
  // This page's own address: the queue's filters, and the whole audit list when it is shown (forms come back to it).
  const withAllAudit = `${page.query ? `${page.query}&` : "?"}audit=all`;
  const here = `/staff/submissions/${page.id}${page.allAudit ? withAllAudit : page.query}`;
  // The audit list repeats a few actions and counts over hundreds of lines: each is translated once.
  const auditAction = translatedOnce((action: string) => t(`staff.audit.${action.replace(".", "_")}`, { defaultValue: action }));
  const auditTimes = translatedOnce((count: number) => t("staff.detail.auditTimes", { count }));
  return (
    <>
      <p className="back-link">
        <Link to={`/staff${page.query}`}>{t("staff.detail.back")}</Link>
      </p>
      <ErrorSummary errors={page.errors} />
      {done ? (
        <p className="notice" role="status">
          {t(`staff.detail.done.${done === "assign" || done === "note" ? done : "status"}`)}
        </p>
      ) : null}
      {/* A decision taken: straight on to the next case of the list. */}
      {done === "status" && page.next.length === 0 ? (
        <p className="actions">
          {page.neighbours.next ? (
            <Link to={caseLink(page.neighbours.next)} className="button">
              {t("staff.detail.nextAfterDecision")}
            </Link>
          ) : (
            t("staff.detail.noNextCase")
          )}
        </p>
      ) : null}
      <p className="caption">{page.formTitle}</p>
      <h1>{t("staff.detail.title", { receipt: page.receiptNumber })}</h1>
      <nav aria-label={t("staff.detail.caseNav")} className="case-nav wide">
        {page.neighbours.previous ? <Link to={caseLink(page.neighbours.previous)}>{t("staff.detail.previousCase")}</Link> : <span />}
        {page.neighbours.next ? <Link to={caseLink(page.neighbours.next)}>{t("staff.detail.nextCase")}</Link> : null}
      </nav>
      {page.duplicates.length > 0 ? (
        <p className="warning">
          <span className="tag tag--duplicate">{t("staff.queue.duplicate")}</span> {t("staff.detail.duplicate", { receipts: page.duplicates.join("、") })}
        </p>
      ) : null}

      <div className="case wide">
        <div className="case__answers">
          {page.sections.map((section) => (
            <section key={section.stepId} aria-labelledby={`section-${section.stepId}`}>
              <h2 id={`section-${section.stepId}`}>{section.title}</h2>
              <Answers rows={section.rows} />
            </section>
          ))}

          <section aria-labelledby="files-title">
            <h2 id="files-title">{t("staff.detail.files")}</h2>
            {page.attachments.length === 0 ? (
              <p>{t("staff.detail.noFiles")}</p>
            ) : (
              <ul className="plain-list">
                {page.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/staff/submissions/${page.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
                      {a.fileName}
                    </a>{" "}
                    <span className="muted">
                      {t("staff.detail.fileInfo", { type: a.contentType, kb: Math.ceil(a.size / 1024) })}
                      {a.current ? "" : ` ${t("staff.detail.earlierFile")}`}
                    </span>{" "}
                    <a href={`/staff/submissions/${page.id}/attachments/${a.id}?download`} download={a.fileName}>
                      {t("staff.detail.download")}
                      <span className="visually-hidden">{a.fileName}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="case__side">
          <h2 className="visually-hidden">{t("staff.detail.actions")}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("staff.queue.status")}</dt>
              <dd>
                <strong>{t(`status.${page.status}`)}</strong>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.queue.submittedAt")}</dt>
              <dd>{page.submittedAt}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.detail.language")}</dt>
              <dd>{page.language}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.queue.applicant")}</dt>
              <dd>
                {page.applicant.name ?? t("staff.queue.noName")}
                <br />
                <span className="muted">
                  {page.applicant.signedIn ? t("staff.detail.signedIn", { name: page.applicant.accountName }) : t("staff.detail.anonymous")}
                </span>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.detail.contactEmail")}</dt>
              <dd>
                {page.contactEmail ?? t("staff.detail.noContactEmail")}
                {page.notices.map((n, i) => (
                  <span key={i} className="muted">
                    <br />
                    {t("staff.detail.notice", { at: n.at, kind: t(`staff.detail.noticeKind.${n.kind}`), state: t(`staff.detail.noticeState.${n.status}`) })}
                  </span>
                ))}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.queue.assignee")}</dt>
              <dd>{page.assigneeName ?? t("staff.queue.unassigned")}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("staff.detail.version")}</dt>
              <dd>{t("staff.detail.revision", { n: page.revision })}</dd>
            </div>
          </dl>
          <p className="actions">
            <a href={`/staff/submissions/${page.id}/pdf`} className="button button--secondary">
              {t("staff.detail.pdf")}
            </a>
          </p>

          {page.next.length > 0 ? (
            <Form method="post" action={here} className="box" aria-labelledby="status-title">
              <h2 id="status-title">{t("staff.detail.statusTitle")}</h2>
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="expected" value={page.status} />
              {page.next.includes("needs_correction") && !page.reachable ? <p className="field__hint">{t("staff.detail.unreachableHint")}</p> : null}
              {messageRequired ? (
                <Field id="message" label={t("staff.detail.message")} hint={t("staff.detail.messageHint")}>
                  <textarea className="input textarea" id="message" name="message" rows={3} aria-describedby="message-hint" maxLength={2000} />
                </Field>
              ) : null}
              {/* One button per move: a move is one click and one POST. */}
              <p className="actions" id="to">
                {page.next.map((s, i) => (
                  <button key={s} type="submit" name="to" value={s} className={i === 0 ? "button" : "button button--secondary"}>
                    {t("staff.detail.moveButton", { status: t(`status.${s}`) })}
                  </button>
                ))}
              </p>
            </Form>
          ) : null}

          <Form method="post" action={here} className="box" aria-labelledby="assign-title">
            <h2 id="assign-title">{t("staff.detail.assignTitle")}</h2>
            <input type="hidden" name="intent" value="assign" />
            <Field id="assignee" label={t("staff.queue.assignee")}>
              <select className="input select" id="assignee" name="assignee" defaultValue={page.assigneeId ?? ""}>
                <option value="">{t("staff.queue.unassigned")}</option>
                {page.staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === page.me ? t("staff.detail.meName", { name: s.displayName }) : s.displayName}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" className="button button--secondary">
              {t("staff.detail.assign")}
            </button>
          </Form>

          <Form method="post" action={here} className="box" aria-labelledby="note-title">
            <h2 id="note-title">{t("staff.detail.noteTitle")}</h2>
            <input type="hidden" name="intent" value="note" />
            <Field id="note" label={t("staff.detail.note")} hint={t("staff.detail.noteHint")}>
              <textarea className="input textarea" id="note" name="note" rows={3} aria-describedby="note-hint" maxLength={2000} />
            </Field>
            <button type="submit" className="button button--secondary">
              {t("staff.detail.addNote")}
            </button>
          </Form>

          <section aria-labelledby="history-title">
            <h2 id="history-title">{t("staff.detail.history")}</h2>
            <ol className="timeline">
              <li>
                <span className="muted">{page.submittedAt}</span> {t("staff.detail.event.submitted")}
              </li>
              {page.events.map((e) => (
                <li key={e.id}>
                  <span className="muted">{e.at}</span> {e.actor}：
                  {e.kind === "status" || e.kind === "resubmitted"
                    ? t(`staff.detail.event.${e.kind}`, { from: t(`status.${e.fromStatus}`), to: t(`status.${e.toStatus}`) })
                    : e.kind === "assign"
                      ? t("staff.detail.event.assign", { name: e.assignee ?? t("staff.queue.unassigned") })
                      : t("staff.detail.event.note")}
                  {e.body ? <span className="timeline__body pre-line">{e.body}</span> : null}
                </li>
              ))}
            </ol>
            {page.revisions.length > 0 ? <p className="muted">{t("staff.detail.revisions", { count: page.revisions.length })}</p> : null}
          </section>

          <section aria-labelledby="audit-title">
            {/* 「操作ログをすべて表示」 arrives here: focus too, not only the scroll (focus-on-navigation.ts). */}
            <h2 id="audit-title" tabIndex={-1} data-focus-self>
              {t("staff.detail.audit")}
            </h2>
            {page.auditMore ? <p className="muted">{t("staff.detail.auditNewest", { shown: page.audit.length })}</p> : null}
            <div className="table-scroll" role="region" aria-labelledby="audit-title" tabIndex={0}>
              <table className="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">{t("staff.detail.auditAt")}</th>
                    <th scope="col">{t("staff.detail.auditWho")}</th>
                    <th scope="col">{t("staff.detail.auditWhat")}</th>
                    <th scope="col">{t("staff.detail.auditCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.audit.map((a) => (
                    <tr key={a.id}>
                      <td>{a.count > 1 ? `${a.firstAt} – ${a.at}` : a.at}</td>
                      <td>{a.actor}</td>
                      <td>{auditAction(a.action)}</td>
                      <td>{auditTimes(a.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.auditMore ? (
              <p>
                <Link to={`${withAllAudit}#audit-title`}>{t("staff.detail.auditAll")}</Link>
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}

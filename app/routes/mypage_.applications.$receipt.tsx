import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireResident } from "../auth/guards.server";
import { openCorrectionRequest, residentHistory } from "../cases/resident-view.server";
import { localizeText } from "../form-engine/localized";
import { checkPath } from "../form-engine/paths";
import { getFormVersion } from "../form-engine/store.server";
import { formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { findSubmissionForOwner, startCorrection } from "../submissions/drafts.server";

/** The signed-in resident's own submission, or 404 (someone else's 受付番号 is answered as if it did not exist). */
async function ownSubmission(request: Request, receipt: string) {
  const { resident } = await requireResident(request);
  const submission = findSubmissionForOwner({ residentAccountId: resident.id }, receipt);
  if (!submission) throw new Response("Not Found", { status: 404 });
  return submission;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const submission = await ownSubmission(request, params.receipt!);
  const { t, lng } = await getLocaleT(request);
  const title = localizeText(getFormVersion(submission.formVersionId)!.definition.title, lng);
  return {
    title: pageTitle(t, `${title} – ${t("mypage.application.title")}`),
    formTitle: title,
    receiptNumber: submission.receiptNumber,
    status: submission.status,
    submittedAt: formatDateTime(submission.submittedAt),
    correction: submission.status === "needs_correction" ? openCorrectionRequest(submission.id) : null,
    history: residentHistory(submission.id).map((e) => ({ ...e, at: formatDateTime(e.at) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await ownSubmission(request, params.receipt!);
  // Only while a 補正依頼 is open; otherwise back to the page, which shows the current status.
  if (submission.status !== "needs_correction") throw redirect(`/mypage/applications/${submission.receiptNumber}`);
  startCorrection(submission);
  throw redirect(checkPath(submission.formId));
}

export default function Application() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to="/mypage">{t("mypage.application.back")}</Link>
      </p>
      <p className="caption">{page.formTitle}</p>
      <h1>{t("mypage.application.title")}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("journey.receipt.number")}</dt>
          <dd>{page.receiptNumber}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("mypage.application.submittedAt")}</dt>
          <dd>{page.submittedAt}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("mypage.application.status")}</dt>
          <dd>
            <strong>{t(`status.${page.status}`)}</strong>
          </dd>
        </div>
      </dl>
      {page.status === "needs_correction" ? (
        <section className="warning" aria-labelledby="correction-title">
          <h2 id="correction-title">{t("mypage.application.correctionTitle")}</h2>
          {page.correction ? <p className="pre-line">{page.correction}</p> : null}
          <Form method="post">
            <button type="submit" className="button">
              {t("mypage.application.correct")}
            </button>
          </Form>
        </section>
      ) : null}
      <h2>{t("mypage.application.history")}</h2>
      <ol className="timeline">
        <li>
          <span className="muted">{page.submittedAt}</span> {t("mypage.application.submitted")}
        </li>
        {page.history.map((e) => (
          <li key={e.id}>
            <span className="muted">{e.at}</span> {e.kind === "resubmitted" ? t("mypage.application.resubmitted") : t(`status.${e.toStatus}`)}
            {e.message ? <span className="timeline__body pre-line">{e.message}</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

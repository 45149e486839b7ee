import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireResident } from "../auth/guards.server";
import { checkPath } from "../journey/paths";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { correctMyApplication, myApplication } from "../residents/my-page.server";
import { receiptQrSvg } from "../submissions/receipt-qr.server";
import { ReceiptQr } from "../ui/receipt-qr";
import { SubmittedAnswers } from "../ui/submitted-answers";
import { readFormBody } from "../security/form-body.server";

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { resident } = await requireResident(request);
  const { t, lng } = await getLocaleT(request);
  const page = myApplication(resident, params.receipt!, lng, t);
  if (!page) throw notFound();
  const qr = await receiptQrSvg(page.receiptNumber, t("journey.receipt.qrLabel", { number: page.receiptNumber }));
  return { title: pageTitle(t, `${page.formTitle} – ${t("mypage.application.title")}`), ...page, qr };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { resident } = await requireResident(request);
  await readFormBody(request); // the button sends nothing, but what is sent must be a form
  const result = correctMyApplication(resident, params.receipt!);
  if (result.kind === "notFound") throw notFound();
  // Only while a 補正依頼 is open; otherwise back to the page, which shows the current status.
  if (result.kind === "notOpen") throw redirect(`/mypage/applications/${result.receiptNumber}`);
  throw redirect(checkPath(result.formId));
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
      <ReceiptQr svg={page.qr} />
      {page.status === "needs_correction" ? (
        <section className="warning" aria-labelledby="correction-title">
          <h2 id="correction-title">{t("mypage.application.correctionTitle")}</h2>
          {page.correction ? <p className="pre-line">{page.correction}</p> : null}
          <p>{t("mypage.application.correctionWhat")}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t("mypage.application.correct")}
            </button>
          </Form>
        </section>
      ) : null}
      <SubmittedAnswers sections={page.sections} pdfPath={page.pdfPath} />
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

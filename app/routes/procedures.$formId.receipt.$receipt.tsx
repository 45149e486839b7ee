import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { Localized } from "../form-engine/fields/shell";
import { nextSteps } from "../form-engine/after-submit";
import { localizeText } from "../form-engine/localized";
import { getFormVersion } from "../procedures/store.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { resolveOwner } from "../submissions/drafts.server";
import { receiptQrSvg } from "../submissions/receipt-qr.server";
import { ownSubmission, residentCopyPdfPath, submittedAnswers } from "../submissions/resident-copy.server";
import { ReceiptQr } from "../ui/receipt-qr";
import { SubmittedAnswers } from "../ui/submitted-answers";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  const submission = ownSubmission(owner, params.receipt ?? "", params.formId);
  // Someone else's receipt number is answered as if it did not exist.
  if (!submission) throw new Response("Not Found", { status: 404 });
  const form = getFormVersion(submission.formVersionId)!;
  const { t, lng } = await getLocaleT(request);
  return {
    title: pageTitle(t, `${t("journey.receipt.title")} – ${localizeText(form.definition.title, lng)}`),
    receiptNumber: submission.receiptNumber,
    qr: await receiptQrSvg(submission.receiptNumber, t("journey.receipt.qrLabel", { number: submission.receiptNumber })),
    submittedAt: submission.submittedAt.toISOString(),
    formTitle: form.definition.title,
    afterSubmit: nextSteps(form.definition, submission.answers, lng, t),
    sections: submittedAnswers(submission, lng, t).sections,
    pdfPath: residentCopyPdfPath(submission),
  };
}

export default function Receipt() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <>
      <div className="panel" role="status">
        <h1 className="panel__title">{t("journey.receipt.title")}</h1>
        <p className="panel__body">
          {t("journey.receipt.number")}
          <br />
          <strong className="receipt-number">{page.receiptNumber}</strong>
        </p>
      </div>
      <p>
        <Localized text={page.formTitle} lng={lng} />
      </p>
      <p>{t("journey.receipt.keepNumber")}</p>
      <ReceiptQr svg={page.qr} />
      <h2>{t("journey.receipt.next")}</h2>
      <ul>
        {page.afterSubmit.map((line, i) => (
          <li key={i} lang={line.lang === lng ? undefined : line.lang}>
            {line.text}
          </li>
        ))}
      </ul>
      <SubmittedAnswers sections={page.sections} pdfPath={page.pdfPath} />
      <h2>{t("journey.receipt.contactTitle")}</h2>
      <p>{t("journey.receipt.contact")}</p>
      {canPrint ? (
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("journey.receipt.print")}
        </button>
      ) : (
        <p>{t("journey.receipt.printHint")}</p>
      )}
    </>
  );
}

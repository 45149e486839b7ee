import { useTranslation } from "react-i18next";
import type { SummarySection } from "../form-engine/summary";
import { SummaryAnswers } from "./summary-answers";

/** The answers as submitted (receipt page, My page): the check page's list without 変更 links, and the copy as PDF. */
export function SubmittedAnswers({ sections, pdfPath }: { sections: SummarySection[]; pdfPath: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="submitted-answers-title">
      <h2 id="submitted-answers-title">{t("journey.receipt.answersTitle")}</h2>
      <p>
        {/* A plain link: the browser opens or saves the PDF itself, with or without JavaScript. */}
        <a href={pdfPath} className="button button--secondary" download>
          {t("journey.receipt.pdf")}
        </a>
      </p>
      {sections.map((section) => (
        <section key={section.stepId} aria-labelledby={`answers-${section.stepId}`}>
          <h3 id={`answers-${section.stepId}`}>{section.title}</h3>
          <SummaryAnswers rows={section.rows} mark={() => null} />
        </section>
      ))}
    </section>
  );
}

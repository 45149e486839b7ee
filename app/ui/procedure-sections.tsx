import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Localized } from "../form-engine/fields/shell";
import { StepFields } from "../form-engine/render";
import type { SectionsPage } from "../journey/sections.server";
import { ErrorSummary } from "./error-summary";

/**
 * A whole procedure on one page (the clerk at the counter): each section that applies under its own heading, the
 * fields of the resident's step pages. The server validates every section; the browser adds nothing but the reveal of
 * follow-up questions. `section` names each section shown (a section the answers open is shown next, not refused).
 */
export function ProcedureSections({ page, serverResult, submitLabel }: { page: SerializeFrom<SectionsPage>; serverResult: unknown; submitLabel: string }) {
  const { t } = useTranslation();
  // The loader's language: its texts are in it alone (and Japanese), even while a language switch is loading.
  const lng = page.lng;
  const errorMap = Object.fromEntries(page.errors.map((e) => [e.path, e.message]));
  // The question to correct, or a section just opened, takes focus on arrival (without JavaScript: autofocus).
  useEffect(() => {
    if (page.focus) document.getElementById(page.focus)?.focus();
  }, [page.focus]);
  return (
    <>
      <ErrorSummary errors={page.errors.map((e) => ({ target: e.target, message: e.message }))} focusKey={serverResult} />
      <h1>
        <Localized text={page.formTitle} lng={lng} />
      </h1>
      {page.opened.length > 0 ? (
        <p className="notice" role="status">
          {t("counter.work.sectionsOpened")}
        </p>
      ) : null}
      <Form method="post" noValidate encType={page.multipart ? "multipart/form-data" : undefined} className="procedure-sections">
        {page.sections.map((section) => (
          <section
            key={section.id}
            className={`procedure-section${section.opened ? " procedure-section--opened" : ""}`}
            aria-labelledby={`section-${section.id}-title`}
            id={`section-${section.id}`}
            tabIndex={-1}
            {...(page.focus === `section-${section.id}` ? { autofocus: "" } : {})}
          >
            <input type="hidden" name="_section" value={section.id} />
            <h2 id={`section-${section.id}-title`}>
              <Localized text={section.title} lng={lng} />
            </h2>
            {section.description ? (
              <p className="lead">
                <Localized text={section.description} lng={lng} />
              </p>
            ) : null}
            <StepFields
              view={{
                fields: section.fields,
                values: section.values,
                errors: errorMap,
                answers: page.answers,
                prefill: section.prefill,
                ownItems: section.ownItems,
                focus: page.focus,
              }}
              lng={lng}
              t={t}
            />
          </section>
        ))}
        <p className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </p>
      </Form>
    </>
  );
}

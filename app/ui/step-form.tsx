import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Localized } from "../form-engine/fields/shell";
import { StepFields } from "../form-engine/render";
import type { StepPage } from "../journey/step.server";
import { ErrorSummary } from "./error-summary";

/**
 * A step of the journey as a resident sees it (the resident's step route and an administrator's preview). The form
 * posts to the page's own URL. `notice`: what stands above the step (a closed procedure); `after`: what follows the form
 * (the resident's 「別の端末で続きを入力する」).
 */
export function StepForm({
  page,
  serverResult,
  notice,
  after,
}: {
  page: SerializeFrom<StepPage>;
  serverResult: unknown;
  notice?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  // The loader's language: its texts are in it alone (and Japanese), even while a language switch is loading.
  const lng = page.lng;
  // The server checks a step (the browser loads no schema, ADR 0039); with JavaScript the post needs no reload, and
  // the answer's errors, title and focus come back as they do without it.
  const errors = page.errors;
  const errorMap = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  return (
    <>
      <p className="back-link">
        <Link to={page.back}>{t("journey.back")}</Link>
      </p>
      <ErrorSummary
        errors={errors.map((e) => ({ target: e.target, message: e.message, href: "href" in e && typeof e.href === "string" ? e.href : undefined }))}
        focusKey={serverResult}
      />
      {notice}
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
        <span className="progress">{t("journey.progress", { n: page.progress.number, total: page.progress.total })}</span>
      </p>
      {page.item ? (
        // A person's own page: the step names the list, the heading the person.
        <h1>{page.item.heading}</h1>
      ) : (
        <h1>
          <Localized text={page.step.title} lng={lng} />
        </h1>
      )}
      {page.step.description ? (
        <p className="lead">
          <Localized text={page.step.description} lng={lng} />
        </p>
      ) : null}
      {page.saved ? (
        <p className="notice" role="status">
          {page.saved}
        </p>
      ) : null}
      {page.followUps ? (
        <p className="notice" role="status">
          {t("journey.followUps")}
        </p>
      ) : null}
      <Form method="post" noValidate encType={page.multipart ? "multipart/form-data" : undefined}>
        {page.multipart ? (
          // A multipart post is never empty (a list whose people are all rows has no input): Chrome cannot read back a
          // multipart body without a part, which Remix does before posting ("Failed to fetch", remix-run/remix#6507).
          // `_charset_` is HTML's own field for the form's encoding; the server ignores it.
          <input type="hidden" name="_charset_" />
        ) : null}
        <StepFields
          view={{
            fields: page.fields,
            values: page.values,
            errors: errorMap,
            answers: page.answers,
            prefill: page.prefill,
            ownItems: page.ownItems,
            focus: page.focus,
            itemPages: { attention: page.attention, only: page.item ? { field: page.item.field, index: page.item.index } : undefined },
          }}
          lng={lng}
          t={t}
        />
        <button type="submit" className="button">
          {t(page.item ? "journey.saveItem" : page.fromCheck ? "journey.saveAndReturn" : "journey.continue")}
        </button>
      </Form>
      {after}
    </>
  );
}

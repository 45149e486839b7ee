import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Localized } from "../form-engine/fields/shell";
import { StepFields } from "../form-engine/render";
import { useStepValidation } from "../form-engine/use-step-validation";
import { getLocaleT } from "../i18n/i18next.server";
import { requireDraft } from "../journey/draft.server";
import { placePath } from "../journey/paths";
import { postStep, showStep, type Arrival, type StepOutcome } from "../journey/step.server";
import { readStepForm } from "../submissions/attachments.server";
import { ErrorSummary } from "../ui/error-summary";
import { ResumeElsewhere } from "../ui/resume-elsewhere";

/** What the URL says: came from the check page, the element to focus, follow-up questions (journey/paths.ts). */
function arrival(request: Request): Arrival {
  const query = new URL(request.url).searchParams;
  return { returnToCheck: query.has("from"), focus: query.get("focus") ?? undefined, followUps: query.has("more") };
}

function respond(formId: string, outcome: StepOutcome) {
  if ("goTo" in outcome) throw redirect(placePath(formId, outcome.goTo));
  return data(outcome.page, { status: outcome.status });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  return respond(params.formId!, showStep(ctx, params.stepId!, arrival(request), await getLocaleT(request)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  const received = await readStepForm(request);
  return respond(params.formId!, await postStep(ctx, params.stepId!, arrival(request), received, await getLocaleT(request)));
}

export default function StepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  // A new step starts with a fresh form (and no errors from the previous one).
  return <StepForm key={page.step.id} page={page} loaderTitle={loaderData.title} serverResult={actionData} />;
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function StepForm({ page, loaderTitle, serverResult }: { page: Page; loaderTitle: string; serverResult: unknown }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // Fixed values are not on the page (the server keeps them), so the browser checks only the rest.
  const editable = page.fields.filter((f) => page.prefill[f.name]?.mode !== "fixed");
  const { formRef, onSubmit, clientErrors } = useStepValidation({ fields: editable, answers: page.answers, t, lng });
  const errors = clientErrors ?? page.errors;
  useEffect(() => {
    if (clientErrors?.length) document.title = t("title.errorPrefix") + loaderTitle;
  }, [clientErrors, loaderTitle, t]);
  const errorMap = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  return (
    <>
      <p className="back-link">
        <Link to={page.back}>{t("journey.back")}</Link>
      </p>
      <ErrorSummary errors={errors.map((e) => ({ target: e.target, message: e.message }))} focusKey={clientErrors ?? serverResult} />
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
        <span className="progress">{t("journey.progress", { n: page.progress.number, total: page.progress.total })}</span>
      </p>
      <h1>
        <Localized text={page.step.title} lng={lng} />
      </h1>
      {page.step.description ? (
        <p className="lead">
          <Localized text={page.step.description} lng={lng} />
        </p>
      ) : null}
      {page.followUps ? (
        <p className="notice" role="status">
          {t("journey.followUps")}
        </p>
      ) : null}
      <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} encType={page.multipart ? "multipart/form-data" : undefined}>
        <StepFields
          view={{
            fields: page.fields,
            values: page.values,
            errors: errorMap,
            answers: page.answers,
            prefill: page.prefill,
            ownItems: page.ownItems,
            focus: page.focus,
          }}
          lng={lng}
          t={t}
        />
        <button type="submit" className="button">
          {t(page.fromCheck ? "journey.saveAndReturn" : "journey.continue")}
        </button>
      </Form>
      <ResumeElsewhere formId={useParams().formId!} />
    </>
  );
}

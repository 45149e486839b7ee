import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { firstIncompleteStep, stepPosition, validateStep, normalizeStep, type Answers } from "../form-engine/engine";
import { Localized } from "../form-engine/fields/shell";

import { nestedFromFormData, requireDraft, translateErrors, visibleFieldsOf } from "../form-engine/journey.server";
import { checkPath, startPath, stepPath } from "../form-engine/paths";
import { localizeText } from "../form-engine/localized";
import { OFFERED } from "../form-engine/fields/group";
import { getFieldType } from "../form-engine/registry";
import { StepFields } from "../form-engine/render";
import { useStepValidation } from "../form-engine/use-step-validation";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { fixedFieldsChanged, fixedValues, prefillMarks, shownValues } from "../prefill/step.server";
import { readStepForm, receiveUploads } from "../submissions/attachments.server";
import { saveStep, saveWorkingValues } from "../submissions/drafts.server";
import { ErrorSummary } from "../ui/error-summary";

/** The step, if the resident may be on it now; otherwise a redirect to where they should be. */
async function locate(request: Request, formId: string, stepId: string) {
  const ctx = await requireDraft(request, formId);
  const { form, draft } = ctx;
  const pos = stepPosition(form.definition, draft.answers, stepId);
  const firstOpen = firstIncompleteStep(form.definition, draft.answers, draft.completedSteps);
  const step = form.definition.steps.find((s) => s.id === stepId);
  const reachable = step && pos.index >= 0 && (draft.completedSteps.includes(stepId) || firstOpen?.id === stepId);
  if (!reachable) throw redirect(firstOpen ? stepPath(formId, firstOpen.id) : checkPath(formId));
  return { ...ctx, step, pos };
}

async function view(request: Request, formId: string, stepId: string, values: Answers | undefined, errors: ReturnType<typeof translateErrors> = []) {
  const { form, draft, step, pos } = await locate(request, formId, stepId);
  const { t, lng } = await getLocaleT(request);
  const fromCheck = new URL(request.url).searchParams.has("from");
  const stepTitle = localizeText(step.title, lng);
  // Until the resident has saved this step, what the city already knows stands in for answers (ワンスオンリー).
  const shown = values ?? shownValues(step, draft);
  return {
    title: pageTitle(t, `${stepTitle} – ${localizeText(form.definition.title, lng)}`, { error: errors.length > 0 }),
    formId,
    formTitle: form.definition.title,
    step: { id: step.id, title: step.title, description: step.description },
    fields: visibleFieldsOf(step, { ...draft.answers, ...shown }),
    // Earlier answers the conditions on this step may read (the browser checks the step with the same schema).
    answers: draft.answers,
    multipart: step.fields.some((f) => getFieldType(f.type).upload),
    prefill: prefillMarks(step, draft, shown),
    values: shown,
    errors,
    progress: { number: pos.number, total: pos.total },
    back: fromCheck ? checkPath(formId) : pos.previous ? stepPath(formId, pos.previous.id) : startPath(formId),
    fromCheck,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!, params.stepId!, undefined);

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const { form, draft, step } = await locate(request, formId, params.stepId!);
  const received = await readStepForm(request);
  const uploads = await receiveUploads(draft, step.fields, received);
  const raw = nestedFromFormData(received.form);
  // Upload answers come only from what the server received and checked, never from the posted fields.
  for (const f of step.fields) if (getFieldType(f.type).upload) raw[f.name] = uploads[f.name] ?? "";
  const here = new URL(request.url);

  // "Add another" and "remove" on repeating groups: keep what was typed, change the item count, come back.
  const command = typeof raw._action === "string" ? raw._action.split(":") : [];
  if (command[0] === "add" || command[0] === "remove") {
    const values = normalizeStep(step, raw);
    const group = step.fields.find((f) => f.name === command[1] && f.type === "group");
    if (group) {
      // Every item on the page stays, blank ones too: "add" next to an empty first item makes a second.
      const items = [...((values[group.name] as Answers[] | undefined) ?? [])];
      if (command[0] === "add") items.push({});
      else if (typeof items[Number(command[2])]?.[OFFERED] !== "number") items.splice(Number(command[2]), 1);
      saveWorkingValues(draft, step.id, { ...values, [group.name]: items });
      const anchor = command[0] === "add" ? `#${group.name}-${items.length - 1}-${group.fields![0]!.name}` : `#${group.name}-field`;
      throw redirect(`${here.pathname}${here.search}${anchor}`);
    }
  }

  // A fixed value (shown as text) is the city's: a post that tries to change it is refused, nothing is stored.
  const tampered = fixedFieldsChanged(step, draft, raw);
  if (tampered.length > 0) {
    const { t, lng } = await getLocaleT(request);
    const errors = translateErrors(step, tampered.map((name) => ({ path: name, target: `${name}-fixed`, message: "validation.fixed" })), t, lng);
    return data(await view(request, formId, step.id, undefined, errors), { status: 400 });
  }
  Object.assign(raw, fixedValues(step, draft));
  const result = validateStep(step, raw, draft.answers);
  if (!result.ok) {
    const { t, lng } = await getLocaleT(request);
    const errors = translateErrors(step, result.errors, t, lng);
    return data(await view(request, formId, step.id, result.values, errors), { status: 400 });
  }
  const saved = saveStep(draft, form, step.id, result.values);
  const firstOpen = firstIncompleteStep(form.definition, saved.answers, saved.completedSteps);
  if (here.searchParams.has("from") && !firstOpen) throw redirect(checkPath(formId));
  const next = stepPosition(form.definition, saved.answers, step.id).next;
  throw redirect(next ? stepPath(formId, next.id) + (here.searchParams.has("from") ? "?from=check" : "") : checkPath(formId));
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
      <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} encType={page.multipart ? "multipart/form-data" : undefined}>
        <StepFields view={{ fields: page.fields, values: page.values, errors: errorMap, answers: page.answers, prefill: page.prefill }} lng={lng} t={t} />
        <button type="submit" className="button">
          {t(page.fromCheck ? "journey.saveAndReturn" : "journey.continue")}
        </button>
      </Form>
    </>
  );
}

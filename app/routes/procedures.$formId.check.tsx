import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { firstIncompleteStep, validateAll } from "../form-engine/engine";
import { Localized } from "../form-engine/fields/shell";

import { requireDraft } from "../form-engine/journey.server";
import { checkPath, receiptPath, stepPath } from "../form-engine/paths";
import { localizeText } from "../form-engine/localized";
import { summarize, type SummaryRow } from "../form-engine/summary";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { openCorrectionRequest } from "../cases/resident-view.server";
import { keepProfile, reusableAnswers } from "../residents/profile.server";
import { sourceMarks } from "../prefill/registry.server";
import { findDraftOfOwner, findSubmissionOfDraft, formOfDraft, resolveOwner, submitDraft } from "../submissions/drafts.server";
import { ErrorSummary } from "../ui/error-summary";
import { SummaryAnswers } from "../ui/summary-answers";

async function view(request: Request, formId: string, declarationError?: string) {
  const { form, draft } = await requireDraft(request, formId);
  const firstOpen = firstIncompleteStep(form.definition, draft.answers, draft.completedSteps);
  if (firstOpen) throw redirect(stepPath(formId, firstOpen.id));
  const { t, lng } = await getLocaleT(request);
  const principal = await getPrincipal(request);
  const reusable = principal?.role === "resident" ? Object.keys(reusableAnswers(form.definition, draft.answers, draft.prefill)) : [];
  return {
    // Correcting after a 補正依頼: the city's message stays in view while the resident checks and changes answers.
    correction: draft.correctionOf ? (openCorrectionRequest(draft.correctionOf) ?? "") : null,
    reusable,
    title: pageTitle(t, `${t("journey.check.title")} – ${localizeText(form.definition.title, lng)}`, { error: Boolean(declarationError) }),
    formId,
    draftId: draft.id,
    formTitle: form.definition.title,
    declaration: form.definition.declaration,
    sections: summarize(form.definition, draft.answers, lng, t, sourceMarks(draft.provenance)),
    declarationError,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const body = await request.formData();
  const draftId = String(body.get("draftId") ?? "");
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  if (!owner) throw redirect(`/procedures/${formId}`);
  const draft = findDraftOfOwner(owner, draftId);
  if (!draft) throw redirect(`/procedures/${formId}`);

  // A second submit (double click, back and resubmit, another tab) finds the first submission.
  const existing = findSubmissionOfDraft(draft);
  if (existing) throw redirect(receiptPath(formId, existing.receiptNumber));

  if (body.get("declaration") !== "yes") {
    const { t } = await getLocaleT(request);
    return data(await view(request, formId, t("validation.declarationSubmit")), { status: 400 });
  }
  // The draft found above is the one being submitted: its own pinned definition, no second lookup.
  const form = formOfDraft(draft);
  const problem = validateAll(form.definition, draft.answers, draft.completedSteps);
  if (problem) throw redirect(stepPath(formId, problem.stepId));
  const { lng } = await getLocaleT(request);
  const submission = submitDraft(draft.id, lng);
  // Kept for later procedures only when the resident ticked the box (explicit consent).
  if (principal?.role === "resident" && body.get("keepProfile") === "yes") {
    const values = reusableAnswers(form.definition, draft.answers, draft.prefill);
    if (Object.keys(values).length > 0) keepProfile(principal.resident.id, values);
  }
  throw redirect(receiptPath(formId, submission.receiptNumber));
}

function Rows({ rows, formId, stepId, t }: { rows: SummaryRow[]; formId: string; stepId: string; t: (k: string, o?: Record<string, unknown>) => string }) {
  const mark = (row: SummaryRow, group?: SummaryRow) =>
    // Within a group, only what differs from the group's own mark: another source, or a change.
    row.source && (!group || row.source.changed || row.source.sourceKey !== group.source?.sourceKey) ? (
      <span className="summary-list__source">
        <span className="tag tag--source">{t(row.source.sourceKey)}</span>
        {row.source.changed ? ` ${t("prefill.changed")}` : null}
      </span>
    ) : null;
  return (
    <SummaryAnswers
      rows={rows}
      mark={mark}
      action={(row) => (
        <Link to={`${stepPath(formId, stepId)}?from=check#${row.field}-field`}>
          {t("journey.check.change")}
          <span className="visually-hidden">{t("journey.check.changeWhat", { label: row.label })}</span>
        </Link>
      )}
    />
  );
}

export default function CheckPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const lng = i18n.language;
  return (
    <>
      <ErrorSummary errors={page.declarationError ? [{ target: "declaration", message: page.declarationError }] : []} />
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
      </p>
      <h1>{t("journey.check.title")}</h1>
      {page.correction !== null ? (
        <section className="warning" aria-labelledby="correction-title">
          <h2 id="correction-title">{t("journey.check.correctionTitle")}</h2>
          {page.correction ? <p className="pre-line">{page.correction}</p> : null}
          <p>{t("journey.check.correctionNote")}</p>
        </section>
      ) : null}
      {page.sections.map((section) => (
        <section key={section.stepId} aria-labelledby={`section-${section.stepId}`}>
          <h2 id={`section-${section.stepId}`}>{section.title}</h2>
          <Rows rows={section.rows} formId={page.formId} stepId={section.stepId} t={t} />
        </section>
      ))}
      <Form method="post" noValidate action={checkPath(page.formId)}>
        <input type="hidden" name="draftId" value={page.draftId} />
        <h2>{t("journey.check.declarationTitle")}</h2>
        <div className={`field${page.declarationError ? " field--error" : ""}`}>
          <p id="declaration-text">
            <Localized text={page.declaration} lng={lng} />
          </p>
          {page.declarationError ? (
            <p id="declaration-error" className="field__error">
              <span className="visually-hidden">{t("field.errorPrefix")}</span>
              {page.declarationError}
            </p>
          ) : null}
          <div className="choice">
            <input
              type="checkbox"
              id="declaration"
              name="declaration"
              value="yes"
              className="choice__input"
              aria-invalid={page.declarationError ? true : undefined}
              aria-describedby={["declaration-text", page.declarationError ? "declaration-error" : null].filter(Boolean).join(" ")}
            />
            <label htmlFor="declaration" className="choice__label">
              {t("journey.check.agree")}
            </label>
          </div>
        </div>
        {page.reusable.length > 0 ? (
          <div className="field">
            <div className="choice">
              <input type="checkbox" id="keepProfile" name="keepProfile" value="yes" className="choice__input" aria-describedby="keepProfile-hint" />
              <label htmlFor="keepProfile" className="choice__label">
                {t("profile.keep", { items: page.reusable.map((k) => t(`profile.keys.${k}`)).join("・") })}
              </label>
            </div>
            <p id="keepProfile-hint" className="field__hint choice__hint">
              {t("profile.keepHint")}
            </p>
          </div>
        ) : null}
        {/* Disabled while sending: a double click in the browser sends once; the server also answers a repeat with the same receipt. */}
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("journey.check.submit")}
        </button>
      </Form>
    </>
  );
}

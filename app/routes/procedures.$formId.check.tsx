import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { Localized } from "../form-engine/fields/shell";
import { getLocaleT } from "../i18n/i18next.server";
import { showCheck, submitFromCheck, type CheckErrors } from "../journey/check.server";
import { closedProcedure } from "../journey/closed.server";
import { requireDraft, residentActor } from "../journey/draft.server";
import { checkPath, placePath, receiptPath, startPath, stepPath } from "../journey/paths";
import { resolveOwner } from "../submissions/drafts.server";
import { ClosedNotice } from "../ui/closed-notice";
import { CheckRows } from "../ui/check-answers";
import { ErrorSummary } from "../ui/error-summary";
import { Field } from "../ui/field";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, formId: string, errors: CheckErrors = {}) {
  const locale = await getLocaleT(request);
  const outcome = showCheck(await requireDraft(request, formId), locale, errors);
  if ("goTo" in outcome) throw redirect(placePath(formId, outcome.goTo));
  return { ...outcome.page, closed: closedProcedure(formId, locale.lng) ?? null };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const body = await readFormBody(request);
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  if (!owner) throw redirect(startPath(formId));
  const { t, lng } = await getLocaleT(request);
  const noticeEmail = String(body.get("noticeEmail") ?? "").slice(0, 300);
  const input = {
    draftId: String(body.get("draftId") ?? ""),
    declared: body.get("declaration") === "yes",
    keepProfile: body.get("keepProfile") === "yes",
    noticeEmail,
  };
  const outcome = submitFromCheck(owner, residentActor(principal), input, lng);
  switch (outcome.kind) {
    case "submitted":
      throw redirect(receiptPath(formId, outcome.receiptNumber));
    case "invalid": {
      const errors: CheckErrors = {
        noticeEmailValue: noticeEmail,
        noticeEmail: outcome.noticeEmailInvalid ? t("validation.email", { label: t("journey.check.noticeEmailLabel") }) : undefined,
        declaration: outcome.declarationMissing ? t("validation.declarationSubmit") : undefined,
      };
      return data(await view(request, formId, errors), { status: 400 });
    }
    case "goTo":
      throw redirect(placePath(formId, outcome.place));
    case "noDraft":
      throw redirect(startPath(formId));
    case "closed":
      return data(await view(request, formId), { status: 410 });
  }
}

export default function CheckPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  const navigation = useNavigation();
  // The loader's language: its texts are in it alone (and Japanese), even while a language switch is loading.
  const lng = page.lng;
  return (
    <>
      <ErrorSummary
        errors={[
          ...(page.noticeEmailError ? [{ target: "noticeEmail", message: page.noticeEmailError }] : []),
          ...(page.declarationError ? [{ target: "declaration", message: page.declarationError }] : []),
        ]}
      />
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
      </p>
      <h1>{t("journey.check.title")}</h1>
      {page.closed ? <ClosedNotice closed={page.closed} /> : null}
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
          <CheckRows rows={section.rows} changeHref={stepPath(page.formId, section.stepId)} t={t} />
        </section>
      ))}
      {page.duplicates.length > 0 ? (
        <section className="warning" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title">{t("journey.check.duplicateTitle")}</h2>
          <p>{t("journey.check.duplicate", { receipts: page.duplicates.join("、") })}</p>
          <p>{t("journey.check.duplicateNote")}</p>
        </section>
      ) : null}
      {page.closed ? null : (
        <Form method="post" noValidate action={checkPath(page.formId)}>
          <input type="hidden" name="draftId" value={page.draftId} />
          {page.askNoticeEmail ? (
            <>
              <h2>{t("journey.check.noticeTitle")}</h2>
              <Field
                id="noticeEmail"
                label={t("journey.check.noticeEmailLabel")}
                hint={t("journey.check.noticeEmailHint")}
                required={false}
                error={page.noticeEmailError}
                t={t}
              >
                <input
                  className="input"
                  type="email"
                  id="noticeEmail"
                  name="noticeEmail"
                  inputMode="email"
                  autoComplete="email"
                  spellCheck={false}
                  defaultValue={page.noticeEmailValue}
                  aria-invalid={page.noticeEmailError ? true : undefined}
                  aria-describedby={["noticeEmail-hint", page.noticeEmailError ? "noticeEmail-error" : null].filter(Boolean).join(" ")}
                />
              </Field>
            </>
          ) : null}
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
      )}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "../form-engine/fields/shell";
import { localizeText } from "../form-engine/localized";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { requireDraft } from "../journey/draft.server";
import { placePath } from "../journey/paths";
import { journeyOf } from "../journey/journey";
import { RESUME_HOURS, requestResumeLink } from "../submissions/resume-links.server";
import { ErrorSummary } from "../ui/error-summary";
import { Field } from "../ui/field";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, formId: string, state: { error?: string; email?: string; sent?: boolean } = {}) {
  const { draft, form, principal, actor } = await requireDraft(request, formId);
  const { t, lng } = await getLocaleT(request);
  const next = journeyOf(form.definition, draft, actor).checkPage();
  return {
    title: pageTitle(t, `${t("journey.resumeElsewhere.title")} – ${localizeText(form.definition.title, lng)}`, { error: Boolean(state.error) }),
    formTitle: form.definition.title,
    signedIn: principal?.role === "resident",
    // Back to where the resident left off: the first open step, or the check page.
    back: placePath(formId, next ?? { at: "check" }),
    hours: RESUME_HOURS,
    ...state,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!);

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const { owner } = await requireDraft(request, formId);
  const email = String((await readFormBody(request)).get("email") ?? "").slice(0, 300);
  const { t, lng } = await getLocaleT(request);
  const result = requestResumeLink(owner, formId, email, lng);
  switch (result.kind) {
    case "sent":
      return view(request, formId, { sent: true });
    case "invalidEmail":
      return data(await view(request, formId, { email, error: t("validation.email", { label: t("journey.resumeElsewhere.emailLabel") }) }), { status: 400 });
    case "mailOff":
      return data(await view(request, formId, { email, error: t("journey.resumeElsewhere.mailOff") }), { status: 503 });
    default:
      throw redirect(`/procedures/${formId}`);
  }
}

export default function ResumeLink() {
  const loaderData = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaderData;
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to={page.back}>{t("journey.resumeElsewhere.back")}</Link>
      </p>
      <ErrorSummary errors={page.error ? [{ target: "email", message: page.error }] : []} />
      <p className="caption">
        <Localized text={page.formTitle} lng={i18n.language} />
      </p>
      <h1>{t("journey.resumeElsewhere.title")}</h1>
      {page.sent ? (
        <p className="notice" role="status">
          {t("journey.resumeElsewhere.sent", { hours: page.hours })}
        </p>
      ) : page.signedIn ? (
        <p>{t("journey.resumeElsewhere.signedIn")}</p>
      ) : (
        <>
          <p>{t("journey.resumeElsewhere.intro")}</p>
          <Form method="post" noValidate>
            <Field
              id="email"
              label={t("journey.resumeElsewhere.emailLabel")}
              hint={t("journey.resumeElsewhere.emailHint", { hours: page.hours })}
              required
              error={page.error}
              t={t}
            >
              <input
                className="input"
                type="email"
                id="email"
                name="email"
                inputMode="email"
                autoComplete="email"
                spellCheck={false}
                defaultValue={page.email ?? ""}
                aria-invalid={page.error ? true : undefined}
                aria-describedby={["email-hint", page.error ? "email-error" : null].filter(Boolean).join(" ")}
              />
            </Field>
            <button type="submit" className="button">
              {t("journey.resumeElsewhere.send")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createNewProcedure } from "../admin/forms/definition-files.server";
import { messageText, summaryErrors } from "../admin/forms/ui";
import { requireAdmin } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { readFormBody } from "../security/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = await getT(request);
  return { title: pageTitle(t, t("admin.forms.new.heading")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireAdmin(request);
  const form = await readFormBody(request);
  const input = { formId: String(form.get("formId") ?? "").slice(0, 100), title: String(form.get("title") ?? "").slice(0, 300) };
  const outcome = createNewProcedure(input, { staffId: principal.staff.id });
  if (outcome.ok) throw redirect(`/admin/forms/${outcome.formId}/edit`);
  const t = await getT(request);
  return data({ title: pageTitle(t, t("admin.forms.new.heading"), { error: true }), problems: outcome.problems, values: input }, { status: 400 });
}

export default function NewProcedure() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const problemOf = (target: string) => result?.problems.find((p) => p.target === target);
  const field = (name: "formId" | "title", hint?: string) => {
    const problem = problemOf(name);
    const described = [hint ? `${name}-hint` : null, problem ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className={`field${problem ? " field--error" : ""}`}>
        <label className="field__label" htmlFor={name}>
          {t(`admin.forms.new.${name}`)}
        </label>
        {hint ? (
          <p className="field__hint" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p className="field__error" id={`${name}-error`}>
            <span className="visually-hidden">{t("field.errorPrefix")}</span>
            {messageText(t, problem.message)}
          </p>
        ) : null}
        <input
          className="input"
          id={name}
          name={name}
          type="text"
          defaultValue={result?.values[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </div>
    );
  };
  return (
    <>
      <p className="back-link">
        <Link to="/admin/forms">{t("admin.forms.backToCatalogue")}</Link>
      </p>
      <ErrorSummary errors={summaryErrors(t, result?.problems ?? [])} focusKey={result} />
      <h1>{t("admin.forms.new.heading")}</h1>
      <Form method="post" noValidate>
        {field("title")}
        {field("formId", t("admin.forms.new.formIdHint"))}
        <button type="submit" className="button">
          {t("admin.forms.new.submit")}
        </button>
      </Form>
    </>
  );
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { jsonEditor, saveJsonText } from "../admin/forms/definition-files.server";
import { ProblemList } from "../admin/forms/ui";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { DEFINITION_FORM, readFormBody } from "../security/form-body.server";

async function editor(request: Request, formId: string) {
  await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const page = jsonEditor(formId, lng);
  if (!page) throw new Response("Not Found", { status: 404 });
  return { t, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, page } = await editor(request, params.formId!);
  return { ...page, title: pageTitle(t, t("admin.forms.json.title", { title: page.title })), saved: null, problem: null, problems: [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const principal = await requireAdmin(request);
  const form = await readFormBody(request, DEFINITION_FORM);
  const text = String(form.get("definition") ?? "");
  const outcome = saveJsonText(formId, text, String(form.get("expected") ?? ""), { staffId: principal.staff.id });
  const { t, page } = await editor(request, formId);
  if (outcome.ok) {
    // Saved: the page shows the stored copy (pretty again) with what checking found, at the lines of that text.
    const title = pageTitle(t, t("admin.forms.json.title", { title: page.title }));
    return { ...page, title, saved: true, problem: null, problems: outcome.findings };
  }
  // Not saved: the administrator's text stays in the box, with the problem at its line.
  const title = pageTitle(t, t("admin.forms.json.title", { title: page.title }), { error: true });
  return data(
    {
      ...page,
      text,
      expected: outcome.problem === "stale" ? page.expected : String(form.get("expected") ?? ""),
      title,
      saved: false,
      problem: outcome.problem,
      problems: outcome.problems,
    },
    { status: 400 },
  );
}

export default function EditAsJson() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to={`/admin/forms/${page.formId}`}>{t("admin.forms.backToProcedure")}</Link>
      </p>
      <ErrorSummary errors={page.problem ? [{ target: "definition", message: t(`admin.forms.json.errors.${page.problem}`) }] : []} focusKey={actionData} />
      {page.saved ? (
        <p className="notice" role="status">
          {t("admin.forms.json.saved")}
        </p>
      ) : null}
      <p className="caption">
        <code>{page.formId}</code>
      </p>
      <h1>{t("admin.forms.json.title", { title: page.title })}</h1>
      {page.fromVersion !== null ? <p>{t("admin.forms.json.fromVersion", { revision: page.fromVersion })}</p> : null}
      {page.problems.length ? (
        <section aria-labelledby="json-problems-title">
          <h2 id="json-problems-title">{t(page.saved ? "admin.forms.findings.title" : "admin.forms.json.problemsTitle")}</h2>
          <ProblemList problems={page.problems} />
        </section>
      ) : null}
      {/* A new key on every answer: the textarea shows what the server sends, not what the browser kept. */}
      <Form method="post" key={`${page.expected}-${String(page.saved)}`}>
        <input type="hidden" name="expected" value={page.expected} />
        <div className={`field${page.problem ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="definition">
            {t("admin.forms.json.label")}
          </label>
          <p className="field__hint" id="definition-hint">
            {t("admin.forms.json.hint")}
          </p>
          <textarea
            className="textarea textarea--code"
            id="definition"
            name="definition"
            rows={30}
            spellCheck={false}
            defaultValue={page.text}
            aria-describedby="definition-hint"
            aria-invalid={page.problem ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t("admin.forms.json.save")}
        </button>
      </Form>
    </>
  );
}

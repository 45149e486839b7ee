import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { importDefinitionText, readDefinitionPost, type ImportOutcome } from "../admin/forms/definition-files.server";
import { ProblemList } from "../admin/forms/ui";
import { requireAdmin } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = await getT(request);
  return { title: pageTitle(t, t("admin.forms.import.title")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireAdmin(request);
  const post = await readDefinitionPost(request);
  const outcome: ImportOutcome = post.tooLarge
    ? { ok: false, problem: "tooLarge", problems: [] }
    : importDefinitionText(post.text, { staffId: principal.staff.id });
  if (outcome.ok) throw redirect(`/admin/forms/${outcome.formId}?done=import`);
  const t = await getT(request);
  // The pasted text comes back so it can be corrected (an uploaded file is chosen again).
  const pasted = post.tooLarge ? "" : post.text;
  return data(
    { title: pageTitle(t, t("admin.forms.import.title"), { error: true }), problem: outcome.problem, problems: outcome.problems, pasted },
    { status: 400 },
  );
}

export default function ImportDefinition() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const target = result?.problem === "tooLarge" || result?.problem === "empty" ? "file" : "import-problems";
  return (
    <>
      <p className="back-link">
        <Link to="/admin/forms">{t("admin.forms.backToCatalogue")}</Link>
      </p>
      <ErrorSummary
        errors={result ? [{ target, message: t(`admin.forms.import.errors.${result.problem}`, { n: result.problems.length }) }] : []}
        focusKey={result}
      />
      <h1>{t("admin.forms.import.title")}</h1>
      <p>{t("admin.forms.import.intro")}</p>
      {result?.problems.length ? (
        <section aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t("admin.forms.import.problemsTitle")}</h2>
          <ProblemList problems={result.problems} id="import-problems" />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label className="field__label" htmlFor="file">
            {t("admin.forms.import.file")}
          </label>
          <p className="field__hint" id="file-hint">
            {t("admin.forms.import.fileHint")}
          </p>
          <input className="input" type="file" id="file" name="file" accept=".json,application/json" aria-describedby="file-hint" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="text">
            {t("admin.forms.import.text")}
          </label>
          <p className="field__hint" id="text-hint">
            {t("admin.forms.import.textHint")}
          </p>
          <textarea
            className="textarea textarea--code"
            id="text"
            name="text"
            rows={16}
            spellCheck={false}
            aria-describedby="text-hint"
            defaultValue={result?.pasted}
          />
        </div>
        <button type="submit" className="button">
          {t("admin.forms.import.submit")}
        </button>
      </Form>
    </>
  );
}

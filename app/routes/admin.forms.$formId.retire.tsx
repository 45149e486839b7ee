import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseProcedureCommand, retirementImpact, runProcedureCommand, type InputProblem } from "../admin/forms/procedures.server";
import { summaryErrors, WhenFields } from "../admin/forms/ui";
import { requireAdmin } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, formId: string, problems: InputProblem[] = []) {
  await requireAdmin(request);
  const t = await getT(request);
  const impact = retirementImpact(formId);
  if (!impact) throw new Response("Not Found", { status: 404 });
  return { title: pageTitle(t, t("admin.forms.retire.confirmTitle"), { error: problems.length > 0 }), formId, ...impact, problems };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.formId!);

/** Retiring now or at a time; anything else posted here is refused (the procedure page has the other commands). */
export async function action({ request, params }: ActionFunctionArgs) {
  const formId = params.formId!;
  const principal = await requireAdmin(request);
  const command = parseProcedureCommand(await readFormBody(request));
  const retiring = command && (command.intent === "retire" || command.intent === "retireAt") ? command : null;
  const outcome = runProcedureCommand(formId, retiring, { staffId: principal.staff.id });
  if (outcome.ok) throw redirect(`/admin/forms/${formId}?done=${outcome.done}`);
  return data(await view(request, formId, outcome.problems), { status: 409 });
}

export default function RetireProcedure() {
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to={`/admin/forms/${page.formId}`}>{t("admin.forms.backToProcedure")}</Link>
      </p>
      <ErrorSummary errors={summaryErrors(t, page.problems)} />
      <p className="caption">
        <code>{page.formId}</code>
      </p>
      <h1>{t("admin.forms.retire.confirmTitle")}</h1>
      <p>{t("admin.forms.retire.explainNew")}</p>
      <p>{t("admin.forms.retire.explainDrafts", { n: page.openDrafts })}</p>
      <p>{t("admin.forms.retire.explainSubmissions")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="retire" />
        <button type="submit" className="button" id="retire-now">
          {t("admin.forms.retire.now")}
        </button>
      </Form>
      <Form method="post" className="box">
        <fieldset className="fieldset">
          <legend>{t("admin.forms.retire.atLegend")}</legend>
          <p className="field__hint">{t("admin.forms.schedule.hint")}</p>
          <WhenFields prefix="retire" />
        </fieldset>
        <input type="hidden" name="intent" value="retireAt" />
        <button type="submit" className="button button--secondary">
          {t("admin.forms.retire.at")}
        </button>
      </Form>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { postQuestion, showQuestion, type QuestionResponse } from "../admin/builder/questions/question-actions.server";
import type { QuestionRef } from "../admin/builder/questions/question-editor.server";
import { QuestionEditor } from "../admin/builder/questions/question-editor";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { readFormBody } from "../security/form-body.server";

/** The question editor, for a question of a step and (the `…/fields/$child` route) a group's own question. */
const refOf = (params: LoaderFunctionArgs["params"]): QuestionRef => ({
  formId: params.formId!,
  stepId: params.stepId!,
  name: params.name!,
  child: params.child,
});

async function respond(request: Request, result: QuestionResponse) {
  if (result.kind === "notFound") throw new Response("Not Found", { status: 404 });
  if (result.kind === "redirect") throw redirect(result.to);
  const { t } = await getLocaleT(request);
  const label = String(result.page.question.name ?? "");
  return data(
    { ...result, title: pageTitle(t, t("admin.questions.pageTitle", { name: label }), { error: result.errors.length > 0 }) },
    { status: result.status },
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  return respond(request, showQuestion(refOf(params), lng, t));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  return respond(request, postQuestion(refOf(params), await readFormBody(request), { staffId: principal.staff.id }, lng, t));
}

export default function QuestionRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const view = actionData ?? loaderData;
  if (view.kind !== "page") return null;
  // The page as posted (an option added, a condition's question chosen) is a new form: remount its inputs.
  return <QuestionEditor key={JSON.stringify(view.page.question)} page={view.page} errors={view.errors} saved={!actionData && params.get("saved") === "1"} />;
}

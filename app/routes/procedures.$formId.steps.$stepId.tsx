import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { getLocaleT } from "../i18n/i18next.server";
import { closedProcedure } from "../journey/closed.server";
import { ClosedNotice } from "../ui/closed-notice";
import { requireDraft } from "../journey/draft.server";
import { placePath, arrivalOf } from "../journey/paths";
import { postStep, showStep, type Arrival, type StepOutcome } from "../journey/step.server";
import { readStepForm } from "../submissions/attachments.server";
import { ResumeElsewhere } from "../ui/resume-elsewhere";
import { StepForm } from "../ui/step-form";

/** What the URL says: came from the check page, the element to focus, follow-up questions, a person's page. */
const arrival = (request: Request): Arrival => arrivalOf(new URL(request.url));

function respond(formId: string, outcome: StepOutcome, lng: string) {
  if ("goTo" in outcome) throw redirect(placePath(formId, outcome.goTo));
  // A retired procedure: the draft stays readable, and the page says it can no longer be sent.
  return data({ ...outcome.page, closed: closedProcedure(formId, lng) ?? null }, { status: outcome.status });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  const locale = await getLocaleT(request);
  return respond(params.formId!, showStep(ctx, params.stepId!, arrival(request), locale), locale.lng);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  const received = await readStepForm(request, { throttleAddress: context.clientIp });
  const locale = await getLocaleT(request);
  return respond(params.formId!, await postStep(ctx, params.stepId!, arrival(request), received, locale), locale.lng);
}

export default function StepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  // A new step starts with a fresh form (and no errors from the previous one).
  return (
    <StepForm
      key={page.step.id}
      page={page}
      loaderTitle={loaderData.title}
      serverResult={actionData}
      notice={page.closed ? <ClosedNotice closed={page.closed} /> : null}
      after={<ResumeElsewhere formId={useParams().formId!} />}
    />
  );
}

import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { loadStepPage, postStepPage } from "../journey/step-route.server";
import { ClosedNotice } from "../ui/closed-notice";
import { ResumeElsewhere } from "../ui/resume-elsewhere";
import { StepForm } from "../ui/step-form";

export const loader = loadStepPage;
export const action = postStepPage;

export default function StepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  // A new step starts with a fresh form (and no errors from the previous one).
  return (
    <StepForm
      key={page.step.id}
      page={page}
      serverResult={actionData}
      notice={page.closed ? <ClosedNotice closed={page.closed} /> : null}
      after={<ResumeElsewhere formId={useParams().formId!} />}
    />
  );
}

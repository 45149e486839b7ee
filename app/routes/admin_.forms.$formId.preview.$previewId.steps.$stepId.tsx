import { arrivalOf } from "../journey/paths";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PreviewBanner } from "../admin/preview/preview-banner";
import { openPreview, type PreviewContext } from "../admin/preview/preview.server";
import { requireAdmin } from "../auth/guards.server";
import { getLocaleT } from "../i18n/i18next.server";
import { postStep, showStep, type Arrival, type StepOutcome } from "../journey/step.server";
import { readStepForm } from "../submissions/attachments.server";
import { StepForm } from "../ui/step-form";

/*
 * A step of an administrator's preview: the resident's step page (journey/step.server.ts with a preview actor and the
 * preview's answers store) under the preview banner, in the resident layout (admin_: outside the admin area's layout).
 */

async function previewOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const principal = await requireAdmin(request);
  const ctx = openPreview({ staffId: principal.staff.id }, params.formId!, params.previewId!);
  if (!ctx) throw new Response("Not Found", { status: 404 });
  return ctx;
}

/** What the URL says: came from the check page, the element to focus, follow-up questions, a person's page. */
const arrival = (request: Request): Arrival => arrivalOf(new URL(request.url));

function respond(ctx: PreviewContext, outcome: StepOutcome) {
  if ("goTo" in outcome) throw redirect(ctx.placeUrl(outcome.goTo));
  return data({ ...outcome.page, banner: ctx.banner }, { status: outcome.status });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await previewOf(request, params);
  return respond(ctx, showStep(ctx, params.stepId!, arrival(request), await getLocaleT(request)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await previewOf(request, params);
  const received = await readStepForm(request);
  return respond(ctx, await postStep(ctx, params.stepId!, arrival(request), received, await getLocaleT(request)));
}

export default function PreviewStepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  return (
    <>
      <PreviewBanner banner={page.banner} />
      <StepForm key={page.step.id} page={page} serverResult={actionData} />
    </>
  );
}

/**
 * The resident's step page on the server: its loader and action. The route module imports this one server module
 * (a browser chunk then carries one empty stand-in for it, not one for each server module the page uses).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocaleT } from "../i18n/i18next.server";
import { readStepForm } from "../submissions/attachments.server";
import { closedProcedure } from "./closed.server";
import { requireDraft } from "./draft.server";
import { arrivalOf, placePath } from "./paths";
import { postStep, showStep, type Arrival, type StepOutcome } from "./step.server";

/** What the URL says: came from the check page, the element to focus, follow-up questions, a person's page. */
const arrival = (request: Request): Arrival => arrivalOf(new URL(request.url));

function respond(formId: string, outcome: StepOutcome, lng: string) {
  if ("goTo" in outcome) throw redirect(placePath(formId, outcome.goTo));
  // A retired procedure: the draft stays readable, and the page says it can no longer be sent.
  return data({ ...outcome.page, closed: closedProcedure(formId, lng) ?? null }, { status: outcome.status });
}

export async function loadStepPage({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  const locale = await getLocaleT(request);
  return respond(params.formId!, showStep(ctx, params.stepId!, arrival(request), locale), locale.lng);
}

export async function postStepPage({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.formId!);
  const received = await readStepForm(request, { throttleAddress: context.clientIp });
  const locale = await getLocaleT(request);
  return respond(params.formId!, await postStep(ctx, params.stepId!, arrival(request), received, locale), locale.lng);
}

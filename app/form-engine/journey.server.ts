/**
 * Server side of the resident journey: request parsing, the draft of the person asking, and what a step page shows.
 * Routes call these and stay thin.
 */
import { redirect } from "@remix-run/node";
import qs from "qs";
import { getPrincipal } from "../auth/session.server";
import { findOpenDraft, formOfDraft, resolveOwner, type Draft } from "../submissions/drafts.server";
import type { FormDefinition } from "./definition";
import { referencedFields } from "./conditions";
import { isVisible, type Answers, type Step } from "./engine";
import { startPath } from "./paths";

/** Form posts as nested objects (files are handled separately): `persons[0][birthDate][year]` → { persons: [{ birthDate: { year } }] }. */
export function nestedFromFormData(form: FormData): Record<string, unknown> {
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (typeof v === "string") params.append(k, v);
  return qs.parse(params.toString(), { depth: 6, arrayLimit: 100, parameterLimit: 2000 }) as Record<string, unknown>;
}


/** The requester's open draft of the procedure, or a redirect to the start page when there is none. */
export async function requireDraft(request: Request, formId: string) {
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  const draft = owner ? findOpenDraft(owner, formId) : undefined;
  if (!owner || !draft) throw redirect(startPath(formId));
  return { owner, draft, form: formOfDraft(draft), principal };
}

export { translateErrors } from "./errors";

/**
 * The fields a step page shows. A field whose condition reads an answer on the same page is always shown
 * (without JavaScript the page cannot react to that answer); the server drops its answer if it does not apply.
 */
export function visibleFieldsOf(step: Step, answers: Answers) {
  const onThisStep = new Set(step.fields.map((f) => f.name));
  return step.fields.filter((f) => (f.showIf && referencedFields(f.showIf).some((n) => onThisStep.has(n))) || isVisible(f, { answers }));
}

export type { Draft, FormDefinition };

/** The start page of a procedure, and starting (or resuming) its draft. */
import type { Principal } from "../auth/session.server";
import { getLiveForm } from "../procedures/store.server";
import { resolvePrefill } from "../prefill/prefill-sources.server";
import { formOfDraft, openOrCreateDraft, type Owner } from "../submissions/drafts.server";
import { journeyOf, type Place } from "./journey";
import { residentActor } from "./draft.server";

/** The procedure residents can start now (its newest published version), or undefined. */
export const startableForm = (formId: string | undefined) => (formId ? getLiveForm(formId) : undefined);

export type StartOutcome = { kind: "notFound" } | { kind: "signIn" } | { kind: "go"; place: Place };

/**
 * Starting creates the draft on the server (what the city knows is looked up once, here), resuming finds it;
 * either way the journey says where to continue.
 */
export function startDraft(formId: string | undefined, principal: Principal | null, owner: Owner): StartOutcome {
  const latest = startableForm(formId);
  if (!latest) return { kind: "notFound" };
  const resident = principal?.role === "resident" ? principal.resident : undefined;
  if (latest.definition.signInRequired && !resident) return { kind: "signIn" };
  const draft = openOrCreateDraft(owner, latest, () => (resident ? resolvePrefill(latest.definition, resident) : {}));
  return { kind: "go", place: journeyOf(formOfDraft(draft).definition, draft, residentActor(principal)).whereToContinue() };
}

/** Who is asking and which draft they are filling in: the server side of the journey's entry points. */
import { redirect } from "@remix-run/node";
import { getPrincipal, type Principal } from "../auth/session.server";
import { findOpenDraft, formOfDraft, resolveOwner, type Draft } from "../submissions/drafts.server";
import { draftStore } from "./answers-store.server";
import type { Actor } from "./journey";
import { startPath } from "./paths";

/** The actor of a resident-side request: a signed-in resident, or someone not signed in (their browser owns the draft). */
export const residentActor = (principal: Principal | null): Actor => ({
  kind: "resident",
  residentAccountId: principal?.role === "resident" ? principal.resident.id : null,
});

/** The requester's open draft of the procedure, or a redirect to the start page when there is none. */
export async function requireDraft(request: Request, formId: string) {
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  const draft = owner ? findOpenDraft(owner, formId) : undefined;
  if (!owner || !draft) throw redirect(startPath(formId));
  const form = formOfDraft(draft);
  return { owner, draft, form, principal, actor: residentActor(principal), store: draftStore(draft, form) };
}

export type DraftContext = Awaited<ReturnType<typeof requireDraft>>;
export type { Draft };

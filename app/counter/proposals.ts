/**
 * 手続きナビ: the procedures a visit should consider, from the definitions' own rules (`proposeWhen`) over what the city
 * knows of the household and what the clerk heard. Pure; no procedure is named in code.
 */
import type { FormDefinition } from "../form-engine/definition";
import { makesFacts, proposalOf, type VisitFacts } from "../form-engine/life-events";
import { localizeText } from "../form-engine/localized";

export type Proposal = {
  formId: string;
  title: string;
  /** why it is proposed; null: not proposed, may still be chosen */ reason: string | null;
  lead: boolean;
};

/**
 * Every live procedure, each with its reason: the life event's lead procedure first (its answers are shared with the
 * others), then the proposed ones that make a fact the others receive (国保 加入: the insurance the 医療費 procedures
 * ask for), then the other proposed ones, then the rest, each group in the catalogue's order. A visit fills them in
 * this order.
 */
export function proposeProcedures(forms: readonly { formId: string; definition: FormDefinition }[], facts: VisitFacts, lng: string): Proposal[] {
  const all = forms.map((f) => {
    const proposal = proposalOf(f.definition.proposeWhen, facts, lng);
    const first = makesFacts(f.definition.shares);
    return { formId: f.formId, title: localizeText(f.definition.title, lng), reason: proposal?.reason ?? null, lead: proposal?.lead ?? false, first };
  });
  const proposed = all.filter((p) => p.reason !== null && !p.lead);
  return [...all.filter((p) => p.lead), ...proposed.filter((p) => p.first), ...proposed.filter((p) => !p.first), ...all.filter((p) => p.reason === null)].map(
    ({ first: _, ...p }) => p,
  );
}

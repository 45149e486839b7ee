/**
 * Life events (ライフイベント) a counter visit starts from, and what a definition may say about them: when the procedure
 * applies (`proposeWhen`, read over the household as the city knows it and what the clerk heard), and which of its
 * answers the visit shares with the procedures filled in after it (`shares`). Data only: no procedure is named here.
 */
import { z } from "zod";
import { evaluate, referencedFields, type Condition } from "./conditions";
import { condition } from "./conditions-schema";
import { localizedText } from "./localized-schema";
import { localizeText, type LocalizedText } from "./localized";

/**
 * A life event's id. Which events exist is data (forms/catalogues/life-events.json, read by the app and passed to the
 * meta-schema in its catalog), like the procedures that name them.
 */
export const lifeEventId = z.string().regex(/^[a-z][a-z0-9-]*$/, "a life event's id: lowercase letters, digits and -");
export type LifeEvent = string;

/**
 * What a visit knows when procedures are proposed: `household`, one item per member with the keys prefill lists offer
 * (relationship, ageYears, sex, nhi, foreign …), and the clerk's interview (`employeeInsurance`: yes / no, blank when
 * not asked). A rule's `person` is read in each member; its `when` over these facts.
 */
export const VISIT_FACTS = ["household", "employeeInsurance"] as const;

/**
 * Shared answers of a visit: an answer given once (転入届's new address) fills the same answer of later procedures.
 * The health insurance ones are what a 国保 加入 in the visit makes true for the 医療費 procedures after it.
 */
export const SHARED_ANSWERS = ["moveDate", "address", "household", "phone", "email", "insuranceType", "insurer", "insuredName"] as const;
export type SharedAnswer = (typeof SHARED_ANSWERS)[number];
/** The shared answer that is a list of people (a group offered from a list); every other one is a single value. */
export const SHARED_LIST: SharedAnswer = "household";

/**
 * A shared answer a procedure makes true by being done in the visit, not by an answer: joining 国保 makes the
 * insurance 国保 (`{"value": "nhi"}`) with the city as insurer (`{{city}}` is the city's name). Procedures that make
 * such facts are filled in before the others that are proposed, so the others receive them.
 */
export const sharedFact = z.object({ value: z.string().min(1) }).strict();
export type SharedFact = z.infer<typeof sharedFact>;
export type ShareTarget = string | string[] | SharedFact;
export const isSharedFact = (v: ShareTarget | undefined): v is SharedFact => typeof v === "object" && v !== null && !Array.isArray(v);
/** Whether a definition makes a fact other procedures of the visit receive. */
export const makesFacts = (shares: Partial<Record<SharedAnswer, ShareTarget>> | undefined) => Object.values(shares ?? {}).some(isSharedFact);

export const proposalRule = z
  .object({
    /** The life events the rule belongs to; without them, any visit (none chosen included). */
    events: z.array(lifeEventId).min(1).optional(),
    /** Some member of the household meets this (read in the member: relationship, ageYears …). */
    person: condition.optional(),
    /** The visit's facts meet this (VISIT_FACTS). */
    when: condition.optional(),
    /** The procedure the life event starts with (転入届 for 転入): filled in first, its answers shared with the rest. */
    lead: z.boolean().optional(),
    /** Why the procedure is proposed, shown to the clerk. {{ages}}: the ages of the members `person` found (「3」「2・5」). */
    reason: localizedText,
  })
  .strict();
export type ProposalRule = z.infer<typeof proposalRule>;

/** The facts' names a condition over the visit may read: checked by the meta-schema. */
export function unknownFacts(c: Condition): string[] {
  return referencedFields(c).filter((name) => !(VISIT_FACTS as readonly string[]).includes(name));
}

export type Member = Record<string, unknown> & { ageYears?: number };
export type VisitFacts = { lifeEvent: LifeEvent | null; household: Member[]; employeeInsurance?: string };

/** The first rule of a definition that holds for a visit, with its reason worded; null when none does. */
export function proposalOf(rules: readonly ProposalRule[] | undefined, facts: VisitFacts, lng: string): { reason: string; lead: boolean } | null {
  for (const rule of rules ?? []) {
    if (rule.events && (!facts.lifeEvent || !rule.events.includes(facts.lifeEvent))) continue;
    const scope = { answers: { household: facts.household, employeeInsurance: facts.employeeInsurance ?? "" } };
    if (!evaluate(rule.when, scope)) continue;
    const found = rule.person ? facts.household.filter((item) => evaluate(rule.person, { ...scope, item })) : [];
    if (rule.person && found.length === 0) continue;
    const ages = found
      .map((m) => m.ageYears)
      .filter((a): a is number => typeof a === "number")
      .sort((a, b) => a - b);
    return { reason: fill(rule.reason, lng, { ages: [...new Set(ages)].join("・") }), lead: rule.lead ?? false };
  }
  return null;
}

const fill = (text: LocalizedText, lng: string, params: Record<string, string>) =>
  localizeText(text, lng).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);

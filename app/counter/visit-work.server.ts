/**
 * The work of a counter visit (書かない窓口): the life event and the short interview, the procedures proposed by the
 * definitions' rules and ticked by the clerk, and each chosen procedure filled in once for the whole visit — its own
 * draft owned by the visit, prefilled from the city's records and from the answers the visit already gave (shares).
 */
import { and, asc, eq, gte, inArray, ne, or } from "drizzle-orm";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { counterVisits, drafts, residentAccounts, submissions } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { searchKey } from "../cases/search";
import { getCity } from "../city.server";
import { now } from "../clock.server";
import { getDb } from "../db.server";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { formatDateTime } from "../i18n/dates";
import type { VisitFacts } from "../form-engine/life-events";
import { isLifeEvent } from "../procedures/life-events.server";
import { localizeText } from "../form-engine/localized";
import { draftStore } from "../journey/answers-store.server";
import { missingAnswers, type SectionsContext } from "../journey/sections.server";
import { resolvePrefill } from "../prefill/prefill-sources.server";
import { carryOver, sharedValues } from "../prefill/visit";
import { getFormVersion, getLiveForm, listLiveForms, type StoredForm } from "../procedures/store.server";
import { findOpenDraft, formOfDraft, openOrCreateDraft, type Draft } from "../submissions/drafts.server";
import { proposeProcedures } from "./proposals";
import { findPerson, householdFacts, type CounterPerson, type PersonRef } from "./registry.server";
import { clerkVisit, type Clerk } from "./visits.server";

export type VisitRow = typeof counterVisits.$inferSelect;
export const personRefOf = (v: VisitRow): PersonRef => (v.personId ? { kind: "resident", id: v.personId } : { kind: "mover", id: v.moveInPersonId! });

export { clerkVisit };

const factsOf = (v: VisitRow): VisitFacts => ({
  lifeEvent: isLifeEvent(v.lifeEvent) ? v.lifeEvent : null,
  household: householdFacts(personRefOf(v)),
  employeeInsurance: v.employeeInsurance ?? undefined,
});

/** 手続きナビ: every live procedure, those the definitions propose for this visit first, each with its reason. */
export function visitProposals(v: VisitRow, lng: string) {
  return proposeProcedures(listLiveForms(now()), factsOf(v), lng);
}

const interviewSchema = z.object({
  lifeEvent: z.string({ error: () => "lifeEventRequired" }).refine((v) => v === "none" || isLifeEvent(v), "lifeEventRequired"),
  employeeInsurance: z.enum(["yes", "no", ""], { error: () => "invalid" }).default(""),
});

export type InterviewResult = { ok: true } | { ok: false; problem: "notFound" | "closed" } | { ok: false; problem: "invalid"; errors: string[] };

/** The life event and what the interview heard; the proposals follow from them. */
export function recordInterview(clerk: Clerk, visitId: string, input: { lifeEvent: unknown; employeeInsurance: unknown }): InterviewResult {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (v.status !== "open") return { ok: false, problem: "closed" };
  const parsed = interviewSchema.safeParse({ lifeEvent: input.lifeEvent, employeeInsurance: input.employeeInsurance ?? "" });
  if (!parsed.success) return { ok: false, problem: "invalid", errors: parsed.error.issues.map((i) => i.message) };
  const { lifeEvent, employeeInsurance } = parsed.data;
  getDb()
    .update(counterVisits)
    .set({ lifeEvent: lifeEvent === "none" ? "none" : lifeEvent, employeeInsurance: employeeInsurance || null })
    .where(eq(counterVisits.id, v.id))
    .run();
  return { ok: true };
}

export type ChooseResult = { ok: true; first: string } | { ok: false; problem: "notFound" | "closed" | "noneChosen" };

/** The procedures the clerk ticked (only live ones; in the catalogue's order). Their drafts start when opened. */
export function chooseProcedures(clerk: Clerk, visitId: string, input: unknown[]): ChooseResult {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (v.status !== "open" || v.submittedAt) return { ok: false, problem: "closed" };
  const ticked = new Set(input.filter((x): x is string => typeof x === "string"));
  const order = visitProposals(v, "ja").map((p) => p.formId);
  const chosen = order.filter((id) => ticked.has(id));
  if (chosen.length === 0) return { ok: false, problem: "noneChosen" };
  getDb().update(counterVisits).set({ chosenForms: chosen, confirmedAt: null }).where(eq(counterVisits.id, v.id)).run();
  recordAudit({
    actor: { role: clerk.role, id: clerk.id },
    action: "counter.procedures_chosen",
    subject: { type: "counter_visit", id: v.id },
    details: { forms: chosen },
  });
  return { ok: true, first: chosen[0]! };
}

/** The visit's drafts by procedure (open or submitted). */
export function visitDrafts(v: VisitRow): Map<string, Draft> {
  const rows = getDb().select().from(drafts).where(eq(drafts.counterVisitId, v.id)).all();
  return new Map(rows.filter((d) => d.status !== "closed").map((d) => [d.formId, d]));
}

/**
 * The person as an account the prefill sources understand: their record in 住民記録 or the 転出証明書情報 (the visit
 * checked who they are), with no kept profile of their own.
 */
function accountOf(v: VisitRow, person: CounterPerson | null): typeof residentAccounts.$inferSelect {
  return {
    id: `counter-visit:${v.id}`,
    provider: "counter",
    subject: v.id,
    name: person?.name ?? "",
    nameKana: person?.kana ?? null,
    birthDate: person?.birthDate ?? null,
    sex: person?.sex ?? null,
    address: person?.address ?? null,
    personId: v.personId,
    moveInPersonId: v.moveInPersonId,
    language: null,
    createdAt: v.startedAt,
    lastSignInAt: null,
  };
}

/** How far back an online application counts for a visit: a 保育所 application is made weeks before the move. */
const ONLINE_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * The person's applications made online — from their own account, or under their name and birth date — except those
 * refused, oldest first. A resident who applied from home shows the 受付番号 (or its QR code) at the counter: the visit
 * lists these, does not propose them again, and carries their shared answers into its procedures (issue 12 point 8).
 */
export function onlineApplicationsOf(v: VisitRow, person: CounterPerson | null = findPerson(personRefOf(v))) {
  const accounts = getDb()
    .select({ id: residentAccounts.id })
    .from(residentAccounts)
    .where(v.personId ? eq(residentAccounts.personId, v.personId) : eq(residentAccounts.moveInPersonId, v.moveInPersonId!))
    .all()
    .map((a) => a.id);
  const theirs = [
    ...(accounts.length > 0 ? [inArray(submissions.residentAccountId, accounts)] : []),
    // cases/applicant.ts: the applicant's name without spaces and birth date, for an application made without signing in.
    ...(person ? [eq(submissions.personKey, `${searchKey(person.name)}|${person.birthDate}`)] : []),
  ];
  if (theirs.length === 0) return [];
  return getDb()
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.channel, "online"),
        ne(submissions.status, "rejected"),
        gte(submissions.submittedAt, new Date(now().getTime() - ONLINE_WINDOW_MS)),
        or(...theirs),
      ),
    )
    .orderBy(asc(submissions.submittedAt))
    .all();
}

/**
 * What was already answered, for the answers procedures share: the person's online applications first (a 転入届
 * notified from home leads, as it would in the visit), then the visit's other procedures in the visit's order.
 */
function sharedOf(v: VisitRow, person: CounterPerson | null, all: Map<string, Draft>, except: string) {
  const online = onlineApplicationsOf(v, person).map((s) => ({
    definition: getFormVersion(s.formVersionId)!.definition as FormDefinition,
    answers: s.answers,
  }));
  const earlier = v.chosenForms
    .filter((id) => id !== except && all.has(id))
    .map((id) => {
      const d = all.get(id)!;
      return { definition: formOfDraft(d).definition as FormDefinition, answers: d.answers };
    });
  // The visit's own person in a list of people: the same name and birth date as the person whose identity was checked.
  const isSelf = (p: Answers) => {
    const name = p.name as { family?: string; given?: string } | undefined;
    return Boolean(person && name && p.birthDate === person.birthDate && searchKey(`${name.family ?? ""}${name.given ?? ""}`) === searchKey(person.name));
  };
  return sharedValues([...online, ...earlier], now(), { city: getCity().name.ja, isSelf });
}

/**
 * The draft of a chosen procedure, started on first opening. Until the clerk saves a section, its prefill follows the
 * visit: an answer changed in the 転入届 meanwhile is what 児童手当 starts from.
 */
function draftFor(clerk: Clerk, v: VisitRow, form: StoredForm, all: Map<string, Draft>): Draft {
  const person = findPerson(personRefOf(v));
  const records = resolvePrefill(form.definition, accountOf(v, person));
  const existing = all.get(form.formId);
  if (existing && (existing.completedSteps.length > 0 || existing.status !== "open")) return existing;
  const definition = existing ? formOfDraft(existing).definition : form.definition;
  const prefill = carryOver(definition, records, sharedOf(v, person, all, form.formId));
  if (!existing) return continueOnline(clerk, v, form.formId) ?? openOrCreateDraft({ counterVisitId: v.id }, form, () => prefill);
  getDb().update(drafts).set({ prefill }).where(eq(drafts.id, existing.id)).run();
  return { ...existing, prefill };
}

/**
 * A procedure the resident began online (signed in as this person): the visit continues with those answers, on the
 * version they were given, and the online draft is closed so it cannot be sent a second time.
 */
function continueOnline(clerk: Clerk, v: VisitRow, formId: string): Draft | null {
  const db = getDb();
  const account = db
    .select({ id: residentAccounts.id })
    .from(residentAccounts)
    .where(v.personId ? eq(residentAccounts.personId, v.personId) : eq(residentAccounts.moveInPersonId, v.moveInPersonId!))
    .all();
  const online = account.map((a) => findOpenDraft({ residentAccountId: a.id }, formId)).find((d): d is Draft => Boolean(d) && !d!.correctionOf);
  if (!online) return null;
  const at = now();
  // Copied and closed as stored under the write lock: sent or changed online meanwhile (another app server), the
  // resident's latest answers are the ones continued, and a draft already sent is not continued.
  const draft = db.transaction((tx) => {
    const current = tx.select().from(drafts).where(eq(drafts.id, online.id)).get();
    if (current?.status !== "open") return null;
    const copy: Draft = { ...current, id: randomUUID(), residentAccountId: null, anonymousKeyHash: null, counterVisitId: v.id, createdAt: at, updatedAt: at };
    tx.insert(drafts).values(copy).run();
    tx.update(drafts).set({ status: "closed", updatedAt: at }).where(eq(drafts.id, online.id)).run();
    return copy;
  });
  if (!draft) return null;
  recordAudit({
    actor: { role: clerk.role, id: clerk.id },
    action: "counter.online_draft_continued",
    subject: { type: "counter_visit", id: v.id },
    details: { formId, draftId: online.id },
  });
  return draft;
}

export type ProcedureProgress = { formId: string; title: string; started: boolean; missing: number; submitted: boolean };

/** Each chosen procedure and how many answers are still missing in it (what the clerk's list shows). */
export function visitProgress(v: VisitRow, lng: string, all = visitDrafts(v)): ProcedureProgress[] {
  return v.chosenForms.flatMap((formId): ProcedureProgress[] => {
    const d = all.get(formId);
    const form = d ? formOfDraft(d) : getLiveForm(formId);
    if (!form) return [];
    const title = localizeText(form.definition.title, lng);
    if (!d) return [{ formId, title, started: false, missing: 0, submitted: false }];
    const missing = missingAnswers(form, d).reduce((n, m) => n + m.count, 0);
    return [{ formId, title, started: true, missing, submitted: d.status === "submitted" }];
  });
}

export type VisitProcedure = { visit: VisitRow; ctx: SectionsContext; draft: Draft; progress: ProcedureProgress[]; next: string | null };

/** A chosen procedure of the clerk's open visit, its draft started or refreshed; null when there is no such thing. */
export function openVisitProcedure(clerk: Clerk, visitId: string, formId: string, lng: string): VisitProcedure | null {
  const v = clerkVisit(clerk, visitId);
  if (!v || v.status !== "open" || !v.chosenForms.includes(formId)) return null;
  const all = visitDrafts(v);
  const existing = all.get(formId);
  const form = existing ? formOfDraft(existing) : getLiveForm(formId);
  if (!form) return null;
  const draft = draftFor(clerk, v, form, all);
  all.set(formId, draft);
  const pinned = getFormVersion(draft.formVersionId) ?? form;
  const index = v.chosenForms.indexOf(formId);
  return {
    visit: v,
    draft,
    ctx: { form: pinned, draft, store: draftStore(draft, pinned) },
    progress: visitProgress(v, lng, all),
    next: v.chosenForms[index + 1] ?? null,
  };
}

/** What the visit page shows of the work: the interview, the proposals once a life event is chosen, the chosen procedures. */
export function visitWork(v: VisitRow, lng: string) {
  const online = onlineApplicationsOf(v).map((s) => ({
    id: s.id,
    formId: s.formId,
    receiptNumber: s.receiptNumber,
    title: localizeText(getFormVersion(s.formVersionId)!.definition.title, lng),
    status: s.status,
    submittedAt: formatDateTime(s.submittedAt, lng),
  }));
  const appliedOnline = new Map(online.map((o) => [o.formId, o.receiptNumber]));
  return {
    lifeEvent: v.lifeEvent,
    employeeInsurance: v.employeeInsurance,
    online,
    // A procedure applied for online is not proposed again: it is already in the queue.
    proposals: (v.lifeEvent ? visitProposals(v, lng) : []).map((p) =>
      appliedOnline.has(p.formId) ? { ...p, reason: null, appliedOnline: appliedOnline.get(p.formId)! } : { ...p, appliedOnline: null },
    ),
    chosen: v.chosenForms,
    progress: visitProgress(v, lng),
    confirmedAt: v.confirmedAt?.toISOString() ?? null,
    submittedAt: v.submittedAt?.toISOString() ?? null,
  };
}

/**
 * The end of a counter visit: the resident reads every answer of every chosen procedure with where it came from and
 * confirms (or asks for a correction, which takes the clerk back to that question), may sign on screen, and one
 * action submits every procedure — each recording channel 窓口, the clerk, the confirmation and its time, the visit
 * (and through it the identity check). One PDF holds all the visit's 申請書.
 */
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { TFunction } from "i18next";
import { z } from "zod";
import { counterVisits, submissions } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { now } from "../clock.server";
import { getDb } from "../db.server";
import { canonicalJson } from "../form-engine/canonical-json";
import { summarize, type SummarySection } from "../form-engine/summary";
import { localizeText } from "../form-engine/localized";
import { journeyOf } from "../journey/journey";
import { sourceMarks } from "../prefill/prefill-sources.server";
import { fallbackLanguage, type Language } from "../i18n/config";
import { isLanguage } from "../i18n/languages.server";
import { formOfDraft, submitDraft } from "../submissions/drafts.server";
import type { Clerk } from "./visits.server";
import { clerkVisit, visitDrafts, visitProgress, type VisitRow } from "./visit-work.server";

/** SVG path data of the on-screen signature (M/L commands in a 600×200 box), bounded in size. */
const signatureSchema = z
  .string()
  .max(20_000)
  .regex(/^(?:[ML] ?\d{1,3}(?:\.\d)? \d{1,3}(?:\.\d)? ?)+$/);

export type ConfirmationProcedure = { formId: string; title: string; sections: SummarySection[] };

/** Every chosen procedure complete (started, nothing missing): only then may the resident confirm. */
const complete = (v: VisitRow, lng: string) => {
  const progress = visitProgress(v, lng);
  return progress.length > 0 && progress.every((p) => p.started && p.missing === 0);
};

/** What the resident reads: each procedure's answers by section; a row's source says where its answer came from. */
export function confirmationOf(clerk: Clerk, visitId: string, lng: string, t: TFunction) {
  const v = clerkVisit(clerk, visitId);
  if (!v) return null;
  const all = visitDrafts(v);
  const procedures: ConfirmationProcedure[] = v.chosenForms.flatMap((formId) => {
    const draft = all.get(formId);
    if (!draft) return [];
    const { definition } = formOfDraft(draft);
    return [{ formId, title: localizeText(definition.title, lng), sections: summarize(definition, draft.answers, lng, t, sourceMarks(draft.provenance)) }];
  });
  return {
    visit: v,
    procedures,
    shown: shownDigest(v, all),
    complete: complete(v, lng),
    confirmedAt: v.confirmedAt?.toISOString() ?? null,
    signature: v.signature,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    receipts: v.submittedAt ? receiptsOf(v) : [],
  };
}

/**
 * What the confirmation page shows, as one digest: the chosen procedures and their answers. The page carries it, so a
 * confirmation is of what the resident read; an answer changed after the page was drawn (the clerk's other tab, or
 * another app server) makes it stale.
 */
function shownDigest(v: VisitRow, all = visitDrafts(v)): string {
  const shown = v.chosenForms.map((formId) => [formId, all.get(formId)?.answers ?? null]);
  return createHash("sha256").update(canonicalJson(shown)).digest("base64url");
}

export type ConfirmResult = { ok: true } | { ok: false; problem: "notFound" | "incomplete" | "closed" | "badSignature" | "changed" };

/** The resident confirms every answer the page showed them (with the signature drawn on screen, if any). */
export function confirmVisit(clerk: Clerk, visitId: string, input: { signature: unknown; shown?: unknown }): ConfirmResult {
  // Compared and written under the write lock: a save through another app server lands before or after, not between.
  return getDb().transaction(() => confirmShownVisit(clerk, visitId, input));
}

function confirmShownVisit(clerk: Clerk, visitId: string, input: { signature: unknown; shown?: unknown }): ConfirmResult {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (v.status !== "open" || v.submittedAt) return { ok: false, problem: "closed" };
  if (!complete(v, "ja")) return { ok: false, problem: "incomplete" };
  if (input.shown !== shownDigest(v)) return { ok: false, problem: "changed" };
  const raw = typeof input.signature === "string" ? input.signature.trim() : "";
  const signature = raw ? signatureSchema.safeParse(raw) : null;
  if (signature && !signature.success) return { ok: false, problem: "badSignature" };
  const at = now();
  getDb()
    .update(counterVisits)
    .set({ confirmedAt: at, signature: signature?.data ?? null, correction: null })
    .where(eq(counterVisits.id, v.id))
    .run();
  recordAudit({
    actor: { role: clerk.role, id: clerk.id },
    action: "counter.resident_confirmed",
    subject: { type: "counter_visit", id: v.id },
    at,
    details: { signed: Boolean(signature) },
  });
  return { ok: true };
}

export type CorrectionResult = { ok: true; formId: string; field: string } | { ok: false; problem: "notFound" | "closed" };

/** The language the resident reads the confirmation view in: Japanese unless the clerk turned it to theirs. */
export const residentLanguageOf = (v: VisitRow): Language => (isLanguage(v.residentLanguage) ? v.residentLanguage : fallbackLanguage);

/** The clerk turns the confirmation view to the resident's language (one of the site's languages). */
export function setResidentLanguage(clerk: Clerk, visitId: string, lng: unknown): { ok: true } | { ok: false; problem: "notFound" | "unknownLanguage" } {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (!isLanguage(lng)) return { ok: false, problem: "unknownLanguage" };
  getDb().update(counterVisits).set({ residentLanguage: lng }).where(eq(counterVisits.id, v.id)).run();
  return { ok: true };
}

/** The resident asks for an answer to be corrected: the confirmation is withdrawn and the clerk goes to that question. */
export function askCorrection(clerk: Clerk, visitId: string, input: { formId: unknown; field: unknown }): CorrectionResult {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (v.status !== "open" || v.submittedAt) return { ok: false, problem: "closed" };
  const formId = typeof input.formId === "string" ? input.formId : "";
  const field = typeof input.field === "string" ? input.field : "";
  const draft = visitDrafts(v).get(formId);
  const known = draft && formOfDraft(draft).definition.steps.some((s) => s.fields.some((f) => f.name === field));
  if (!v.chosenForms.includes(formId) || !known) return { ok: false, problem: "notFound" };
  getDb().update(counterVisits).set({ confirmedAt: null, correction: { formId, field } }).where(eq(counterVisits.id, v.id)).run();
  return { ok: true, formId, field };
}

/**
 * The clerk changed answers: what the resident confirmed is no longer what would be submitted, so they confirm again
 * (a correction they asked for is then made).
 */
export function answersChanged(visitId: string) {
  getDb().update(counterVisits).set({ correction: null, confirmedAt: null }).where(eq(counterVisits.id, visitId)).run();
}

function receiptsOf(v: VisitRow) {
  return getDb()
    .select({ id: submissions.id, formId: submissions.formId, receiptNumber: submissions.receiptNumber })
    .from(submissions)
    .where(eq(submissions.counterVisitId, v.id))
    .all()
    .sort((a, b) => v.chosenForms.indexOf(a.formId) - v.chosenForms.indexOf(b.formId));
}

export type SubmitVisitResult = { ok: true } | { ok: false; problem: "notFound" | "closed" | "notConfirmed" | "incomplete" };

/**
 * One action submits every chosen procedure, each validated again against its own definition first (a clerk's draft
 * like a resident's). All or none, under the write lock: a confirmation withdrawn or an answer changed through another
 * app server meanwhile is seen before anything is sent. Each draft is submitted once (draft_id is unique), so a second
 * click finds the visit submitted.
 */
export function submitVisit(clerk: Clerk, visitId: string): SubmitVisitResult {
  return getDb().transaction(() => submitConfirmedVisit(clerk, visitId));
}

function submitConfirmedVisit(clerk: Clerk, visitId: string): SubmitVisitResult {
  const v = clerkVisit(clerk, visitId);
  if (!v) return { ok: false, problem: "notFound" };
  if (v.submittedAt) return { ok: true };
  if (v.status !== "open") return { ok: false, problem: "closed" };
  if (!v.confirmedAt) return { ok: false, problem: "notConfirmed" };
  const all = visitDrafts(v);
  const drafts = v.chosenForms.map((id) => all.get(id));
  const actor = { kind: "clerk" as const, staffId: clerk.id, residentAccountId: null };
  if (drafts.some((d) => !d || (d.status === "open" && !journeyOf(formOfDraft(d).definition, d, actor).canSubmit().ok)))
    return { ok: false, problem: "incomplete" };
  const entry = { visitId: v.id, clerkId: clerk.id, confirmedAt: v.confirmedAt };
  // Each submission records the language the resident read and confirmed it in.
  const made = drafts.map((d) => submitDraft(d!.id, residentLanguageOf(v), { counter: entry }));
  const at = now();
  getDb().update(counterVisits).set({ submittedAt: at }).where(eq(counterVisits.id, v.id)).run();
  recordAudit({
    actor: { role: clerk.role, id: clerk.id },
    action: "counter.visit_submitted",
    subject: { type: "counter_visit", id: v.id },
    at,
    details: { receipts: made.map((s) => s.receiptNumber) },
  });
  return { ok: true };
}

/** The visit's submissions, for its one PDF (in the visit's order), with the signature drawn on screen, if any. */
export function visitSubmissionIds(clerk: Clerk, visitId: string): { ids: string[]; signature: string | null } | null {
  const v = clerkVisit(clerk, visitId);
  if (!v || !v.submittedAt) return null;
  const ids = receiptsOf(v).map((r) => r.id);
  const rows = getDb().select({ id: submissions.id }).from(submissions).where(inArray(submissions.id, ids)).all();
  return rows.length ? { ids, signature: v.signature } : null;
}

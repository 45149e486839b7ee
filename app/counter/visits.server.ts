/**
 * 来庁受付: the clerk's search, the person opened, the visit it starts. Every registry search (the query and how many
 * were found, never who) and every person opened is written to the audit log, naming the clerk and, once there is one,
 * the visit. A visit without activity for COUNTER_VISIT_IDLE_MINUTES closes when visits are next read.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { counterVisits, IDENTITY_CHECKS, type IdentityCheck } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { now } from "../clock.server";
import { getDb } from "../db.server";
import { getEnv } from "../env.server";
import { localizeText } from "../form-engine/localized";
import { listLiveForms } from "../procedures/store.server";
import { receiptKey } from "../cases/search";
import { applicantOfReceipt, findPerson, searchRegistry, type CounterPerson, type PersonRef } from "./registry.server";
import { parseCounterQuery } from "./search";

/** How identity may be checked at the counter, in the order the clerk is offered them. */
export const IDENTITY_CHECK_METHODS = IDENTITY_CHECKS;

/** The clerk at the counter (窓口 or 審査 staff, or an administrator). */
export type Clerk = { role: "staff" | "admin"; id: string };

const auditActor = (clerk: Clerk) => ({ role: clerk.role, id: clerk.id });
const subjectOf = (ref: PersonRef) => ({ type: ref.kind === "resident" ? "person" : "move_in_person", id: ref.id });

/** The longest query kept in the audit log: enough to see what was asked, not a place to store text. */
const MAX_QUERY = 100;

export type SearchOutcome = { problem: "empty" } | { problem: null; kind: "receipt" | "birthDate" | "text"; results: CounterPerson[] };

export function searchAtCounter(clerk: Clerk, raw: string): SearchOutcome {
  let query = parseCounterQuery(raw.slice(0, MAX_QUERY));
  if (query.kind === "empty") return { problem: "empty" };
  // Eight letters typed without the hyphen read as a name (NGUYENVA), unless they are a 受付番号 we issued (ABCDEFGH).
  const receipt = query.kind === "text" ? receiptKey(raw.slice(0, MAX_QUERY)) : null;
  if (receipt && applicantOfReceipt(receipt)) query = { kind: "receipt", receipt };
  const results = searchRegistry(query);
  recordAudit({ actor: auditActor(clerk), action: "counter.search", details: { query: raw.slice(0, MAX_QUERY), kind: query.kind, results: results.length } });
  return { problem: null, kind: query.kind, results };
}

/** A person shown before the visit starts (to check it is the right one): audited as a look-up without a visit. */
export function lookUpPerson(clerk: Clerk, ref: PersonRef): CounterPerson | null {
  const person = findPerson(ref);
  if (person) recordAudit({ actor: auditActor(clerk), action: "counter.person_viewed", subject: subjectOf(ref) });
  return person;
}

const identitySchema = z
  .object({
    identityCheck: z.enum(IDENTITY_CHECKS, { error: () => "identityRequired" }),
    identityNote: z
      .string()
      .trim()
      .max(200, { error: () => "noteTooLong" })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.identityCheck === "other" && !v.identityNote) ctx.addIssue({ code: "custom", path: ["identityNote"], message: "noteRequired" });
  });

export type StartVisitResult =
  | { ok: true; visitId: string }
  | { ok: false; problem: "notFound" }
  | { ok: false; problem: "invalid"; errors: { target: "identityCheck" | "identityNote"; problem: string }[] };

/** Opens a person: starts a visit recording the clerk, the time and how identity was checked. */
export function startVisit(clerk: Clerk, ref: PersonRef, input: { identityCheck: unknown; identityNote: unknown }): StartVisitResult {
  if (!findPerson(ref)) return { ok: false, problem: "notFound" };
  const parsed = identitySchema.safeParse({
    identityCheck: input.identityCheck,
    identityNote: typeof input.identityNote === "string" && input.identityNote.trim() ? input.identityNote : undefined,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problem: "invalid",
      errors: parsed.error.issues.map((i) => ({ target: i.path[0] === "identityNote" ? "identityNote" : "identityCheck", problem: i.message })),
    };
  }
  const at = now();
  const id = randomUUID();
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(counterVisits)
      .values({
        id,
        staffUserId: clerk.id,
        personId: ref.kind === "resident" ? ref.id : null,
        moveInPersonId: ref.kind === "mover" ? ref.id : null,
        startedAt: at,
        lastActivityAt: at,
        identityCheck: parsed.data.identityCheck,
        identityNote: parsed.data.identityCheck === "other" ? (parsed.data.identityNote ?? null) : null,
      })
      .run();
    recordAudit(
      {
        actor: auditActor(clerk),
        action: "counter.person_opened",
        subject: subjectOf(ref),
        details: { visitId: id, identityCheck: parsed.data.identityCheck },
        at,
      },
      tx,
    );
  });
  return { ok: true, visitId: id };
}

const idleMs = () => getEnv().COUNTER_VISIT_IDLE_MINUTES * 60_000;

/**
 * Closes every open visit idle for longer than the configured time, as of `at`; closed_at is when it went idle, not
 * when this ran. Called before visits are read, so no timer is needed and every app server agrees.
 */
export function closeIdleVisits(at: Date = now()) {
  const limit = idleMs();
  const db = getDb();
  const idle = and(eq(counterVisits.status, "open"), lt(counterVisits.lastActivityAt, new Date(at.getTime() - limit)));
  const stale = db.select({ id: counterVisits.id, lastActivityAt: counterVisits.lastActivityAt }).from(counterVisits).where(idle).all();
  for (const v of stale) {
    // Still idle as it is written: worked on through another app server since the read, the visit stays open.
    db.update(counterVisits)
      .set({ status: "closed", closeReason: "idle", closedAt: new Date(v.lastActivityAt.getTime() + limit) })
      .where(and(eq(counterVisits.id, v.id), idle))
      .run();
  }
}

export type VisitSummary = {
  id: string;
  status: "open" | "closed";
  closeReason: "finished" | "idle" | null;
  startedAt: string;
  closedAt: string | null;
  identityCheck: IdentityCheck;
  identityNote: string | null;
  person: CounterPerson | null;
};

type VisitRow = typeof counterVisits.$inferSelect;
const refOf = (v: VisitRow): PersonRef => (v.personId ? { kind: "resident", id: v.personId } : { kind: "mover", id: v.moveInPersonId! });

function summaryOf(v: VisitRow): VisitSummary {
  return {
    id: v.id,
    status: v.status,
    closeReason: v.closeReason,
    startedAt: v.startedAt.toISOString(),
    closedAt: v.closedAt?.toISOString() ?? null,
    identityCheck: v.identityCheck,
    identityNote: v.identityNote,
    // A mover whose 転入 was completed is no longer pending: the visit stays listed without the person.
    person: findPerson(refOf(v)),
  };
}

/** The clerk's own visit (another clerk's is not found); an open one is touched, which keeps it open while worked on. */
export function clerkVisit(clerk: Clerk, visitId: string, at: Date = now()) {
  closeIdleVisits(at);
  const db = getDb();
  const row = db
    .select()
    .from(counterVisits)
    .where(and(eq(counterVisits.id, visitId), eq(counterVisits.staffUserId, clerk.id)))
    .get();
  if (!row) return null;
  if (row.status === "open") db.update(counterVisits).set({ lastActivityAt: at }).where(eq(counterVisits.id, row.id)).run();
  return row;
}

/** The clerk's own visit, with the procedures that may be started for the person. */
export function openVisit(clerk: Clerk, visitId: string, lng: string) {
  const at = now();
  const row = clerkVisit(clerk, visitId, at);
  if (!row) return null;
  const procedures = listLiveForms(at).map((f) => ({ formId: f.formId, title: localizeText(f.definition.title, lng) }));
  return { visit: summaryOf(row), procedures };
}

/** The clerk ends the visit. A visit already closed (idle, or a second click) stays as it was. */
export function finishVisit(clerk: Clerk, visitId: string): { ok: true } | { ok: false; problem: "notFound" } {
  const at = now();
  closeIdleVisits(at);
  const db = getDb();
  const row = db
    .select({ id: counterVisits.id })
    .from(counterVisits)
    .where(and(eq(counterVisits.id, visitId), eq(counterVisits.staffUserId, clerk.id)))
    .get();
  if (!row) return { ok: false, problem: "notFound" };
  db.transaction((tx) => {
    const changed = tx
      .update(counterVisits)
      .set({ status: "closed", closeReason: "finished", closedAt: at })
      .where(and(eq(counterVisits.id, visitId), eq(counterVisits.status, "open")))
      .run().changes;
    if (changed) recordAudit({ actor: auditActor(clerk), action: "counter.visit_finished", subject: { type: "counter_visit", id: visitId }, at }, tx);
  });
  return { ok: true };
}

/** The clerk's latest visits, open and closed, newest first: where unfinished work is found again. */
export function recentVisits(clerk: Clerk, limit = 20): VisitSummary[] {
  closeIdleVisits();
  return getDb()
    .select()
    .from(counterVisits)
    .where(eq(counterVisits.staffUserId, clerk.id))
    .orderBy(desc(counterVisits.startedAt))
    .limit(limit)
    .all()
    .map(summaryOf);
}

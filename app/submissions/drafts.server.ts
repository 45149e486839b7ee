import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, desc, eq, sql } from "drizzle-orm";
import { drafts, residentAccounts, submissions } from "../../db/schema";
import { applicantOf } from "../cases/applicant";
import { applicationPath, resubmitCorrection } from "../cases/workflow.server";
import { kickDelivery, queueNotice } from "../notify/outbox.server";
import type { Principal } from "../auth/session.server";
import { getDb, preparedQuery } from "../db.server";
import { getEnv } from "../env.server";
import { pruneAnswers, type Answers } from "../form-engine/engine";
import { getFormVersion, type StoredForm } from "../procedures/store.server";
import { provenanceOf, type Prefilled } from "../prefill/provenance";
import { newReceiptNumber } from "./receipt";

/**
 * Who owns a draft: a signed-in resident, or — for residents who are not signed in — the browser session, through a
 * random key in a session cookie (gone when the browser closes, as the resident would expect on a shared device).
 */
export type Owner = { residentAccountId: string } | { anonymousKeyHash: string } | { counterVisitId: string };
/** An owner on the resident's side (a counter visit's drafts are the clerk's). */
export type ResidentOwner = Exclude<Owner, { counterVisitId: string }>;

const anonymousCookie = () => createCookie("madoguchi_anon", { httpOnly: true, sameSite: "lax", secure: getEnv().COOKIE_SECURE, path: "/" });

const hash = (s: string) => createHash("sha256").update(s).digest("base64url");

/** The owner for this request; creates the anonymous key (and returns its Set-Cookie) when there is none yet. */
export async function resolveOwner(
  request: Request,
  principal: Principal | null,
  create: boolean,
): Promise<{ owner: ResidentOwner | null; setCookie?: string }> {
  if (principal?.role === "resident") return { owner: { residentAccountId: principal.resident.id } };
  const key: unknown = await anonymousCookie().parse(request.headers.get("Cookie"));
  if (typeof key === "string" && key.length >= 32) return { owner: { anonymousKeyHash: hash(key) } };
  if (!create) return { owner: null };
  const fresh = randomBytes(32).toString("base64url");
  return { owner: { anonymousKeyHash: hash(fresh) }, setCookie: await anonymousCookie().serialize(fresh) };
}

const ownerWhere = (owner: Owner) =>
  "residentAccountId" in owner
    ? eq(drafts.residentAccountId, owner.residentAccountId)
    : "counterVisitId" in owner
      ? eq(drafts.counterVisitId, owner.counterVisitId)
      : eq(drafts.anonymousKeyHash, owner.anonymousKeyHash);

export type Draft = typeof drafts.$inferSelect;

/**
 * An owner's open drafts of a procedure: every step page asks, so one prepared query per kind of owner. Deliberately
 * without ORDER BY: SQLite (3.54, as better-sqlite3 builds it) marks a statement that sorts by an indexed lookup's
 * bound value for a new query plan on every bind, so an ORDER BY here compiled the query again on each request
 * (a tenth of a millisecond in a busy server). An owner has an open draft or two of a procedure (one more per open
 * 補正依頼, correction request): the newest is picked here.
 */
const openDraftsOf = (ownerColumn: typeof drafts.residentAccountId | typeof drafts.counterVisitId | typeof drafts.anonymousKeyHash) =>
  preparedQuery((db) =>
    db
      .select()
      .from(drafts)
      .where(and(eq(ownerColumn, sql.placeholder("owner")), eq(drafts.formId, sql.placeholder("formId")), eq(drafts.status, "open")))
      .prepare(),
  );
const openDraftsOfAccount = openDraftsOf(drafts.residentAccountId);
const openDraftsOfVisit = openDraftsOf(drafts.counterVisitId);
const openDraftsOfBrowser = openDraftsOf(drafts.anonymousKeyHash);

/** The owner's newest open draft of a procedure, if any (a correction whose 補正依頼 is no longer open is closed first). */
export function findOpenDraft(owner: Owner, formId: string): Draft | undefined {
  const db = getDb();
  const [query, key] =
    "residentAccountId" in owner
      ? [openDraftsOfAccount, owner.residentAccountId]
      : "counterVisitId" in owner
        ? [openDraftsOfVisit, owner.counterVisitId]
        : [openDraftsOfBrowser, owner.anonymousKeyHash];
  const newestFirst = query()
    .all({ owner: key, formId })
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  for (const draft of newestFirst) {
    if (!draft.correctionOf) return draft;
    const target = db.select({ status: submissions.status }).from(submissions).where(eq(submissions.id, draft.correctionOf)).get();
    if (target?.status === "needs_correction") return draft;
    // Staff withdrew or decided the request meanwhile: the correction has nothing left to update.
    db.update(drafts).set({ status: "closed", updatedAt: new Date() }).where(eq(drafts.id, draft.id)).run();
  }
  return undefined;
}

export function createDraft(owner: Owner, form: StoredForm, prefill: Prefilled = {}): Draft {
  const now = new Date();
  const row = {
    id: randomUUID(),
    formVersionId: form.versionId,
    formId: form.formId,
    residentAccountId: "residentAccountId" in owner ? owner.residentAccountId : null,
    anonymousKeyHash: "anonymousKeyHash" in owner ? owner.anonymousKeyHash : null,
    answers: {},
    completedSteps: [],
    prefill,
    provenance: {},
    status: "open" as const,
    correctionOf: null,
    counterVisitId: "counterVisitId" in owner ? owner.counterVisitId : null,
    updatedAt: now,
  };
  getDb().insert(drafts).values(row).run();
  return { ...row, createdAt: now };
}

/**
 * The owner's open draft of the procedure, or a new one: looked for and made under the write lock, so two starts at
 * the same moment (a double click, two app servers) make one draft. `prefill` is asked only for a new draft.
 */
export function openOrCreateDraft(owner: Owner, form: StoredForm, prefill: () => Prefilled): Draft {
  return getDb().transaction(() => findOpenDraft(owner, form.formId) ?? createDraft(owner, form, prefill()));
}

/** The definition a draft was started with: a newer published version never changes a draft in progress. */
export function formOfDraft(draft: Draft): StoredForm {
  const form = getFormVersion(draft.formVersionId);
  if (!form) throw new Error(`Draft ${draft.id} points at a missing form version`);
  return form;
}

/**
 * Changes a draft as it is stored now, read again under the write lock: another request (a second tab, a retried
 * post) may have saved another step since this one read the draft, and its answers stay. A draft submitted or closed
 * meanwhile is left as it is.
 */
function changeOpenDraft(draft: Draft, change: (current: Draft) => Pick<Draft, "answers" | "completedSteps"> & Partial<Pick<Draft, "provenance">>): Draft {
  return getDb().transaction((tx) => {
    const current = tx.select().from(drafts).where(eq(drafts.id, draft.id)).get();
    if (current?.status !== "open") return current ?? draft;
    const changed = { ...change(current), updatedAt: new Date() };
    tx.update(drafts).set(changed).where(eq(drafts.id, draft.id)).run();
    return { ...current, ...changed };
  });
}

export function saveStep(draft: Draft, form: StoredForm, stepId: string, values: Answers): Draft {
  return changeOpenDraft(draft, (current) => {
    const answers = pruneAnswers(form.definition, { ...current.answers, ...values });
    const all = { ...current.provenance, ...provenanceOf(values, current.prefill) };
    return {
      answers,
      completedSteps: [...new Set([...current.completedSteps, stepId])],
      provenance: Object.fromEntries(Object.entries(all).filter(([name]) => name in answers)),
    };
  });
}

/**
 * Keeps unvalidated input of a group being edited (add / remove item). The step counts as not done until it is
 * saved again, so the check page and submission never see unchecked input.
 */
export function saveWorkingValues(draft: Draft, stepId: string, values: Answers): Draft {
  return changeOpenDraft(draft, (current) => ({
    answers: { ...current.answers, ...values },
    completedSteps: current.completedSteps.filter((id) => id !== stepId),
  }));
}

export type Submission = typeof submissions.$inferSelect;

/** The draft was closed before it was sent (the counter continued it, or its correction's case was decided). */
export class DraftNotOpen extends Error {
  constructor(draftId: string) {
    super(`Draft ${draftId} is not open`);
  }
}

/** A submission entered by a clerk at the counter: the visit, the clerk, and when the resident confirmed the answers. */
export type CounterEntry = { visitId: string; clerkId: string; confirmedAt: Date };

/**
 * Turns a draft into a submission, exactly once: the check and the insert are one transaction, and draft_id is
 * unique, so a double click, a resubmit after going back, or a second tab all get the first submission.
 * A draft closed meanwhile throws DraftNotOpen.
 */
export function submitDraft(draftId: string, language: string, options: { contactEmail?: string | null; counter?: CounterEntry } = {}): Submission {
  const db = getDb();
  let queued = false;
  const submission = db.transaction((tx) => {
    const existing = tx.select().from(submissions).where(eq(submissions.draftId, draftId)).get();
    if (existing) return existing;
    const draft = tx.select().from(drafts).where(eq(drafts.id, draftId)).get();
    if (!draft) throw new Error(`No draft ${draftId}`);
    const definition = formOfDraft(draft).definition;
    const account = draft.residentAccountId
      ? tx.select({ name: residentAccounts.name }).from(residentAccounts).where(eq(residentAccounts.id, draft.residentAccountId)).get()
      : undefined;
    // Closed meanwhile, read inside this transaction: the counter took the procedure over (its copy is the one sent),
    // or the case a correction was for was decided (a later 補正依頼 gets a correction of its own).
    if (draft.status === "closed") throw new DraftNotOpen(draftId);
    // A correction after a 補正依頼 updates the submission it belongs to (same 受付番号), it does not make a new one.
    if (draft.correctionOf) return resubmitCorrection(tx, draft, definition, account?.name ?? null);
    const now = new Date();
    for (let attempt = 0; ; attempt++) {
      const receiptNumber = newReceiptNumber();
      if (tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.receiptNumber, receiptNumber)).get()) {
        if (attempt > 5) throw new Error("Could not find a free receipt number");
        continue;
      }
      const row = {
        id: randomUUID(),
        receiptNumber,
        draftId,
        formId: draft.formId,
        formVersionId: draft.formVersionId,
        residentAccountId: draft.residentAccountId,
        anonymousKeyHash: draft.anonymousKeyHash,
        answers: draft.answers,
        provenance: draft.provenance,
        ...applicantOf(definition, draft.answers, account?.name),
        language,
        status: "received" as const,
        assigneeId: null,
        contactEmail: options.contactEmail || null,
        channel: options.counter ? ("counter" as const) : ("online" as const),
        counterVisitId: options.counter?.visitId ?? null,
        enteredBy: options.counter?.clerkId ?? null,
        residentConfirmedAt: options.counter?.confirmedAt ?? null,
        submittedAt: now,
        updatedAt: now,
      };
      tx.insert(submissions).values(row).run();
      tx.update(drafts).set({ status: "submitted", updatedAt: now }).where(eq(drafts.id, draftId)).run();
      if (row.contactEmail) {
        queued = queueNotice(tx, {
          kind: "received",
          to: row.contactEmail,
          language,
          submissionId: row.id,
          params: { formVersionId: row.formVersionId, receiptNumber, path: applicationPath(row) },
        });
      }
      return row;
    }
  });
  // The receipt mail goes after the commit: the mail server never holds up or loses a submission.
  if (queued) kickDelivery();
  return submission;
}

export function findSubmissionForOwner(owner: Owner, receiptNumber: string): Submission | undefined {
  const where =
    "residentAccountId" in owner
      ? eq(submissions.residentAccountId, owner.residentAccountId)
      : "counterVisitId" in owner
        ? eq(submissions.counterVisitId, owner.counterVisitId)
        : eq(submissions.anonymousKeyHash, owner.anonymousKeyHash);
  return getDb()
    .select()
    .from(submissions)
    .where(and(where, eq(submissions.receiptNumber, receiptNumber)))
    .get();
}

/** The submission a draft made, or, for a correction already sent, the submission it updated. */
export function findSubmissionOfDraft(draft: Draft): Submission | undefined {
  const where = draft.correctionOf ? (draft.status === "submitted" ? eq(submissions.id, draft.correctionOf) : undefined) : eq(submissions.draftId, draft.id);
  return where ? getDb().select().from(submissions).where(where).get() : undefined;
}

/** A draft by id, only if it belongs to this owner (open or already submitted). */
export function findDraftOfOwner(owner: Owner, draftId: string): Draft | undefined {
  return getDb()
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, draftId), ownerWhere(owner)))
    .get();
}

/** Open drafts of a signed-in resident ("申請中の手続き"). */
export function listOpenDrafts(owner: Owner): Draft[] {
  return getDb()
    .select()
    .from(drafts)
    .where(and(ownerWhere(owner), eq(drafts.status, "open")))
    .orderBy(desc(drafts.updatedAt))
    .all();
}

/**
 * A draft for correcting a submission after a 補正依頼: its answers, the prefill it began with and its provenance, all
 * steps done (the resident goes straight to the check page and changes what was asked). Started once; reused after.
 */
export function startCorrection(submission: Submission): Draft {
  // Looked for and made under the write lock: two starts at once (a double click, two app servers) make one.
  return getDb().transaction(() => correctionDraftOf(submission));
}

function correctionDraftOf(submission: Submission): Draft {
  const db = getDb();
  const open = db
    .select()
    .from(drafts)
    .where(and(eq(drafts.correctionOf, submission.id), eq(drafts.status, "open")))
    .get();
  if (open) return open;
  const original = db.select().from(drafts).where(eq(drafts.id, submission.draftId)).get();
  const form = getFormVersion(submission.formVersionId)!;
  const now = new Date();
  const row = {
    id: randomUUID(),
    formVersionId: submission.formVersionId,
    formId: submission.formId,
    residentAccountId: submission.residentAccountId,
    anonymousKeyHash: null,
    answers: submission.answers,
    completedSteps: form.definition.steps.map((s) => s.id),
    prefill: original?.prefill ?? {},
    provenance: submission.provenance,
    status: "open" as const,
    correctionOf: submission.id,
    counterVisitId: null,
    updatedAt: now,
  };
  db.insert(drafts).values(row).run();
  return { ...row, createdAt: now };
}

/** A resident's submitted applications, newest first (my page). */
export function listSubmissionsOf(residentAccountId: string): Submission[] {
  return getDb().select().from(submissions).where(eq(submissions.residentAccountId, residentAccountId)).orderBy(desc(submissions.submittedAt)).all();
}

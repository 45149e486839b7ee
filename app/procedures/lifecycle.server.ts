/**
 * The administrator's side of the procedure store: a working copy (form_drafts) is edited, then published now or at
 * a scheduled time as a frozen version; a procedure is retired, or an earlier version published again (rollback).
 * Every change is audited in the transaction that makes it. Residents' drafts and submissions point at their
 * version, so nothing here ever changes an application in progress (ADR 0015).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { drafts, formDrafts, formPublications, formVersions, staffUsers, submissions } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { now } from "../clock.server";
import { getDb } from "../db.server";
import { canonicalJson } from "../form-engine/canonical-json";
import { parseDefinition } from "./definitions.server";
import { blockingProblems } from "./publish-check.server";
import { freezeVersion, getFormVersion, publicationInEffect } from "./store.server";

export type AdminActor = { staffId: string };
export type ProcedureState = "draft" | "scheduled" | "published" | "retired";

const FORM_ID = /^[a-z][a-z0-9-]{1,39}$/;

export class LifecycleError extends Error {
  constructor(
    /** An i18n key under admin.forms.errors. */
    readonly code: "idTaken" | "idInvalid" | "noDraft" | "invalid" | "notFound" | "notScheduled" | "alreadyRetired" | "inPast" | "stale",
    readonly problems: string[] = [],
  ) {
    super(code);
  }
}

const audit = (tx: Parameters<typeof recordAudit>[1], actor: AdminActor, action: string, formId: string, details: Record<string, unknown>, at: Date) =>
  recordAudit({ actor: { role: "admin", id: actor.staffId }, action, subject: { type: "procedure", id: formId }, details, at }, tx);

/** The skeleton of a new procedure: one step, one question, every required text, so the builder starts valid. */
export function newDefinition(formId: string, title: string): Record<string, unknown> {
  return {
    id: formId,
    version: "1",
    title: { ja: title },
    description: { ja: title },
    guidance: { whatYouNeed: [], duration: { ja: "5分" }, notes: [] },
    steps: [{ id: "step-1", title: { ja: "申請内容" }, fields: [{ type: "text", name: "question1", label: { ja: "質問1" }, required: true }] }],
    declaration: { ja: "申請内容に誤りはありません。" },
    afterSubmit: [{ ja: "内容を確認し、担当者から連絡します。" }],
  };
}

function knownProcedure(formId: string): boolean {
  const db = getDb();
  return Boolean(
    db.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.formId, formId)).limit(1).get() ??
    db.select({ id: formDrafts.formId }).from(formDrafts).where(eq(formDrafts.formId, formId)).get(),
  );
}

export function createProcedure(input: { formId: string; title: string }, actor: AdminActor, at: Date = now()) {
  if (!FORM_ID.test(input.formId)) throw new LifecycleError("idInvalid");
  const db = getDb();
  db.transaction((tx) => {
    if (knownProcedure(input.formId)) throw new LifecycleError("idTaken");
    tx.insert(formDrafts)
      .values({
        formId: input.formId,
        definition: newDefinition(input.formId, input.title),
        basedOn: null,
        origin: "builder",
        updatedAt: at,
        updatedBy: actor.staffId,
      })
      .run();
    audit(tx, actor, "procedure.create", input.formId, { title: input.title }, at);
  });
}

export function getFormDraft(formId: string) {
  return getDb().select().from(formDrafts).where(eq(formDrafts.formId, formId)).get();
}

/**
 * Opens the working copy: the existing one, or a copy of a version (the live one unless another is named). Looked for
 * and made under the write lock, so two administrators opening it at once (on two app servers) share one.
 */
export function startEditing(formId: string, actor: AdminActor, fromVersionId?: number, at: Date = now()) {
  return getDb().transaction((tx) => {
    const existing = getFormDraft(formId);
    if (existing) return existing;
    const from = fromVersionId ?? publicationInEffect(formId, at, tx)?.versionId ?? latestVersionId(formId);
    const version = from ? tx.select().from(formVersions).where(eq(formVersions.id, from)).get() : undefined;
    if (!version || version.formId !== formId) throw new LifecycleError("notFound");
    tx.insert(formDrafts)
      .values({ formId, definition: version.definition, basedOn: version.id, origin: "builder", updatedAt: at, updatedBy: actor.staffId })
      .run();
    audit(tx, actor, "procedure.edit", formId, { fromVersion: version.revision }, at);
    return getFormDraft(formId)!;
  });
}

function latestVersionId(formId: string): number | undefined {
  return getDb().select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.formId, formId)).orderBy(desc(formVersions.revision)).limit(1).get()
    ?.id;
}

/**
 * Saves the working copy (any JSON object; it is checked when published). `expectedUpdatedAt` guards against two
 * administrators overwriting each other: a save based on an older copy is refused.
 */
export function saveFormDraft(
  formId: string,
  definition: unknown,
  actor: AdminActor,
  options: { expectedUpdatedAt?: number; origin?: "builder" | "import"; action?: string } = {},
  at: Date = now(),
) {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) throw new LifecycleError("invalid", ["not a JSON object"]);
  const db = getDb();
  db.transaction((tx) => {
    const current = tx.select().from(formDrafts).where(eq(formDrafts.formId, formId)).get();
    if (!current) throw new LifecycleError("noDraft");
    if (options.expectedUpdatedAt !== undefined && current.updatedAt.getTime() !== options.expectedUpdatedAt) throw new LifecycleError("stale");
    if (canonicalJson(current.definition) === canonicalJson(definition)) return;
    tx.update(formDrafts)
      .set({ definition, updatedAt: at, updatedBy: actor.staffId, origin: options.origin ?? current.origin })
      .where(eq(formDrafts.formId, formId))
      .run();
    audit(tx, actor, options.action ?? "procedure.save", formId, {}, at);
  });
}

export function discardFormDraft(formId: string, actor: AdminActor, at: Date = now()) {
  getDb().transaction((tx) => {
    const deleted = tx.delete(formDrafts).where(eq(formDrafts.formId, formId)).returning({ formId: formDrafts.formId }).all();
    if (!deleted.length) throw new LifecycleError("noDraft");
    audit(tx, actor, "procedure.discard", formId, {}, at);
  });
}

/** Problems that block publishing the working copy; the lint rules add to these. */
export type PublishCheck = (definition: unknown) => string[];
export const publishCheck: PublishCheck = blockingProblems;

/**
 * Publishes the working copy: frozen as the next version, live now or from `effectiveAt` (JST is the caller's
 * business; this takes an instant). The working copy is gone afterwards; editing again starts from a version.
 */
export function publishFormDraft(
  formId: string,
  actor: AdminActor,
  options: { effectiveAt?: Date; check?: PublishCheck } = {},
  at: Date = now(),
): { versionId: number; revision: number } {
  const effectiveAt = options.effectiveAt ?? at;
  if (effectiveAt.getTime() < at.getTime() - 60_000) throw new LifecycleError("inPast");
  // Read, checked, frozen and removed under the write lock: a save through another app server meanwhile is either
  // in what is published or waits until the working copy is gone, never published stale and then deleted.
  return getDb().transaction((tx) => {
    const draft = getFormDraft(formId);
    if (!draft) throw new LifecycleError("noDraft");
    const problems = (options.check ?? publishCheck)(draft.definition);
    if (problems.length) throw new LifecycleError("invalid", problems);
    const parsed = parseDefinition(draft.definition);
    if (!parsed.ok || parsed.definition.id !== formId) throw new LifecycleError("invalid", parsed.ok ? [`the id must stay "${formId}"`] : parsed.problems);
    const version = freezeVersion(tx, formId, draft.definition, { origin: draft.origin === "import" ? "import" : "builder", staffId: actor.staffId }, at);
    tx.insert(formPublications).values({ formId, versionId: version.id, effectiveAt, createdBy: actor.staffId }).run();
    tx.delete(formDrafts).where(eq(formDrafts.formId, formId)).run();
    const scheduled = effectiveAt.getTime() > at.getTime();
    audit(
      tx,
      actor,
      scheduled ? "procedure.schedule" : "procedure.publish",
      formId,
      { revision: version.revision, effectiveAt: effectiveAt.toISOString() },
      at,
    );
    return { versionId: version.id, revision: version.revision };
  });
}

/** Publishes a frozen version again (rollback), or one a changed file brought; now or scheduled. */
export function publishVersion(formId: string, versionId: number, actor: AdminActor, options: { effectiveAt?: Date } = {}, at: Date = now()) {
  const version = getFormVersion(versionId);
  if (!version || version.formId !== formId) throw new LifecycleError("notFound");
  const effectiveAt = options.effectiveAt ?? at;
  if (effectiveAt.getTime() < at.getTime() - 60_000) throw new LifecycleError("inPast");
  const live = publicationInEffect(formId, at);
  const liveRevision = live?.versionId ? getFormVersion(live.versionId)?.revision : undefined;
  const action = liveRevision !== undefined && version.revision < liveRevision ? "procedure.rollback" : "procedure.publish";
  getDb().transaction((tx) => {
    tx.insert(formPublications).values({ formId, versionId, effectiveAt, createdBy: actor.staffId }).run();
    audit(tx, actor, effectiveAt > at ? "procedure.schedule" : action, formId, { revision: version.revision, effectiveAt: effectiveAt.toISOString() }, at);
  });
}

/** Retires the procedure now or at a time: no new applications; residents with a draft are told what to do. */
export function retireProcedure(formId: string, actor: AdminActor, options: { effectiveAt?: Date } = {}, at: Date = now()) {
  const effectiveAt = options.effectiveAt ?? at;
  if (effectiveAt.getTime() < at.getTime() - 60_000) throw new LifecycleError("inPast");
  // Checked under the write lock: two administrators retiring at once (two app servers) write one retirement.
  getDb().transaction((tx) => {
    const live = publicationInEffect(formId, at, tx);
    if (!live) throw new LifecycleError("notFound");
    if (live.versionId === null) throw new LifecycleError("alreadyRetired");
    tx.insert(formPublications).values({ formId, versionId: null, effectiveAt, createdBy: actor.staffId }).run();
    audit(tx, actor, "procedure.retire", formId, { effectiveAt: effectiveAt.toISOString() }, at);
  });
}

/** Withdraws a publication or retirement that has not taken effect yet. */
export function cancelScheduled(formId: string, publicationId: number, actor: AdminActor, at: Date = now()) {
  getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(formPublications)
      .where(and(eq(formPublications.id, publicationId), eq(formPublications.formId, formId)))
      .get();
    if (!row || row.cancelledAt || row.effectiveAt <= at) throw new LifecycleError("notScheduled");
    tx.update(formPublications).set({ cancelledAt: at }).where(eq(formPublications.id, publicationId)).run();
    audit(tx, actor, "procedure.cancelSchedule", formId, { publication: publicationId, effectiveAt: row.effectiveAt.toISOString() }, at);
  });
}

export type CatalogueEntry = {
  formId: string;
  title: unknown;
  state: ProcedureState;
  live?: { versionId: number; revision: number; since: Date };
  scheduled: { publicationId: number; revision: number | null; effectiveAt: Date }[];
  hasWorkingCopy: boolean;
  lastChange?: { at: Date; by: string | null };
  versions: { versionId: number; revision: number; origin: string; frozenAt: Date; openDrafts: number; submissions: number }[];
};

/** Every procedure, with its state at `at`, live version, pending schedule, working copy and use per version. */
export function listCatalogue(at: Date = now()): CatalogueEntry[] {
  const db = getDb();
  const versionRows = db.select().from(formVersions).orderBy(asc(formVersions.formId), desc(formVersions.revision)).all();
  const workingCopies = db.select().from(formDrafts).all();
  const names = new Map(
    db
      .select({ id: staffUsers.id, name: staffUsers.displayName })
      .from(staffUsers)
      .all()
      .map((s) => [s.id, s.name]),
  );
  const openDrafts = countBy(
    db.select({ v: drafts.formVersionId, n: count() }).from(drafts).where(eq(drafts.status, "open")).groupBy(drafts.formVersionId).all(),
  );
  const submitted = countBy(db.select({ v: submissions.formVersionId, n: count() }).from(submissions).groupBy(submissions.formVersionId).all());
  const formIds = [...new Set([...versionRows.map((v) => v.formId), ...workingCopies.map((d) => d.formId)])].sort();
  const publications = formIds.length
    ? db
        .select()
        .from(formPublications)
        .where(and(inArray(formPublications.formId, formIds), isNull(formPublications.cancelledAt)))
        .all()
    : [];
  return formIds.map((formId) => {
    const versions = versionRows.filter((v) => v.formId === formId);
    const working = workingCopies.find((d) => d.formId === formId);
    const mine = publications.filter((p) => p.formId === formId);
    const inEffect = mine.filter((p) => p.effectiveAt <= at).sort((a, b) => +b.effectiveAt - +a.effectiveAt || b.id - a.id)[0];
    const pending = mine.filter((p) => p.effectiveAt > at).sort((a, b) => +a.effectiveAt - +b.effectiveAt);
    const revisionOf = (id: number | null) => versions.find((v) => v.id === id)?.revision ?? null;
    const liveVersion = inEffect?.versionId ? versions.find((v) => v.id === inEffect.versionId) : undefined;
    const state: ProcedureState = inEffect ? (inEffect.versionId ? "published" : "retired") : pending.length ? "scheduled" : "draft";
    const changes = [
      ...mine.map((p) => ({ at: p.createdAt, by: p.createdBy })),
      ...(working ? [{ at: working.updatedAt, by: working.updatedBy }] : []),
      ...versions.map((v) => ({ at: v.frozenAt, by: v.createdBy })),
    ].sort((a, b) => +b.at - +a.at);
    const titleOf = (definition: unknown) => (definition as { title?: unknown } | undefined)?.title;
    return {
      formId,
      title: titleOf((liveVersion ?? versions[0])?.definition) ?? titleOf(working?.definition),
      state,
      live: liveVersion && inEffect ? { versionId: liveVersion.id, revision: liveVersion.revision, since: inEffect.effectiveAt } : undefined,
      scheduled: pending.map((p) => ({ publicationId: p.id, revision: revisionOf(p.versionId), effectiveAt: p.effectiveAt })),
      hasWorkingCopy: Boolean(working),
      lastChange: changes[0] ? { at: changes[0].at, by: changes[0].by ? (names.get(changes[0].by) ?? changes[0].by) : null } : undefined,
      versions: versions.map((v) => ({
        versionId: v.id,
        revision: v.revision,
        origin: v.origin,
        frozenAt: v.frozenAt,
        openDrafts: openDrafts.get(v.id) ?? 0,
        submissions: submitted.get(v.id) ?? 0,
      })),
    };
  });
}

function countBy(rows: { v: number; n: number }[]) {
  return new Map(rows.map((r) => [r.v, r.n]));
}

/** The publication history of one procedure, newest first (for the procedure page). */
export function publicationHistory(formId: string) {
  const db = getDb();
  return db
    .select({
      id: formPublications.id,
      versionId: formPublications.versionId,
      revision: formVersions.revision,
      effectiveAt: formPublications.effectiveAt,
      createdAt: formPublications.createdAt,
      cancelledAt: formPublications.cancelledAt,
      by: staffUsers.displayName,
    })
    .from(formPublications)
    .leftJoin(formVersions, eq(formVersions.id, formPublications.versionId))
    .leftJoin(staffUsers, eq(staffUsers.id, formPublications.createdBy))
    .where(eq(formPublications.formId, formId))
    .orderBy(desc(formPublications.effectiveAt), desc(formPublications.id))
    .all();
}

/**
 * Takes a definition file (already parsed as JSON) as the working copy of the procedure it names: a new procedure,
 * or the next edition of an existing one. Checked when published, like any working copy.
 */
export function importDefinition(json: unknown, actor: AdminActor, at: Date = now()): { formId: string; created: boolean } {
  const formId = (json as { id?: unknown } | null)?.id;
  if (typeof formId !== "string" || !FORM_ID.test(formId)) throw new LifecycleError("idInvalid");
  const db = getDb();
  return db.transaction((tx) => {
    const created = !knownProcedure(formId);
    const working = tx.select({ formId: formDrafts.formId }).from(formDrafts).where(eq(formDrafts.formId, formId)).get();
    const basedOn = publicationInEffect(formId, at, tx)?.versionId ?? latestVersionId(formId) ?? null;
    if (working)
      tx.update(formDrafts)
        .set({ definition: json as object, origin: "import", updatedAt: at, updatedBy: actor.staffId })
        .where(eq(formDrafts.formId, formId))
        .run();
    else
      tx.insert(formDrafts)
        .values({ formId, definition: json as object, basedOn, origin: "import", updatedAt: at, updatedBy: actor.staffId })
        .run();
    audit(tx, actor, "procedure.import", formId, { created }, at);
    return { formId, created };
  });
}

/** A version as a file, as forms/*.json holds it (pretty JSON). */
export function exportVersion(formId: string, versionId: number): string | undefined {
  const row = getDb().select().from(formVersions).where(eq(formVersions.id, versionId)).get();
  if (!row || row.formId !== formId) return undefined;
  return `${JSON.stringify(row.definition, null, 2)}\n`;
}

/** Whether any scheduled change lies ahead (used to show "次の変更" on the catalogue). */
export function hasPendingChange(formId: string, at: Date = now()) {
  return Boolean(
    getDb()
      .select({ id: formPublications.id })
      .from(formPublications)
      .where(and(eq(formPublications.formId, formId), isNull(formPublications.cancelledAt), gt(formPublications.effectiveAt, at)))
      .limit(1)
      .get(),
  );
}

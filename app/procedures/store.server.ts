/**
 * The versioned procedure store, read side: frozen versions and which one is live. What residents get is decided
 * by the publication history (form_publications), evaluated at a given instant, so a scheduled publication needs no
 * timer and several app servers agree. Administrators' changes are in lifecycle.server.ts.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, isNull, isNotNull, lte, max, sql, type Placeholder } from "drizzle-orm";
import { formPublications, formVersions } from "../../db/schema";
import { now } from "../clock.server";
import { getDb, preparedQuery } from "../db.server";
import { canonicalJson } from "../form-engine/canonical-json";
import type { FormDefinition } from "../form-engine/definition";
import { parseDefinition } from "./definitions.server";
import { readTranslations, withTranslations } from "./translations.server";

export const FORMS_DIR = path.resolve(process.cwd(), "forms");

export type StoredForm = { versionId: number; formId: string; revision: number; definition: FormDefinition };

/** Canonical JSON, so that re-formatting a file is not a new revision (the editor's $schema line does not count). */
const canonical = (json: unknown) => canonicalJson(json, (key) => key === "$schema");
export const contentHash = (json: unknown) => createHash("sha256").update(canonical(json)).digest("hex");

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Freezes a definition as the procedure's next version, or finds the version with the same content. */
export function freezeVersion(
  tx: Tx,
  formId: string,
  json: unknown,
  by: { origin: "file" | "builder" | "import"; staffId: string | null },
  at: Date,
): { id: number; revision: number; created: boolean } {
  const hash = contentHash(json);
  const existing = tx
    .select({ id: formVersions.id, revision: formVersions.revision })
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), eq(formVersions.contentHash, hash)))
    .get();
  if (existing) return { ...existing, created: false };
  const last = tx
    .select({ n: max(formVersions.revision) })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .get();
  const revision = (last?.n ?? 0) + 1;
  const row = tx
    .insert(formVersions)
    .values({ formId, revision, contentHash: hash, definition: json, frozenAt: at, origin: by.origin, createdBy: by.staffId })
    .returning({ id: formVersions.id })
    .get();
  return { id: row.id, revision, created: true };
}

const publicationQuery = (db: Pick<Tx, "select">, formId: string | Placeholder, at: Date | Placeholder) =>
  db
    .select()
    .from(formPublications)
    .where(and(eq(formPublications.formId, formId), isNull(formPublications.cancelledAt), lte(formPublications.effectiveAt, at)))
    .orderBy(desc(formPublications.effectiveAt), desc(formPublications.id))
    .limit(1);
// Every step page asks whether its procedure has closed: prepared once on the connection.
const publicationNow = preparedQuery((db) => publicationQuery(db, sql.placeholder("formId"), sql.placeholder("at")).prepare());

/**
 * The publication in effect at `at`: a version (live) or a retirement (versionId null); undefined if none yet.
 * Within a transaction, pass it as `db`.
 */
export function publicationInEffect(formId: string, at: Date = now(), db?: Pick<Tx, "select">) {
  // A placeholder's value reaches SQLite as given: the column writes the Date as it stores it.
  return db ? publicationQuery(db, formId, at).get() : publicationNow().get({ formId, at: formPublications.effectiveAt.mapToDriverValue(at) });
}

/**
 * forms/*.json is how a city receives the procedures shipped with madoguchi (ADR 0015). A new or changed file is
 * frozen as a version. It goes live at once while the procedure is managed by files (never published by an
 * administrator); once an administrator has published it, a changed file waits as an unpublished version for them
 * to publish, so it never silently replaces their work. A broken file is reported and skipped.
 */
export function syncFormDefinitions(dir = FORMS_DIR, log: (s: string) => void = console.log, at: Date = now()) {
  const db = getDb();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")) : [];
  const published: string[] = [];
  const waiting: string[] = [];
  for (const file of files.sort()) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    } catch (e) {
      log(`forms/${file}: not valid JSON (${(e as Error).message}); skipped`);
      continue;
    }
    const parsed = parseDefinition(json);
    if (!parsed.ok) {
      log(`forms/${file}: not a valid definition; skipped\n  ${parsed.problems.join("\n  ")}`);
      continue;
    }
    const formId = parsed.definition.id;
    db.transaction((tx) => {
      const version = freezeVersion(tx, formId, json, { origin: "file", staffId: null }, at);
      if (!version.created) return;
      const byAdministrator = tx
        .select({ id: formPublications.id })
        .from(formPublications)
        .where(and(eq(formPublications.formId, formId), isNotNull(formPublications.createdBy)))
        .limit(1)
        .get();
      if (byAdministrator) {
        waiting.push(`${formId} r${version.revision}`);
        return;
      }
      tx.insert(formPublications).values({ formId, versionId: version.id, effectiveAt: at, createdBy: null }).run();
      published.push(`${formId} r${version.revision}`);
    });
  }
  if (published.length) log(`published form definitions: ${published.join(", ")}`);
  if (waiting.length) log(`changed form files stored as unpublished versions (an administrator publishes them): ${waiting.join(", ")}`);
}

// Stored versions never change, so parsed definitions can be kept for the life of the process (translation files
// change only with a deployment).
const parsedCache = new Map<number, StoredForm>();

function toStored(row: typeof formVersions.$inferSelect): StoredForm {
  const cached = parsedCache.get(row.id);
  if (cached) return cached;
  const parsed = parseDefinition(row.definition);
  if (!parsed.ok) throw new Error(`Stored form version ${row.id} no longer parses: ${parsed.problems.join("; ")}`);
  // The texts in other languages live beside the definition (translations.server.ts), so they join it here.
  const definition = withTranslations(parsed.definition, readTranslations(row.formId));
  const stored = { versionId: row.id, formId: row.formId, revision: row.revision, definition };
  parsedCache.set(row.id, stored);
  return stored;
}

export function getFormVersion(versionId: number): StoredForm | undefined {
  const cached = parsedCache.get(versionId);
  if (cached) return cached;
  const row = getDb().select().from(formVersions).where(eq(formVersions.id, versionId)).get();
  return row ? toStored(row) : undefined;
}

/** The version residents get now: undefined when the procedure does not exist, is not yet published, or is retired. */
export function getLiveForm(formId: string, at: Date = now()): StoredForm | undefined {
  const publication = publicationInEffect(formId, at);
  return publication?.versionId ? getFormVersion(publication.versionId) : undefined;
}

/** Whether the procedure was retired (it had been live, and a retirement is now in effect). */
export function isRetired(formId: string, at: Date = now()): boolean {
  const publication = publicationInEffect(formId, at);
  return Boolean(publication && publication.versionId === null);
}

/** The catalogue residents see: the live version of every procedure that has one. */
export function listLiveForms(at: Date = now()): StoredForm[] {
  const ids = getDb().selectDistinct({ formId: formPublications.formId }).from(formPublications).orderBy(formPublications.formId).all();
  return ids.map(({ formId }) => getLiveForm(formId, at)).filter((f): f is StoredForm => Boolean(f));
}

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, max } from "drizzle-orm";
import { formVersions } from "../../db/schema";
import { getDb } from "../db.server";
import { canonicalJson } from "../form-engine/canonical-json";
import type { FormDefinition } from "../form-engine/definition";
import { parseDefinition } from "./definitions.server";

export const FORMS_DIR = path.resolve(process.cwd(), "forms");

export type StoredForm = { versionId: number; formId: string; revision: number; definition: FormDefinition };

/** Canonical JSON, so that re-formatting a file is not a new revision (the editor's $schema line does not count). */
const canonical = (json: unknown) => canonicalJson(json, (key) => key === "$schema");

/**
 * Loads every definition file into the versioned table: a changed file becomes a new revision, an unchanged one
 * does not. A broken file is reported and skipped; the procedures already published stay available.
 */
export function syncFormDefinitions(dir = FORMS_DIR, log: (s: string) => void = console.log) {
  const db = getDb();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")) : [];
  const published: string[] = [];
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
    const def = parsed.definition;
    const hash = createHash("sha256").update(canonical(json)).digest("hex");
    db.transaction((tx) => {
      const existing = tx
        .select({ id: formVersions.id })
        .from(formVersions)
        .where(and(eq(formVersions.formId, def.id), eq(formVersions.contentHash, hash)))
        .get();
      if (existing) return;
      const last = tx
        .select({ n: max(formVersions.revision) })
        .from(formVersions)
        .where(eq(formVersions.formId, def.id))
        .get();
      const revision = (last?.n ?? 0) + 1;
      tx.insert(formVersions).values({ formId: def.id, revision, contentHash: hash, definition: json, publishedAt: new Date() }).run();
      published.push(`${def.id} r${revision}`);
    });
  }
  if (published.length) log(`published form definitions: ${published.join(", ")}`);
}

// Stored versions never change, so parsed definitions can be kept for the life of the process.
const parsedCache = new Map<number, StoredForm>();

function toStored(row: typeof formVersions.$inferSelect): StoredForm {
  const cached = parsedCache.get(row.id);
  if (cached) return cached;
  const parsed = parseDefinition(row.definition);
  if (!parsed.ok) throw new Error(`Stored form version ${row.id} no longer parses: ${parsed.problems.join("; ")}`);
  const stored = { versionId: row.id, formId: row.formId, revision: row.revision, definition: parsed.definition };
  parsedCache.set(row.id, stored);
  return stored;
}

export function getFormVersion(versionId: number): StoredForm | undefined {
  const cached = parsedCache.get(versionId);
  if (cached) return cached;
  const row = getDb().select().from(formVersions).where(eq(formVersions.id, versionId)).get();
  return row ? toStored(row) : undefined;
}

export function getLatestForm(formId: string): StoredForm | undefined {
  const row = getDb()
    .select({ id: formVersions.id })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(desc(formVersions.revision))
    .limit(1)
    .get();
  return row ? getFormVersion(row.id) : undefined;
}

/** The catalogue: the latest revision of every procedure. */
export function listLatestForms(): StoredForm[] {
  const db = getDb();
  const latest = db
    .select({ formId: formVersions.formId, revision: max(formVersions.revision) })
    .from(formVersions)
    .groupBy(formVersions.formId)
    .all();
  return latest.map((l) => getLatestForm(l.formId)!).filter(Boolean);
}

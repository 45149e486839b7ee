import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";

/**
 * A procedure with a working copy and nothing published, written straight into the e2e database (the builder's own
 * "new procedure" page may not exist in every branch). Returns its id; every test gets its own procedure.
 */
export function seedWorkingCopy(db: Database.Database, steps: unknown[]): string {
  const formId = `e2e-${randomUUID().slice(0, 8)}`;
  const definition = {
    id: formId,
    version: "1",
    title: { ja: "テスト手続き", en: "Test procedure" },
    description: { ja: "テスト", en: "Test" },
    guidance: { whatYouNeed: [], duration: { ja: "5分", en: "5 minutes" }, notes: [] },
    steps,
    declaration: { ja: "誤りはありません。", en: "This is correct." },
    afterSubmit: [{ ja: "連絡します。", en: "We will contact you." }],
  };
  db.prepare("insert into form_drafts (form_id, definition, based_on, origin, updated_at, updated_by) values (?, ?, null, 'builder', ?, null)").run(
    formId,
    JSON.stringify(definition),
    Date.now(),
  );
  return formId;
}

/** The working copy as stored now. */
export function workingCopy(db: Database.Database, formId: string) {
  const row = db.prepare("select definition from form_drafts where form_id = ?").get(formId) as { definition: string };
  return JSON.parse(row.definition) as { steps: { id: string; fields: Record<string, unknown>[] }[] };
}

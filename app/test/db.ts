import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase, migrateDatabase, setDb, type Db } from "../db.server";

/** A migrated in-memory database installed as the process-wide connection. */
export function useTestDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  setDb(db);
  return db;
}

/** A migrated database in a file of its own (another process can open it), installed as the process-wide connection. */
export function useTestDatabaseFile(): { db: Db; file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-"));
  const file = path.join(dir, "x.sqlite");
  const db = openDatabase(file);
  migrateDatabase(db);
  setDb(db);
  return {
    db,
    file,
    remove: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Another process writes `statements` and holds the write lock for a second after (a backup, the retention job, a
 * second app server, a test writing beside the server). Resolves once it holds the lock; `committed` once it has let go.
 */
export async function writerElsewhere(file: string, statements: string) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(file)});
       db.exec("begin immediate");
       db.exec(${JSON.stringify(statements)});
       console.log("locked");
       setTimeout(() => { db.exec("commit"); db.close(); }, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const committed = new Promise((resolve) => child.once("exit", resolve));
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`The other writer ended (${code}) before it held the lock`)));
  });
  return { committed };
}

/** Whether some connection holds the write lock of `file` now: a test checks its race is really set up. */
export function writeLockHeld(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec("begin immediate");
    probe.exec("rollback");
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

/** SQL another process runs to insert an empty open draft of a procedure's version, with the given owner columns. */
export function openDraftInsert(formVersionId: number, formId: string, columns: { anonymous_key_hash?: string; correction_of?: string }): string {
  const names = Object.keys(columns);
  const values = Object.values(columns).map((v) => `'${v}'`);
  return `insert into drafts (id, form_version_id, form_id, answers, completed_steps, status, created_at, updated_at${names.map((n) => `, ${n}`).join("")})
          values ('elsewhere', ${formVersionId}, '${formId}', '{}', '[]', 'open', 0, 0${values.map((v) => `, ${v}`).join("")})`;
}

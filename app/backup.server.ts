/**
 * Backups: a consistent copy of the live database, taken with SQLite's online backup API while the server runs
 * (`npm run backup`), and its restore (`npm run restore`, server stopped), which checks the copy before it replaces
 * anything: SQLite's integrity check, and migrations this version of madoguchi knows.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Copies `source` (in use or not) to `target`; returns the target's size in bytes. */
export async function backupDatabase(source: string, target: string): Promise<number> {
  if (fs.existsSync(target)) throw new BackupError(`${target} exists: a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  checkBackup(target);
  return fs.statSync(target).size;
}

/**
 * Where `npm run backup` writes without a file named: a `backups` folder beside the database, so in the image it lands
 * in the data volume (the app's own folder is read-only to the server's user there).
 */
export function defaultBackupPath(databasePath: string, at = new Date()): string {
  return path.join(path.dirname(path.resolve(databasePath)), "backups", `madoguchi-${at.toISOString().replace(/[:.]/g, "-")}.sqlite`);
}

export class BackupError extends Error {}

/** Refuses a file that is not a sound madoguchi database: what restore checks first. */
export function checkBackup(file: string, migrationsDir = path.resolve(process.cwd(), "db/migrations")) {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${file} is damaged: ${String(integrity)}`);
    const applied = db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number } | undefined;
    const known = (JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
    if (!applied || applied.n === 0) throw new BackupError(`${file} is not a madoguchi database (no migrations)`);
    if (applied.n > known) throw new BackupError(`${file} is from a newer version of madoguchi (${applied.n} migrations, this one knows ${known})`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a madoguchi database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place of the database (the server must be stopped). The replaced database is kept beside
 * it (`.before-restore-<time>`), and its WAL files are removed so SQLite does not replay them onto the restored copy.
 */
export function restoreDatabase(backup: string, target: string, at = new Date()): string | null {
  checkBackup(backup);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${at.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(backup, target);
  return kept;
}

/**
 * `npm run backup [file]`: a consistent copy of the database while the server runs (SQLite's online backup API).
 * Default file: backups/madoguchi-<time>.sqlite beside the database. Copy it off the machine; docs/operations.md.
 */
import { backupDatabase, BackupError, defaultBackupPath } from "../app/backup.server";
import { getEnv } from "../app/env.server";

const target = process.argv[2] ?? defaultBackupPath(getEnv().DATABASE_PATH);
try {
  const size = await backupDatabase(getEnv().DATABASE_PATH, target);
  console.log(`Backed up ${getEnv().DATABASE_PATH} to ${target} (${size} bytes), checked.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}

/**
 * `npm run backup [file]`: a consistent copy of the database while the server runs (SQLite's online backup API).
 * Default file: backups/madoguchi-<time>.sqlite. Copy it off the machine; docs/operations.md.
 */
import path from "node:path";
import { backupDatabase, BackupError } from "../app/backup.server";
import { getEnv } from "../app/env.server";

const target = process.argv[2] ?? path.join("backups", `madoguchi-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`);
try {
  const size = await backupDatabase(getEnv().DATABASE_PATH, target);
  console.log(`Backed up ${getEnv().DATABASE_PATH} to ${target} (${size} bytes), checked.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}

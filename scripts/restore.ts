/**
 * `npm run restore <file>`, with the server stopped: checks the backup (integrity, a madoguchi database this version
 * knows), keeps the current database beside it and puts the backup in its place. docs/operations.md.
 */
import { BackupError, restoreDatabase } from "../app/backup.server";
import { getEnv } from "../app/env.server";

const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run restore <backup file>   (stop the server first)");
  process.exit(2);
}
try {
  const kept = restoreDatabase(backup, getEnv().DATABASE_PATH);
  console.log(`Restored ${backup} to ${getEnv().DATABASE_PATH}.${kept ? ` The database it replaced is kept as ${kept}.` : ""}`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}

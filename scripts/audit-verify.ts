/**
 * `npm run audit:verify [file]`: walks the audit log's hash chain (app/audit/chain.server.ts) of the configured
 * database, or of a backup file, read-only. Exit 0 when every entry follows from the one before it; 1 with the first
 * entry that does not. docs/operations.md.
 */
import Database from "better-sqlite3";
import { verifyChain } from "../app/audit/chain.server";
import { getEnv } from "../app/env.server";

const file = process.argv[2] ?? getEnv().DATABASE_PATH;
const db = new Database(file, { readonly: true, fileMustExist: true });
const columns = db.pragma("table_info(audit_log)") as { name: string }[];
if (!columns.some((c) => c.name === "hash")) {
  console.error(`${file} has no hash chain yet: start the server once (it migrates and seals the entries), then verify.`);
  process.exit(2);
}
const verdict = verifyChain(db);
db.close();
if (verdict.ok) console.log(`The audit log of ${file} holds: ${verdict.entries} entries, each chained to the one before it.`);
else {
  console.error(`The audit log of ${file} is broken at entry ${verdict.firstBrokenId} (${verdict.reason}); ${verdict.entries - 1} entries before it hold.`);
  process.exit(1);
}

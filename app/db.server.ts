import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { sealUnhashedEntries } from "./audit/chain.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Migrations live in db/migrations at the project root; every npm script runs from there. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "db/migrations");

/**
 * Opens (creating if needed) the SQLite file with the settings a receipt-issuing system needs:
 * WAL for concurrent readers, synchronous=FULL so a committed submission survives a power cut,
 * foreign keys enforced, and a busy timeout so concurrent writers wait instead of failing.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  keepStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  beginTransactionsImmediately(db);
  return db;
}

/**
 * Every transaction begins IMMEDIATE: it takes the write lock first, waiting its turn (the busy timeout) while another
 * connection writes. A DEFERRED one, SQLite's and drizzle's default, reads first and asks for the lock only at its
 * first write; if another connection is writing then, SQLite answers SQLITE_BUSY at once, without the wait (waiting
 * could deadlock), and the request ended in a 500: a clerk's status change failed while a test wrote beside the server,
 * as it would beside a backup, the retention job or a second app server (ADR 0048). Raw better-sqlite3 transactions
 * call `.immediate()` themselves.
 */
function beginTransactionsImmediately(db: Db) {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
}

const KEPT_STATEMENTS = 500;

/**
 * SQLite compiles a query's text each time drizzle runs a query built on the spot; a staff page runs a dozen, and
 * compiling was a twentieth of its time. The connection keeps each text's compiled statement (at most 500, then it
 * starts again) and hands it out again reset to plain rows and plain numbers: drizzle asks for raw rows on the
 * statement whenever it wants them. A statement still being iterated is not handed out; a new one is compiled.
 */
export function keepStatements(sqlite: Database.Database) {
  const kept = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string, ...rest: unknown[]) => {
    // Only the plain form (text alone) is kept; anything else is passed on as it is.
    if (rest.length > 0 || typeof source !== "string") return (prepare as (...args: unknown[]) => Database.Statement)(source, ...rest);
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      if (statement.reader) statement.pluck(false).expand(false).raw(false);
      statement.safeIntegers(false);
      return statement;
    }
    const compiled = prepare(source);
    if (!statement) {
      if (kept.size >= KEPT_STATEMENTS) kept.clear();
      kept.set(source, compiled);
    }
    return compiled;
  }) as typeof sqlite.prepare;
}

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  // Audit entries written before the hash chain (migration 0018) get their hashes once.
  sealUnhashedEntries(db.$client);
}

let current: Db | undefined;

/** The process-wide connection. The server calls `initDatabase` once at start-up. */
export function initDatabase(file: string): Db {
  current = openDatabase(file);
  migrateDatabase(current);
  return current;
}

export function getDb(): Db {
  if (!current) throw new Error("Database not initialised: call initDatabase() at start-up");
  return current;
}

/**
 * A query built once per connection and kept prepared (drizzle's `.prepare()` with `sql.placeholder`), for the few
 * that run on nearly every request: building the SQL and compiling it again each time cost up to an eighth of a page
 * (issue 13 point 8). Other queries stay plain query-builder calls.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  const byConnection = new WeakMap<Db, Q>();
  return () => {
    const db = getDb();
    let query = byConnection.get(db);
    if (!query) byConnection.set(db, (query = build(db)));
    return query;
  };
}

/** Throws unless the database answers (liveness and readiness). */
export function pingDatabase() {
  getDb().get(sql`select 1`);
}

/** For tests: use this connection as the process-wide one. */
export function setDb(db: Db) {
  current = db;
}

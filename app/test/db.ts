import { openDatabase, migrateDatabase, setDb, type Db } from "../db.server";

/** A migrated in-memory database installed as the process-wide connection. */
export function useTestDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  setDb(db);
  return db;
}

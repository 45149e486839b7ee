import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./db.server";

describe("database connection", () => {
  it("uses WAL, synchronous=FULL, foreign keys and a busy timeout, and migrates an empty file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-"));
    const db = openDatabase(path.join(dir, "nested", "x.sqlite"));
    migrateDatabase(db);
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2); // FULL
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(5000);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["sessions", "staff_users", "form_versions", "drafts", "submissions", "audit_log"]));
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

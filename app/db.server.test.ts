import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffUsers } from "../db/schema";
import { migrateDatabase, openDatabase } from "./db.server";
import { useTestDatabaseFile, writeLockHeld, writerElsewhere } from "./test/db";

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

describe("transactions", () => {
  it("a transaction that reads before it writes waits for another connection's write instead of failing", async () => {
    const { db, file, remove } = useTestDatabaseFile();
    try {
      db.insert(staffUsers)
        .values(
          ["s1", "s2"].map((id) => ({
            id,
            username: id,
            displayName: id,
            passwordHash: "x",
            role: "staff" as const,
            duty: "reviewer" as const,
            createdAt: new Date(0),
          })),
        )
        .run();
      const { committed } = await writerElsewhere(file, "update staff_users set display_name = 'elsewhere' where id = 's2'");
      expect(writeLockHeld(file)).toBe(true);
      // As a status change does: read the row, then write what follows from it. A DEFERRED transaction threw
      // SQLITE_BUSY here at once; this one waits, then reads what the other wrote.
      const seen = db.transaction((tx) => {
        const row = tx.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, "s2")).get();
        tx.update(staffUsers)
          .set({ displayName: `${row!.name}, then here` })
          .where(eq(staffUsers.id, "s1"))
          .run();
        return row!.name;
      });
      expect(seen).toBe("elsewhere");
      await committed;
      expect(db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, "s1")).get()).toEqual({ name: "elsewhere, then here" });
    } finally {
      remove();
    }
  }, 20_000);
});

describe("kept statements", () => {
  const open = () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db);
    for (const [id, name] of [
      ["s1", "審査 花子"],
      ["s2", "窓口 太郎"],
    ] as const)
      db.insert(staffUsers)
        .values({ id, username: id, displayName: name, passwordHash: "x", role: "staff", duty: "reviewer", createdAt: new Date(0) })
        .run();
    return db;
  };

  it("compiles a query's text once and hands the statement out again", () => {
    const db = open();
    const text = "select id from staff_users order by id";
    expect(db.$client.prepare(text)).toBe(db.$client.prepare(text));
    const byId = (id: string) => db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, id)).get();
    expect([byId("s1"), byId("s2"), byId("none")]).toEqual([{ name: "審査 花子" }, { name: "窓口 太郎" }, undefined]);
  });

  it("hands a statement out as plain rows, whatever its last user asked for", () => {
    const db = open();
    const text = "select id, display_name from staff_users order by id";
    expect(db.$client.prepare(text).raw().all()).toEqual([
      ["s1", "審査 花子"],
      ["s2", "窓口 太郎"],
    ]);
    expect(db.$client.prepare(text).get()).toEqual({ id: "s1", display_name: "審査 花子" });
    db.$client.prepare(text).pluck();
    expect(db.$client.prepare(text).all()).toEqual([
      { id: "s1", display_name: "審査 花子" },
      { id: "s2", display_name: "窓口 太郎" },
    ]);
    const counted = "select count(*) as n from staff_users";
    expect(db.$client.prepare(counted).safeIntegers(true).get()).toEqual({ n: 2n });
    expect(db.$client.prepare(counted).get()).toEqual({ n: 2 });
    // drizzle's raw SQL reads plain rows even after its query builder read the same text as raw rows.
    expect(db.all(sql`select id from staff_users where id = ${"s2"}`)).toEqual([{ id: "s2" }]);
  });

  it("compiles another statement while one is being iterated", () => {
    const db = open();
    const text = "select id from staff_users order by id";
    const seen: unknown[] = [];
    for (const row of db.$client.prepare(text).iterate()) seen.push([row, db.$client.prepare(text).all()]);
    expect(seen).toEqual([
      [{ id: "s1" }, [{ id: "s1" }, { id: "s2" }]],
      [{ id: "s2" }, [{ id: "s1" }, { id: "s2" }]],
    ]);
    // Writing statements are kept too.
    const rename = "update staff_users set display_name = ? where id = ?";
    expect(db.$client.prepare(rename)).toBe(db.$client.prepare(rename));
  });
});

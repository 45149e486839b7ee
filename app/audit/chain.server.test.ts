import { beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase, type Db } from "../db.server";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { recordAudit } from "./audit.server";
import { entryHash, lastHash, sealUnhashedEntries, verifyChain } from "./chain.server";

let db: Db;
const sql = (statement: string) => db.$client.prepare(statement);

beforeEach(() => {
  db = useTestDatabase();
  for (let i = 0; i < 5; i++)
    recordAudit({ actor: { role: "staff", id: "staff-1" }, action: "submission.viewed", subject: { type: "submission", id: `s${i}` }, details: { i } });
});

describe("the audit log", () => {
  it("chains every entry to the one before it, and the chain verifies", () => {
    expect(verifyChain(db.$client)).toEqual({ ok: true, entries: 5 });
    const hashes = sql("select hash from audit_log order by id").all() as { hash: string }[];
    expect(new Set(hashes.map((h) => h.hash)).size).toBe(5);
  });

  it("refuses updates, deletes and INSERT OR REPLACE of an existing entry (the finding: REPLACE rewrote one)", () => {
    expect(() => sql("update audit_log set action = 'x' where id = 2").run()).toThrow(/append-only/);
    expect(() => sql("update audit_log set hash = 'x' where id = 2").run()).toThrow(/append-only/);
    expect(() => sql("delete from audit_log where id = 2").run()).toThrow(/append-only/);
    expect(() => sql("insert or replace into audit_log (id, at, actor_role, action, hash) values (2, 0, 'system', 'rewritten', 'x')").run()).toThrow(
      /append-only/,
    );
    expect((sql("select action from audit_log where id = 2").get() as { action: string }).action).toBe("submission.viewed");
    expect(verifyChain(db.$client).ok).toBe(true);
  });

  it("names the first entry that no longer matches when the file was changed behind the triggers", () => {
    sql("drop trigger audit_log_no_update").run();
    sql(`update audit_log set details = '{"i":99}' where id = 3`).run();
    expect(verifyChain(db.$client)).toMatchObject({ ok: false, firstBrokenId: 3 });
    sql("drop trigger audit_log_no_delete").run();
    db.$client.exec("delete from audit_log where id >= 3");
    expect(verifyChain(db.$client).ok).toBe(true); // the tail cut off: the chain so far still holds …
    recordAudit({ actor: { role: "system", id: null }, action: "after" });
    sql("delete from audit_log where id = 2").run(); // … and an entry taken out of the middle breaks it
    expect(verifyChain(db.$client)).toMatchObject({ ok: false, firstBrokenId: 6 });
  });

  it("gives entries written before the chain their hashes once, at start-up", () => {
    sql("insert into audit_log (at, actor_role, action) values (1, 'system', 'before the chain')").run();
    expect(verifyChain(db.$client)).toMatchObject({ ok: false, firstBrokenId: 6, reason: "no hash" });
    migrateDatabase(db);
    expect(verifyChain(db.$client)).toEqual({ ok: true, entries: 6 });
    expect(sealUnhashedEntries(db.$client)).toBe(0);
    recordAudit({ actor: { role: "system", id: null }, action: "after the seal" });
    expect(verifyChain(db.$client)).toEqual({ ok: true, entries: 7 });
  });

  it("chains an entry to one another program appended meanwhile (a second app server), not to the one before it", async () => {
    const { db: fileDb, file, remove } = useTestDatabaseFile();
    try {
      recordAudit({ actor: { role: "system", id: null }, action: "first" });
      const elsewhere = { at: 1, actor_role: "system", actor_id: null, action: "elsewhere", subject_type: null, subject_id: null, details: null };
      const { committed } = await writerElsewhere(
        file,
        `insert into audit_log (at, actor_role, action, hash) values (1, 'system', 'elsewhere', '${entryHash(lastHash(fileDb.$client), elsewhere)}')`,
      );
      expect(writeLockHeld(file)).toBe(true);
      // Its newest hash was read before the other program let go of the lock: both entries claimed "first".
      recordAudit({ actor: { role: "system", id: null }, action: "here" });
      await committed;
      expect((fileDb.$client.prepare("select action from audit_log order by id").all() as { action: string }[]).map((e) => e.action)).toEqual([
        "first",
        "elsewhere",
        "here",
      ]);
      expect(verifyChain(fileDb.$client)).toEqual({ ok: true, entries: 3 });
    } finally {
      remove();
    }
  }, 20_000);
});

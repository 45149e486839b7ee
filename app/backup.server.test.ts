import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { submissions } from "../db/schema";
import { backupDatabase, BackupError, defaultBackupPath, restoreDatabase } from "./backup.server";
import { initDatabase } from "./db.server";
import { syncFormDefinitions } from "./procedures/store.server";
import { juminhyoAnswers, submit } from "./test/submissions";

describe("backup and restore", () => {
  it("writes a backup with no file named into a backups folder beside the database (the image's data volume)", () => {
    const at = new Date("2026-11-24T22:50:01.234Z");
    expect(defaultBackupPath("/data/madoguchi.sqlite", at)).toBe("/data/backups/madoguchi-2026-11-24T22-50-01-234Z.sqlite");
    expect(defaultBackupPath("data/madoguchi.sqlite", at)).toBe(path.resolve("data/backups/madoguchi-2026-11-24T22-50-01-234Z.sqlite"));
  });

  it("round trip: a copy taken while the database is open restores every submission; a damaged copy is refused", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-backup-"));
    const live = path.join(dir, "live.sqlite");
    const db = initDatabase(live);
    syncFormDefinitions(undefined, () => {});
    const before = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    const size = await backupDatabase(live, path.join(dir, "backup.sqlite"));
    expect(size).toBeGreaterThan(0);
    // Written after the backup: gone once it is restored.
    submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    expect(db.select().from(submissions).all()).toHaveLength(2);
    db.$client.close();

    await expect(backupDatabase(live, path.join(dir, "backup.sqlite"))).rejects.toThrow(BackupError);
    const kept = restoreDatabase(path.join(dir, "backup.sqlite"), live);
    expect(kept && fs.existsSync(kept)).toBe(true);
    const restored = initDatabase(live);
    expect(
      restored
        .select()
        .from(submissions)
        .all()
        .map((s) => s.receiptNumber),
    ).toEqual([before.receiptNumber]);
    restored.$client.close();

    fs.writeFileSync(path.join(dir, "broken.sqlite"), "not a database");
    expect(() => restoreDatabase(path.join(dir, "broken.sqlite"), live)).toThrow(BackupError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { submissions } from "../db/schema";
import { backupDatabase, BackupError, restoreDatabase } from "./backup.server";
import { initDatabase } from "./db.server";
import { syncFormDefinitions } from "./procedures/store.server";
import { juminhyoAnswers, submit } from "./test/submissions";

describe("backup and restore", () => {
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

import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../db/seed";
import { verifyChain } from "./audit/chain.server";
import type { Db } from "./db.server";
import { getLiveForm, syncFormDefinitions } from "./procedures/store.server";
import { runRetention } from "./retention.server";
import { createDraft } from "./submissions/drafts.server";
import { useTestDatabase } from "./test/db";
import { juminhyoAnswers, submit } from "./test/submissions";

const DAY = 86_400_000;
let db: Db;
const sql = (statement: string) => db.$client.prepare(statement);
const now = new Date();
const ago = (days: number) => now.getTime() - days * DAY;

function addFile(draftId: string, id: string, createdDaysAgo: number) {
  sql(
    "insert into attachments (id, draft_id, field_name, file_name, content_type, size, sha256, data, created_at) values (?, ?, 'f', 'x.pdf', 'application/pdf', 1, 'h', x'00', ?)",
  ).run(id, draftId, ago(createdDaysAgo));
}
const exists = (table: string, column: string, value: string) => sql(`select count(*) from ${table} where ${column} = ?`).pluck().get(value) === 1;

beforeEach(async () => {
  db = useTestDatabase();
  await seedDemoData(db);
  syncFormDefinitions(undefined, () => {});
});

describe("the retention job", () => {
  it("deletes open drafts untouched for 30 days with their files, and keeps newer ones", () => {
    const form = getLiveForm("juminhyo")!;
    const old = createDraft({ anonymousKeyHash: "old" }, form);
    const recent = createDraft({ anonymousKeyHash: "recent" }, form);
    addFile(old.id, "file-of-old", 40);
    sql("update drafts set updated_at = ? where id = ?").run(ago(31), old.id);
    sql("update drafts set updated_at = ? where id = ?").run(ago(10), recent.id);
    const report = runRetention();
    expect(report.drafts).toBe(1);
    expect(exists("drafts", "id", old.id)).toBe(false);
    expect(exists("attachments", "id", "file-of-old")).toBe(false);
    expect(exists("drafts", "id", recent.id)).toBe(true);
  });

  it("deletes a file no answer refers to any more (the finding: replaced uploads were never deleted), after a day", () => {
    const draft = createDraft({ anonymousKeyHash: "d" }, getLiveForm("juminhyo")!);
    addFile(draft.id, "kept-file", 3);
    addFile(draft.id, "replaced-file", 3);
    addFile(draft.id, "just-uploaded", 0);
    sql("update drafts set answers = ? where id = ?").run(JSON.stringify({ proof: { id: "kept-file", name: "x.pdf" } }), draft.id);
    expect(runRetention().files).toBe(1);
    expect(exists("attachments", "id", "replaced-file")).toBe(false);
    expect(exists("attachments", "id", "kept-file")).toBe(true);
    expect(exists("attachments", "id", "just-uploaded")).toBe(true);
  });

  it("anonymises submissions past their procedure's 保存年限, keeping the 受付番号, status and dates", () => {
    const expired = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { at: new Date(ago(6 * 366)) });
    const kept = submit("juminhyo", juminhyoAnswers("佐藤", "花子", "サトウ", "ハナコ"), { at: new Date(ago(2 * 365)) });
    expect(getLiveForm("juminhyo")!.definition.retentionYears).toBe(5);
    expect(runRetention().submissions).toBe(1);
    const row = sql("select receipt_number, status, answers, applicant_name, search_name, submitted_at from submissions where id = ?").get(
      expired.id,
    ) as Record<string, unknown>;
    expect(row).toMatchObject({ receipt_number: expired.receiptNumber, answers: "{}", applicant_name: null, search_name: null });
    expect(row.status).toBeTruthy();
    expect(sql("select answers from drafts where id = (select draft_id from submissions where id = ?)").pluck().get(expired.id)).toBe("{}");
    expect(sql("select answers from submissions where id = ?").pluck().get(kept.id)).not.toBe("{}");
    expect(sql("select count(*) from audit_log where action = 'submission.anonymised' and subject_id = ?").pluck().get(expired.id)).toBe(1);
  });

  it("removes expired sessions and spent resume links, audits every run, and changes nothing the second time", () => {
    sql("insert into sessions (id_hash, role, staff_user_id, created_at, expires_at) values ('old-session', 'staff', 'staff-counter1', ?, ?)").run(
      ago(2),
      ago(1),
    );
    const first = runRetention();
    expect(first.sessions).toBeGreaterThanOrEqual(1);
    expect(exists("sessions", "id_hash", "old-session")).toBe(false);
    const second = runRetention();
    expect(second).toEqual({ sessions: 0, resumeLinks: 0, drafts: 0, files: 0, submissions: 0 });
    const runs = sql("select details from audit_log where action = 'retention.run' order by id").pluck().all() as string[];
    expect(runs.map((d) => JSON.parse(d))).toEqual([first, second]);
    expect(verifyChain(db.$client).ok).toBe(true);
  });
});

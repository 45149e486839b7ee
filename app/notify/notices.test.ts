/**
 * E-mail notices end to end: submitting and staff decisions queue a notice in their transaction, and it is sent over
 * real SMTP (a local smtp-server) after the commit. Issue 10: "no copy of the answers, no PDF, no e-mail".
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { notices, submissions } from "../../db/schema";
import { changeStatus, type StaffActor } from "../cases/workflow.server";
import { getDb } from "../db.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { createDraft, submitDraft } from "../submissions/drafts.server";
import { useTestDatabase } from "../test/db";
import { startSmtpServer } from "../test/smtp";
import { addResident, addStaff, juminhyoAnswers, submit } from "../test/submissions";
import { drafts } from "../../db/schema";
import { setMailSettings } from "./mailer.server";
import { noticeMail } from "./messages.server";
import { deliverDueNotices, deliverNotices } from "./outbox.server";

const clerk: StaffActor = { role: "staff", id: "clerk" };

function submitWithEmail(contactEmail: string | null, residentAccountId?: string) {
  const form = getLiveForm("juminhyo")!;
  const draft = createDraft(residentAccountId ? { residentAccountId } : { anonymousKeyHash: `anon-${Math.random()}` }, form);
  getDb()
    .update(drafts)
    .set({ answers: juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), completedSteps: form.definition.steps.map((s) => s.id) })
    .where(eq(drafts.id, draft.id))
    .run();
  return submitDraft(draft.id, "ja", { contactEmail });
}

describe("e-mail notices", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeEach(async () => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addStaff("clerk");
    addResident("r1");
    smtp = await startSmtpServer();
  });
  afterEach(() => smtp.stop());

  it("mails the receipt to the address given: 受付番号, procedure and status, no answers", async () => {
    const s = submitWithEmail("ichiro@example.jp");
    await deliverNotices();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toEqual(["ichiro@example.jp"]);
    expect(mail!.subject).toContain(s.receiptNumber);
    expect(mail!.subject).toContain("申請を受け付けました");
    expect(mail!.text).toContain(`受付番号：${s.receiptNumber}`);
    expect(mail!.text).toContain("住民票の写し");
    // Personal data stays out of the mail: not the name, not the answers.
    expect(mail!.text).not.toContain("鈴木");
    expect(getDb().select().from(notices).get()).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("sends each notice once when two senders deliver at the same moment (two app servers; the finding: both sent them)", async () => {
    submitWithEmail("ichiro@example.jp");
    submitWithEmail("hanako@example.jp");
    const now = new Date();
    // The first sender lists both and sends the first; the second lists the second and takes it while the first is
    // sending: the first, at its second notice, finds it taken.
    await Promise.all([deliverDueNotices(now), deliverDueNotices(now)]);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["hanako@example.jp", "ichiro@example.jp"]);
    expect(getDb().select({ status: notices.status, attempts: notices.attempts }).from(notices).all()).toEqual([
      { status: "sent", attempts: 1 },
      { status: "sent", attempts: 1 },
    ]);
  });

  it("mails 補正依頼 with the city's message and a link to My page, then 完了 and 却下", async () => {
    const s = submitWithEmail("r1@example.jp", "r1");
    changeStatus(s.id, "received", "in_review", clerk);
    changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を2通にしてください");
    await deliverNotices();
    const correction = smtp.mails.at(-1)!;
    expect(correction.subject).toContain("修正のお願い");
    expect(correction.text).toContain("通数を2通にしてください");
    expect(correction.text).toContain(`http://localhost:3000/mypage/applications/${s.receiptNumber}`);
    changeStatus(s.id, "needs_correction", "in_review", clerk);
    changeStatus(s.id, "in_review", "completed", clerk);
    const other = submitWithEmail("other@example.jp");
    changeStatus(other.id, "received", "rejected", clerk, "同じ請求が重複しています");
    await deliverNotices();
    expect(smtp.mails.map((m) => m.subject.replace(/（.*/, ""))).toEqual([
      "【まどぐち市 オンライン窓口】申請を受け付けました",
      "【まどぐち市 オンライン窓口】申請内容の修正のお願い",
      "【まどぐち市 オンライン窓口】手続きが完了しました",
      "【まどぐち市 オンライン窓口】申請を受け付けました",
      "【まどぐち市 オンライン窓口】申請をお受けできませんでした",
    ]);
    expect(smtp.mails.at(-1)!.text).toContain("同じ請求が重複しています");
  });

  it("writes a mail in やさしい日本語 with its ふりがな in parentheses (plain text has no ruby), the subject plain", async () => {
    const mail = await noticeMail("received", "mai@example.jp", "ja-x-easy", { formVersionId: getLiveForm("juminhyo")!.versionId, receiptNumber: "R-0001" });
    expect(mail.text).toMatch(/\p{Script=Han}（[\p{Script=Hiragana}ー]+）/u);
    expect(mail.text).toContain("住民票（じゅうみんひょう）");
    expect(mail.text).toContain("R-0001");
    expect(mail.text).not.toMatch(/[{|}]/);
    expect(mail.subject).not.toMatch(/[{|}]|（[\p{Script=Hiragana}]+）/u);
  });

  it("never loses a submission when the mail server is down: the notice waits and is retried", async () => {
    await smtp.stop();
    setMailSettings({ url: `smtp://127.0.0.1:${smtp.port}`, from: "noreply@example.jp" });
    const s = submitWithEmail("ichiro@example.jp");
    await deliverNotices();
    expect(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()).toBeDefined();
    const waiting = getDb().select().from(notices).get()!;
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // The server is back; a minute later the retry goes out.
    smtp = await startSmtpServer();
    await deliverNotices(() => new Date(Date.now() + 2 * 60_000));
    expect(smtp.mails.map((m) => m.to)).toEqual([["ichiro@example.jp"]]);
    expect(getDb().select().from(notices).get()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends nothing without SMTP_URL, and submitting works the same", async () => {
    setMailSettings(null);
    const s = submitWithEmail("ichiro@example.jp");
    await deliverNotices();
    expect(s.contactEmail).toBe("ichiro@example.jp");
    expect(getDb().select().from(notices).all()).toEqual([]);
    expect(smtp.mails).toEqual([]);
  });
});

describe("a 補正依頼 must reach the applicant", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addStaff("clerk");
    addResident("r1");
    setMailSettings(null);
  });
  afterEach(() => setMailSettings(undefined));

  it("is refused for an applicant who did not sign in and left no address, with the reason", () => {
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    changeStatus(s.id, "received", "in_review", clerk);
    expect(changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を確認してください")).toEqual({ ok: false, problem: "unreachable" });
    expect(getDb().select().from(submissions).where(eq(submissions.id, s.id)).get()!.status).toBe("in_review");
    // A decision needs no reply: 却下 and 完了 stay possible.
    expect(changeStatus(s.id, "in_review", "completed", clerk)).toEqual({ ok: true });
  });

  it("goes to a signed-in applicant (My page) or one who left an address", () => {
    const signedIn = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { residentAccountId: "r1" });
    const withEmail = submitWithEmail("ichiro@example.jp");
    for (const s of [signedIn, withEmail]) {
      changeStatus(s.id, "received", "in_review", clerk);
      expect(changeStatus(s.id, "in_review", "needs_correction", clerk, "通数を確認してください")).toEqual({ ok: true });
    }
  });
});

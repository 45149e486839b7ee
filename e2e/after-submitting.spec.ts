/**
 * Issue 10 point 7, "after submitting": no copy of the answers, no PDF, no e-mail; the same procedure for the same
 * person twice passes unnoticed; a 補正依頼 to an applicant who applied without signing in reaches nobody; a signed-in
 * resident only sees 「・補正依頼」 in grey.
 */
import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./support/fixtures";
import {
  fillAddress,
  fillDate,
  fillName,
  juminhyoRequestAndDelivery,
  moveCaseTo,
  next,
  requestJuminhyo,
  signInAsResident,
  signInAsStaff,
  startProcedure,
} from "./support/journey";

/** An anonymous 住民票 request up to the check page, for the given person. */
async function anonymousJuminhyo(page: Page, family: string, given: string) {
  await startProcedure(page, "juminhyo");
  await fillName(page, "氏名", { family, given, familyKana: "てすと", givenKana: "はなこ" });
  await fillDate(page, "生年月日", ["1985", "6", "15"]);
  await fillAddress(page, "住所", { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町1-2-3" });
  await page.getByLabel("日中に連絡がとれる電話番号").fill("09012345678");
  await next(page, "請求の内容");
  await juminhyoRequestAndDelivery(page);
}

async function submit(page: Page) {
  await page.getByLabel("上記の内容に同意します").check();
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申請を受け付けました");
  await expectAccessible(page);
  return (await page.locator(".receipt-number").textContent())!.trim();
}

const idOf = (db: Database.Database, receipt: string) => (db.prepare("select id from submissions where receipt_number = ?").get(receipt) as { id: string }).id;

test("an anonymous applicant leaves an address, sees the answers as submitted and saves them as PDF; only they can", async ({ openPage, db }) => {
  test.setTimeout(120_000);
  const page = await openPage({ javaScriptEnabled: false });
  await anonymousJuminhyo(page, "控田", "花子");
  // A wrong address is explained, the typed text kept.
  await page.getByLabel("お知らせを受け取るメールアドレス").fill("hanako@");
  await page.getByLabel("上記の内容に同意します").check();
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.getByRole("link", { name: /お知らせを受け取るメールアドレスは、name@example.jp の形式/ })).toBeVisible();
  await expect(page.getByLabel("お知らせを受け取るメールアドレス")).toHaveValue("hanako@");
  await expectAccessible(page);
  await page.getByLabel("お知らせを受け取るメールアドレス").fill("ｈａｎａｋｏ@example.jp");
  const receipt = await submit(page);
  expect((db.prepare("select contact_email from submissions where receipt_number = ?").get(receipt) as { contact_email: string }).contact_email).toBe(
    "hanako@example.jp",
  );

  // The receipt shows what was submitted, without 変更 links, and offers the copy as PDF.
  const answers = page.getByRole("region", { name: "申請した内容" });
  await expect(answers).toContainText("控田 花子（テスト ハナコ）");
  await expect(answers.getByRole("link", { name: /変更/ })).toHaveCount(0);
  const href = await page.getByRole("link", { name: "控えをPDFで保存" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Another browser, or a signed-in resident, gets nothing.
  const stranger = await openPage();
  expect((await stranger.request.get(href!)).status()).toBe(404);
  await signInAsResident(stranger, "𠮷田 茂");
  expect((await stranger.request.get(href!)).status()).toBe(404);

  // Staff see where notices go; a 補正依頼 can reach this applicant.
  const staff = await openPage();
  await signInAsStaff(staff, "reviewer1");
  await staff.goto(`/staff/submissions/${idOf(db, receipt)}`);
  await expectAccessible(staff);
  await expect(staff.getByText("hanako@example.jp")).toBeVisible();
  await expect(staff.getByText(/この申請者には補正依頼が届きません/)).toHaveCount(0);
});

test("the same person applying twice is warned with the 受付番号; staff see 重複の可能性; a 補正依頼 that cannot reach them is refused", async ({
  page,
  openPage,
  db,
}) => {
  test.setTimeout(150_000);
  await anonymousJuminhyo(page, "重複", "花子");
  const first = await submit(page);
  // Later, in another browser: the same name and birth date.
  const again = await openPage();
  await anonymousJuminhyo(again, "重複", "花子");
  const warning = again.getByRole("region", { name: "同じ手続きの申請が受付中です" });
  await expect(warning).toContainText(`同じ手続きの申請が受付中です（受付番号 ${first}）`);
  // Submitting anyway is the resident's choice.
  const second = await submit(again);
  expect(second).not.toBe(first);

  const staff = await openPage();
  await signInAsStaff(staff, "reviewer1");
  await staff.getByLabel("受付番号・氏名・フリガナで検索").fill("重複花子");
  await staff.getByRole("button", { name: "この条件で表示する" }).click();
  const rows = staff.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  for (const receipt of [first, second]) await expect(rows.filter({ hasText: receipt })).toContainText("重複の可能性");
  await expectAccessible(staff);
  await staff.getByRole("link", { name: second }).click();
  await expect(staff.getByText(`同じ方の同じ手続きの申請が、ほかにも受付中です（受付番号 ${first}）。`)).toBeVisible();
  await expectAccessible(staff);

  // Applied without signing in and without an address: a 補正依頼 would reach nobody, so it is refused with the reason.
  await moveCaseTo(staff, "審査中");
  await expect(staff.getByText("この申請者には補正依頼が届きません（ログインせずに申請し、お知らせ用のメールアドレスもありません）。")).toBeVisible();
  await expectAccessible(staff);
  await staff.getByLabel("申請者へのメッセージ").fill("通数をご確認ください。");
  await staff.getByRole("button", { name: "「補正依頼」にする" }).click();
  await expect(staff.getByRole("link", { name: /この申請者には補正依頼が届きません.*電話など別の方法で連絡してください/ })).toBeVisible();
  await expectAccessible(staff);
  expect((db.prepare("select status from submissions where receipt_number = ?").get(second) as { status: string }).status).toBe("in_review");
});

test("a signed-in resident sees a 補正依頼 highlighted on My page, and the answers and PDF of each application", async ({ page, openPage, db }) => {
  test.setTimeout(150_000);
  await signInAsResident(page, "髙橋 由美");
  const receipt = await requestJuminhyo(page);
  const staff = await openPage();
  await signInAsStaff(staff, "reviewer1");
  await staff.goto(`/staff/submissions/${idOf(db, receipt)}`);
  await expectAccessible(staff);
  for (const [status, message] of [["審査中"], ["補正依頼", "使いみちを確認してください。"]] as const) {
    await moveCaseTo(staff, status, message);
    await expectAccessible(staff);
  }

  await page.goto("/mypage");
  await expectAccessible(page);
  const item = page.getByRole("listitem").filter({ hasText: receipt });
  await expect(item.locator(".action-needed")).toContainText("対応が必要です：市役所から修正のお願い（補正依頼）があります。");
  await item.getByRole("link", { name: `受付番号 ${receipt} のお願いを確認して修正する` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申請の状況");
  await expectAccessible(page);
  await expect(page.getByRole("region", { name: "申請した内容" })).toContainText("髙橋 由美");
  const href = await page.getByRole("link", { name: "控えをPDFで保存" }).getAttribute("href");
  expect((await page.request.get(href!)).status()).toBe(200);
  const other = await openPage();
  await signInAsResident(other, "𠮷田 茂");
  expect((await other.request.get(href!)).status()).toBe(404);
});

/**
 * Issue 10, procedure content, as residents meet it: no 「変更」 link that leads to a value they cannot change, a fee
 * they can see, and a prefilled move date that says it is only the planned one.
 */
import type { Locator } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { next, signInAsResident, startProcedure, submitApplication } from "./support/journey";

for (const js of [true, false]) {
  test(`住民票, signed in, JavaScript ${js ? "on" : "off"}: fixed answers have no 変更 link; the fee and how to pay follow the answers`, async ({
    openPage,
  }) => {
    test.setTimeout(300_000);
    const page = await openPage({ javaScriptEnabled: js });
    // A resident of its own: tests run in parallel, and a resident has one draft per procedure.
    await signInAsResident(page, js ? "TRAN THI MAI" : "山﨑 蓮");
    await startProcedure(page, "juminhyo");
    await page.getByLabel("日中に連絡がとれる電話番号").fill("0540001111");
    await next(page, "請求の内容");
    await page.getByLabel("本人のみ").check();
    await page.getByLabel("必要な通数").fill("3");
    await page.getByLabel(/^使いみち/).selectOption("bank");
    await next(page, "受け取り方法");
    await expect(page.locator("#fee")).toHaveText("900円（300円×3通）");
    await page.getByLabel("郵送（住民票の住所に送ります）").check();
    await next(page, "手数料の支払い方法");
    await page.getByLabel(/^キャッシュレス決済/).check();
    await next(page, "入力内容の確認");

    const change = (label: string) => page.getByRole("link", { name: `変更 （${label}）` });
    // 氏名 and 生年月日 come from the sign-in and cannot be changed here: no link leads to them.
    await expect(change("氏名")).toHaveCount(0);
    await expect(change("生年月日")).toHaveCount(0);
    // The fee is computed, not asked.
    await expect(change("手数料")).toHaveCount(0);
    await expect(page.getByText("900円（300円×3通）")).toBeVisible();
    // What the resident may correct keeps its link, and it leads to the question.
    await expect(change("住所")).toHaveCount(1);
    await change("支払い方法").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("手数料の支払い方法");
    await expectAccessible(page);
    await page.getByLabel("定額小為替").check();
    await next(page, "入力内容の確認");

    await submitApplication(page);
    await expect(page.getByText(/^手数料は 900円（300円×3通） です。同じ額の定額小為替と/)).toBeVisible();
    await expect(page.getByText(/SMS|窓口で受け取るときに/)).toHaveCount(0);
  });
}

test("転入届: the date prefilled from the 転出証明書情報 is marked as the planned date to check, on its step and the check page", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsResident(page, "伊藤 湊");
  await startProcedure(page, "tennyu");
  const field = page.locator("#moveDate-field").locator("xpath=..");
  await expect(field.getByText("転出予定日（転出証明書情報より）")).toBeVisible();
  await expect(field.getByText("転出届のときに届け出た予定の日です。実際に新しい住所に住み始めた日を確認し、違っていれば直してください。")).toBeVisible();
  // Not the generic note that presents it as the city's record.
  await expect(field.getByText("市が持っている情報を入力しました")).toHaveCount(0);
  await expectAccessible(page);
  const choose = async (l: Locator) => {
    if (!(await l.isChecked())) await l.check();
  };
  await choose(page.getByLabel("本人", { exact: true }));
  await next(page, "新しい住所");
  await next(page, "前の住所");
  await next(page, "引っ越してきた方");
  // Each person offered is named by their name and answered on their own page.
  for (const given of ["健一", "彩", "湊", "葵"]) {
    await page.getByRole("button", { name: new RegExp(`^変更\\s*（伊藤 ${given}さん）$`) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`伊藤 ${given}さん`);
    await expectAccessible(page);
    await choose(page.getByRole("group", { name: /外国籍の方ですか/ }).getByLabel("いいえ"));
    await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("引っ越してきた方");
    await expectAccessible(page);
  }
  await next(page, "新しい世帯");
  await choose(page.getByLabel("新しく世帯をつくる"));
  await next(page, "連絡先");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("09011112222");
  await next(page, "あわせて必要な手続き");
  await next(page, "入力内容の確認");
  const row = page.locator(".summary-list__row").filter({ hasText: "引っ越した日（異動日）" });
  await expect(row.locator(".tag--source")).toHaveText("転出予定日（転出証明書情報より）");
});

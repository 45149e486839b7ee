/**
 * 和暦 (issue 10, point 3): 「昭和30」 in a birth date is a date, with and without JavaScript; a mismatch is explained
 * in words; 入所希望月 is one of the coming months; dates read 和暦 first on the check page, My page and the status page.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import {
  fillAddress,
  fillName,
  juminhyoRequestAndDelivery,
  next,
  requestJuminhyo,
  signInAsResident,
  startProcedure,
  submitApplication,
} from "./support/journey";

async function birthDate(page: Page, { era = "西暦", year, month, day }: { era?: string; year: string; month: string; day: string }) {
  const group = page.getByRole("group", { name: /^生年月日/ });
  await group.getByLabel("元号").selectOption({ label: era });
  await group.getByLabel("年", { exact: true }).fill(year);
  await group.getByLabel("月", { exact: true }).fill(month);
  await group.getByLabel("日", { exact: true }).fill(day);
}

async function applicant(page: Page) {
  await fillName(page, "氏名", { family: "佐藤", given: "ハル", familyKana: "サトウ", givenKana: "ハル" });
  await fillAddress(page, "住所", { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町1-2-3" });
  await page.getByLabel("日中に連絡がとれる電話番号").fill("090-1234-5678");
}

for (const js of [true, false]) {
  test(`「昭和30」 typed in a birth date is accepted, and shown 和暦 first (JavaScript ${js ? "on" : "off"})`, async ({ openPage }) => {
    const page = await openPage({ javaScriptEnabled: js });
    await startProcedure(page, "juminhyo");
    // The hint gives an example in both calendars; the live aid is promised only where it works.
    await expect(page.getByText("例：1985年7月20日、または 昭和60年7月20日")).toBeVisible();
    if (js) await expect(page.locator("#applicantBirthDate-wareki")).toHaveText(/表示します/);
    else await expect(page.getByText(/表示します/)).toHaveCount(0);
    await applicant(page);
    await birthDate(page, { year: "昭和30", month: "4", day: "1" });
    if (js) await expect(page.locator("#applicantBirthDate-wareki")).toHaveText("昭和30年は1955年です");
    await next(page, "請求の内容");
    await juminhyoRequestAndDelivery(page);
    await expect(page.getByText("昭和30年4月1日（1955年）")).toBeVisible();
    await submitApplication(page);
  });

  test(`an era that does not fit the year or the day is explained in words (JavaScript ${js ? "on" : "off"})`, async ({ openPage }) => {
    const page = await openPage({ javaScriptEnabled: js });
    await startProcedure(page, "juminhyo");
    await applicant(page);
    const summary = page.locator(".error-summary");

    await birthDate(page, { era: "平成", year: "1955", month: "4", day: "1" });
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("生年月日の年と元号が合いません。1955年は昭和30年で、平成ではありません");
    await expectAccessible(page);

    await birthDate(page, { era: "平成", year: "31", month: "5", day: "1" });
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(summary).toContainText("生年月日を確かめてください。平成31年5月1日は令和元年5月1日です");
    // What was typed stays, era included.
    await expect(page.getByRole("group", { name: /^生年月日/ }).getByLabel("元号")).toHaveValue("heisei");
    await expect(page.getByRole("group", { name: /^生年月日/ }).getByLabel("年", { exact: true })).toHaveValue("31");
    await expectAccessible(page);

    await birthDate(page, { era: "令和", year: "元", month: "5", day: "1" });
    await next(page, "請求の内容");
  });
}

test("入所希望月 is one of the coming months, named in 和暦 and 西暦, chosen without JavaScript", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await startProcedure(page, "hoikusho");
  await page.getByLabel("新規").check();
  const month = page.getByRole("combobox", { name: /^入所を希望する月/ });
  // No year and month to type (a month soon to come is a choice); this month first, then the next twelve.
  await expect(page.getByRole("group", { name: /^入所を希望する月/ })).toHaveCount(0);
  const options = await month.locator("option").allTextContents();
  expect(options).toHaveLength(14);
  expect(options[1]).toMatch(/^令和\d+年\d{1,2}月（\d{4}年）$/);
  const reiwa = new Date().getFullYear() + 1 - 2018;
  await month.selectOption({ label: `令和${reiwa}年4月（${reiwa + 2018}年）` });
  await next(page, "入所するお子さん");
  // Back on the step, the month chosen is kept.
  await page.getByRole("link", { name: "戻る" }).click();
  await expectAccessible(page);
  await expect(month).toHaveValue(`${reiwa + 2018}-04`);
});

test("My page and the status page show dates 和暦 first", async ({ page }) => {
  await signInAsResident(page, "髙橋 大輔");
  // 住民記録 birth date (was 「1988-05-14」-style elsewhere; one style now).
  await expect(page.getByText("昭和63年5月14日（1988年）", { exact: true })).toBeVisible();
  const receipt = await requestJuminhyo(page);
  await page.goto("/mypage");
  await expectAccessible(page);
  await expect(page.getByText(new RegExp(`${receipt}・令和\\d+年\\d+月\\d+日（\\d{4}年）・`))).toBeVisible();
  await page.goto(`/mypage/applications/${receipt}`);
  await expectAccessible(page);
  const submittedAt = page.locator(".summary-list__row", { hasText: "申請日時" }).locator("dd");
  await expect(submittedAt).toHaveText(/^令和\d+年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
});

import { expect, expectAccessible, test } from "./support/fixtures";
import { expectProgress, fillAddress, fillDate, fillName, next, submitApplication } from "./support/journey";
import type { Page } from "@playwright/test";

async function complete(page: Page) {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "住民票の写しの交付請求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("住民票の写しの交付請求");
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
  await expectAccessible(page);
  await expectProgress(page, 1, 3);

  await fillName(page, "氏名", { family: "山田", given: "花子", familyKana: "やまだ", givenKana: "ﾊﾅｺ" });
  await fillDate(page, "生年月日", ["１９９０", "4", "1"]);
  await fillAddress(page, "住所", { postalCode: "４２０−０００１", prefecture: "静岡県", city: "まどぐち市", town: "本町1-2-3" });
  await page.getByLabel("日中に連絡がとれる電話番号").fill("090-1234-5678");
  await next(page, "請求の内容");
  await expectProgress(page, 2, 3);

  await page.getByLabel("世帯の一部の方").check();
  await page.getByLabel("必要な通数").fill("2");
  await page.getByLabel("世帯主・続柄").check();
  await page.getByLabel(/^使いみち/).selectOption("bank");
  await next(page, "必要な方");
  // Choosing "some people" added a step: progress counts it.
  await expectProgress(page, 3, 4);
  await fillName(page, "氏名", { family: "山田", given: "一郎" });
  await fillDate(page, "生年月日", ["1960", "12", "24"]);
  await next(page, "受け取り方法");
  await expectProgress(page, 4, 4);
  // The fee follows the number of copies asked for (issue 10: 「1通300円」 was promised, the amount never said).
  await expect(page.getByText("600円（300円×2通）")).toBeVisible();
  await page.getByLabel("郵送（住民票の住所に送ります）").check();
  await next(page, "手数料の支払い方法");
  await expectProgress(page, 5, 5);
  await page.getByLabel("定額小為替").check();
  await next(page, "入力内容の確認");
  await expect(page.getByText("600円（300円×2通）")).toBeVisible();

  // Normalised answers: katakana, half-width digits, postal code and phone.
  await expect(page.getByText("山田 花子（ヤマダ ハナコ）")).toBeVisible();
  await expect(page.getByText("平成2年4月1日（1990年）")).toBeVisible();
  await expect(page.getByText("〒420-0001 静岡県まどぐち市本町1-2-3")).toBeVisible();
  await expect(page.getByText("090-1234-5678")).toBeVisible();
  // The question that did not apply (その他の使いみち) is not on the check page.
  await expect(page.getByText("その他の使いみち")).toHaveCount(0);
  const receipt = await submitApplication(page);
  // What to do next says how much and how to pay, by what was chosen.
  await expect(page.getByText(/^手数料は 600円（300円×2通） です。同じ額の定額小為替と/)).toBeVisible();
  await expect(page.getByText(/SMS/)).toHaveCount(0);
  expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  // The 受付番号 as a QR code too, for the scanner at the counter (issue 12 point 8), large enough to read.
  const qr = page.getByRole("img", { name: `受付番号 ${receipt} のQRコード` });
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(140);
  await expect(page.getByText("窓口では、このQRコードを職員に見せてください。")).toBeVisible();
  return receipt!;
}

test.describe("住民票の写しの交付請求", () => {
  test("completed with JavaScript on", async ({ page, db }) => {
    const receipt = await complete(page);
    const row = db.prepare("select form_id, status, language, answers from submissions where receipt_number = ?").get(receipt) as Record<string, string>;
    expect(row).toMatchObject({ form_id: "juminhyo", status: "received", language: "ja" });
    const answers = JSON.parse(row.answers!);
    expect(answers.applicantName).toEqual({ family: "山田", given: "花子", familyKana: "ヤマダ", givenKana: "ハナコ" });
    expect(answers.applicantBirthDate).toBe("1990-04-01");
    expect(answers.applicantAddress.postalCode).toBe("4200001");
    expect(answers.applicantPhone).toBe("09012345678");
    expect(answers.copies).toBe(2);
    expect(answers).not.toHaveProperty("purposeOther");
  });

  test("completed with JavaScript off", async ({ openPage }) => {
    // One step more than before (how to pay by post), each checked by axe twice without JavaScript.
    test.setTimeout(120_000);
    const page = await openPage({ javaScriptEnabled: false });
    await complete(page);
  });
});

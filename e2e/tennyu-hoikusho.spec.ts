import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { fillAddress, fillDate, fillName, next, submitApplication } from "./support/journey";

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// Long journeys with an axe check on every page (twice as many pages without JavaScript).
test.describe.configure({ timeout: 240_000 });

async function start(page: Page, title: string, firstStep: string) {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstStep);
  await expectAccessible(page);
}

/**
 * Without JavaScript the questions an answer opens are not on the page (never shown to everyone and marked 必須):
 * the same step comes back with them, focused, once the answer is sent. With JavaScript they open in place.
 */
async function followUps(page: Page, heading: string, javaScript: boolean, firstQuestion: RegExp, button = "次へ") {
  if (javaScript) return;
  await expect(page.getByLabel(firstQuestion).filter({ visible: true })).toHaveCount(0);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("追加の質問があります");
  await expect(page.getByLabel(firstQuestion).filter({ visible: true })).toHaveCount(1);
  await expectAccessible(page);
}

async function tennyu(page: Page, javaScript: boolean) {
  await start(page, "転入届（住民異動届）", "引っ越しについて");
  await fillDate(page, "引っ越した日（異動日）", ["2026", "11", "1"]);
  await page.getByLabel("本人", { exact: true }).check();
  await next(page, "新しい住所");
  await fillAddress(page, "新しい住所", {
    postalCode: "4200034",
    prefecture: "静岡県",
    city: "まどぐち市",
    town: "緑が丘一丁目1番1号",
    building: "みどりハイツ 101",
  });
  await next(page, "前の住所");
  await fillAddress(page, "前の住所", { postalCode: "1540017", prefecture: "東京都", city: "世田谷区", town: "世田谷九丁目8番7号" });
  await page.getByLabel(/^前の住所での世帯主の氏名/).fill("加藤 健一");
  await next(page, "引っ越してきた方");
  // Person 1, then "add another" for person 2 (a foreign resident: the extra questions apply).
  await fillName(page, "氏名", { family: "加藤", given: "健一", familyKana: "カトウ", givenKana: "ケンイチ" }, 0);
  await fillDate(page, "生年月日", ["1987", "3", "19"], 0);
  await page.getByRole("group", { name: "異動者 1" }).getByLabel("男").check();
  await page
    .getByRole("group", { name: "異動者 1" })
    .getByLabel(/^世帯主との続柄/)
    .selectOption("head");
  await page
    .getByRole("group", { name: "異動者 1" })
    .getByRole("group", { name: /外国籍の方ですか/ })
    .getByLabel("いいえ")
    .check();
  // The next person is asked on a page of their own (a page stays short whatever the number of people).
  await page.getByRole("button", { name: "もう1人追加する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("異動者 2");
  await expect(page).toHaveTitle(/^異動者 2 – 引っ越してきた方/);
  await expectAccessible(page);
  const p2 = page.getByRole("group", { name: "異動者 2" });
  // Another person's item: the browser must not fill in the resident's own name there.
  await expect(p2.getByLabel("姓", { exact: true })).toHaveAttribute("autocomplete", "off");
  await fillName(p2 as unknown as Page, "氏名", { family: "GARCIA", given: "MARIA", familyKana: "ガルシア", givenKana: "マリア" });
  await fillDate(p2 as unknown as Page, "生年月日", ["1990", "6", "15"]);
  await p2.getByLabel("女").check();
  await p2.getByLabel(/^世帯主との続柄/).selectOption("wife");
  await p2
    .getByRole("group", { name: /外国籍の方ですか/ })
    .getByLabel("はい")
    .check();
  await followUps(page, "GARCIA MARIAさん", javaScript, /^国籍・地域/, "保存して一覧に戻る");
  const foreign = javaScript ? p2 : page.getByRole("group", { name: "GARCIA MARIAさん" });
  // The first question asked next has focus.
  if (!javaScript) await expect(foreign.getByLabel(/^国籍・地域/)).toBeFocused();
  await foreign.getByLabel(/^国籍・地域/).selectOption({ label: "スペイン" });
  await foreign.getByLabel(/^在留資格/).selectOption("spouse");
  await fillDate(foreign as unknown as Page, "在留期間の満了日", ["2029", "3", "31"]);
  await foreign.getByLabel(/^在留カード番号/).fill("ab12345678cd");
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  // Back on the list: a short row per person, named by their name; the one just saved has focus.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("引っ越してきた方");
  await expect(page.getByRole("status")).toHaveText("GARCIA MARIAさんの内容を保存しました。");
  await expect(page.locator("#persons-1")).toBeFocused();
  await expect(page.getByRole("heading", { name: "加藤 健一さん" })).toBeVisible();
  await expect(page.getByLabel("姓", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await next(page, "新しい世帯");
  await page.getByLabel("新しく世帯をつくる").check();
  await page.getByLabel(/^新しい世帯の世帯主の氏名/).fill("加藤 健一");
  await next(page, "連絡先");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("０９０１１１１２２２２");
  await next(page, "あわせて必要な手続き");
  await page.getByLabel("国民健康保険").check();
  await page.getByLabel(/マイナンバーカードの継続利用/).check();
  await next(page, "入力内容の確認");
  await expect(page.getByText("在留資格：日本人の配偶者等")).toBeVisible();
  await expect(page.getByText("国民健康保険、マイナンバーカードの継続利用（転入から90日以内）")).toBeVisible();
  return submitApplication(page);
}

async function hoikusho(page: Page, javaScript: boolean) {
  await start(page, "保育所等の入所申込（教育・保育給付認定申請）", "申込の内容");
  await page.getByLabel("新規").check();
  // One choice among the coming months, shown in 和暦 and 西暦.
  const nextYear = new Date().getFullYear() + 1;
  const startMonth = page.getByRole("combobox", { name: "入所を希望する月" });
  await expect(startMonth.getByRole("option", { name: `令和${nextYear - 2018}年4月（${nextYear}年）` })).toHaveCount(1);
  await startMonth.selectOption(`${nextYear}-04`);
  // 保育標準時間 / 保育短時間 is not asked: the guardians' hours decide it (shown on the next steps).
  await expect(page.getByText("保育標準時間（最長11時間）")).toHaveCount(0);
  await next(page, "入所するお子さん");
  const child = page.getByRole("group", { name: "お子さん 1" }) as unknown as Page;
  await fillName(child, "お子さんの氏名", { family: "髙橋", given: "結衣", familyKana: "タカハシ", givenKana: "ユイ" });
  await fillDate(child, "お子さんの生年月日", [String(new Date().getFullYear() - 1), "3", "8"]);
  await child.getByLabel("女").check();
  await next(page, "保護者と保育を必要とする理由");
  const g1 = page.getByRole("group", { name: "保護者 1" });
  await fillName(g1 as unknown as Page, "氏名", { family: "髙橋", given: "由美", familyKana: "タカハシ", givenKana: "ユミ" });
  await fillDate(g1 as unknown as Page, "生年月日", ["1990", "9", "2"]);
  await g1.getByLabel(/^お子さんとの続柄/).selectOption("mother");
  await g1.getByLabel(/^電話番号/).fill("080-2222-3333");
  if (javaScript) {
    // Questions for other reasons appear only once their reason is chosen.
    await expect(g1.getByLabel(/^勤務先の名称/)).toBeHidden();
    await g1.getByLabel(/^保育を必要とする理由/).selectOption("study");
    await expect(g1.getByLabel(/^学校名と通学時間/)).toBeVisible();
    await g1.getByLabel(/^学校名と通学時間/).fill("関係のない入力");
  }
  await g1.getByLabel(/^保育を必要とする理由/).selectOption("work");
  await followUps(page, "保護者と保育を必要とする理由", javaScript, /^勤務先の名称/);
  // Named by their name once it is known.
  const guardian = javaScript ? g1 : page.getByRole("group", { name: "髙橋 由美さん" });
  await expect(guardian.getByLabel(/^学校名と通学時間/)).toBeHidden();
  await guardian.getByLabel(/^勤務先の名称/).fill("まどぐち商事");
  await guardian.getByLabel("正社員").check();
  await guardian.getByLabel(/^1週間の勤務日数/).fill("5");
  await guardian.getByLabel(/^1か月の就労時間/).fill("160");
  // A value typed into a question that no longer applies to the chosen reason is dropped (with JavaScript it was
  // typed before the reason changed; without, such a question is never on the page).
  await expect(guardian.getByLabel(/^学校名と通学時間/)).toBeHidden();
  // The 就労証明書 is given with the guardian who works. A file named .pdf that is not a PDF is refused by its content.
  await guardian.getByLabel(/^就労証明書/).setInputFiles({ name: "shomei.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text, not a PDF") });
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator(".error-summary")).toContainText("就労証明書は、PDF・JPEG・PNG のいずれかのファイルを選んでください");
  await expectAccessible(page);
  // Named by her name now that the page came back from the server.
  await page
    .getByRole("group", { name: "髙橋 由美さん" })
    .getByLabel(/^就労証明書/)
    .setInputFiles({ name: "就労証明書.pdf", mimeType: "application/pdf", buffer: MINIMAL_PDF });
  await next(page, "希望する施設");
  await expect(page.getByText("保育標準時間（最長11時間）")).toBeVisible();
  await page.getByRole("group", { name: "希望施設 1" }).getByLabel(/^施設/).selectOption("midori");
  await page.getByRole("button", { name: "もう1つ追加する" }).click();
  await expectAccessible(page);
  await page.getByRole("group", { name: "希望施設 2" }).getByLabel(/^施設/).selectOption("sakura");
  await page
    .getByRole("group", { name: /ほかの施設でもよいですか/ })
    .getByLabel("はい")
    .check();
  await next(page, "同居している家族");
  await next(page, "世帯の状況");
  await page
    .getByRole("group", { name: /保育料の決定と利用調整のため/ })
    .getByLabel("同意します")
    .check();
  await next(page, "入力内容の確認");
  await expect(page.getByText("勤務先の名称：まどぐち商事")).toBeVisible();
  await expect(page.getByText("関係のない入力")).toHaveCount(0);
  await expect(page.getByText("就労証明書：就労証明書.pdf（1 KB）")).toBeVisible();
  // 入所希望月 is a month, shown 和暦 first: 令和 year = 西暦 − 2018.
  await expect(page.getByText(`令和${Number(nextYear) - 2018}年4月（${nextYear}年）`)).toBeVisible();
  return submitApplication(page);
}

for (const js of [true, false]) {
  test(`転入届 completed with JavaScript ${js ? "on" : "off"}`, async ({ openPage, db }) => {
    const page = await openPage({ javaScriptEnabled: js });
    const receipt = await tennyu(page, js);
    const row = db.prepare("select answers from submissions where receipt_number = ?").get(receipt) as { answers: string };
    const answers = JSON.parse(row.answers);
    expect(answers.persons).toHaveLength(2);
    expect(answers.persons[0]).not.toHaveProperty("nationality");
    // Issue 10: 国籍・地域 is stored as its ISO code, the card number as printed (upper case).
    expect(answers.persons[1]).toMatchObject({ nationality: "ES", residenceStatus: "spouse", residenceCardNumber: "AB12345678CD" });
    expect(answers.phone).toBe("09011112222");
  });

  test(`保育所入所申請 completed with JavaScript ${js ? "on" : "off"}`, async ({ openPage, db }) => {
    const page = await openPage({ javaScriptEnabled: js });
    const receipt = await hoikusho(page, js);
    // The next steps follow what was uploaded: the one working guardian gave a 就労証明書, nothing is asked again.
    await expect(page.getByText(/^アップロードされた就労証明書は市で確認します/)).toBeVisible();
    await expect(page.getByText(/アップロードしていない保護者/)).toHaveCount(0);
    const row = db.prepare("select answers from submissions where receipt_number = ?").get(receipt) as { answers: string };
    const answers = JSON.parse(row.answers);
    expect(answers.guardians[0]).toMatchObject({ reason: "work", employer: "まどぐち商事", daysPerWeek: 5, hoursPerMonth: 160 });
    expect(answers.guardians[0]).not.toHaveProperty("school");
    expect(answers.facilities.map((f: { facility: string }) => f.facility)).toEqual(["midori", "sakura"]);
    expect(answers.taxConsent).toBe(true);
    expect(answers.startDate).toBe(`${new Date().getFullYear() + 1}-04`);
    const file = db.prepare("select content_type, size, file_name from attachments where id = ?").get(answers.guardians[0].employmentCertificate[0].id);
    expect(file).toEqual({ content_type: "application/pdf", size: MINIMAL_PDF.length, file_name: "就労証明書.pdf" });
  });
}

test("error path on a 転入届 step and a 保育所 step (summary focused, values kept)", async ({ page }) => {
  await start(page, "転入届（住民異動届）", "引っ越しについて");
  await fillDate(page, "引っ越した日（異動日）", ["2099", "1", "1"]);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("引っ越した日（異動日）は今日以前の日付を入力してください");
  await expect(page.locator(".error-summary")).toContainText("届出をする方を選んでください");
  await expect(page.getByRole("group", { name: "引っ越した日（異動日）" }).getByLabel("年", { exact: true })).toHaveValue("2099");
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);

  await start(page, "保育所等の入所申込（教育・保育給付認定申請）", "申込の内容");
  await page.getByLabel("新規").check();
  // The month is a choice: none chosen is asked for as a choice; a past month posted anyway is refused by the server.
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("入所を希望する月を選んでください");
  await expect(page.getByLabel("新規")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "入所を希望する月" }).evaluate((select: HTMLSelectElement) => {
    select.add(new Option("2000年4月", "2000-04"));
    select.value = "2000-04";
  });
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("入所を希望する月は今月以降の月を入力してください");
  await expect(page.getByLabel("新規")).toBeChecked();
  await expectAccessible(page);
});

import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures";

/** Fills a person-name fieldset found by its legend. */
export async function fillName(page: Page, legend: string, name: { family: string; given: string; familyKana?: string; givenKana?: string }, nth = 0) {
  const group = page.getByRole("group", { name: legend }).nth(nth);
  await group.getByLabel("姓", { exact: true }).fill(name.family);
  await group.getByLabel("名", { exact: true }).fill(name.given);
  if (name.familyKana) await group.getByLabel("姓（フリガナ）").fill(name.familyKana);
  if (name.givenKana) await group.getByLabel("名（フリガナ）").fill(name.givenKana);
}

export async function fillDate(page: Page, legend: string, [y, m, d]: [string, string, string], nth = 0) {
  const group = page.getByRole("group", { name: legend }).nth(nth);
  await group.getByLabel("年", { exact: true }).fill(y);
  await group.getByLabel("月", { exact: true }).fill(m);
  await group.getByLabel("日", { exact: true }).fill(d);
}

export async function fillAddress(page: Page, legend: string, a: { postalCode: string; prefecture: string; city: string; town: string; building?: string }) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("郵便番号").fill(a.postalCode);
  await group.getByLabel("都道府県").selectOption(a.prefecture);
  await group.getByLabel("市区町村").fill(a.city);
  await group.getByLabel("町域・番地").fill(a.town);
  if (a.building) await group.getByLabel("方書").fill(a.building);
}

/**
 * Presses 次へ and checks the page it lands on. When it stays, the failure says what the error summary said (a CI log
 * shows little more than the failure itself); errors of the page's scripts are in the failure report (fixtures.ts).
 */
export async function next(page: Page, expectedHeading?: string | RegExp) {
  await page.getByRole("button", { name: /^(次へ|保存して確認画面へ戻る)$/ }).click();
  if (expectedHeading) {
    await expect(page.getByRole("heading", { level: 1 }))
      .toHaveText(expectedHeading)
      .catch(async (error: Error) => {
        const summary = await page
          .locator(".error-summary")
          .allInnerTexts()
          .catch(() => []);
        error.message += `\nerror summary: ${summary.map((text) => text.replace(/\n+/g, " / ")).join(" / ") || "none"}`;
        throw error;
      });
  }
  await expectAccessible(page);
}

/** Holds the page's requests to `url` until the returned function is called: a slow network, on cue. */
export async function holdRequests(page: Page, url: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export async function expectProgress(page: Page, n: number, total: number) {
  await expect(page.locator(".progress")).toHaveText(`${n} / ${total}`);
}

/** Signs in through the demo identity provider as a seeded resident (lands on My page). */
export async function signInAsResident(page: Page, name: string) {
  await page.goto("/login/demo");
  await expectAccessible(page);
  await page.getByRole("button", { name }).click();
  await expect(page).toHaveURL(/\/mypage$/);
  await expectAccessible(page);
}

/** Signs in a demo staff member (password madoguchi-demo) and lands on the queue. */
export async function signInAsStaff(page: Page, username: string, password = "madoguchi-demo") {
  await page.goto("/staff/login");
  await expectAccessible(page);
  await page.getByLabel("ユーザー名").fill(username);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expectAccessible(page);
}

/**
 * On a case's page: moves it to 「status」 with one click (the message first, where one is asked for) and waits until
 * the page shows the case in that status. The message of an earlier change may still be on the page, so the status
 * row says this change was made, not only "状態を変更しました。".
 */
export async function moveCaseTo(page: Page, status: string, message?: string) {
  if (message !== undefined) await page.getByLabel("申請者へのメッセージ").fill(message);
  await page.getByRole("button", { name: `「${status}」にする` }).click();
  await expectStatusChanged(page, status);
}

/** The case's page after a status change: the case is in `status`, and the page says the change was made. */
export async function expectStatusChanged(page: Page, status: string) {
  const statusRow = page.locator(".summary-list__row", { has: page.getByRole("term").getByText("状態", { exact: true }) });
  await expect(statusRow.getByRole("definition")).toHaveText(status);
  await expect(page.getByRole("status")).toHaveText("状態を変更しました。");
}

export async function startProcedure(page: Page, formId: string) {
  await page.goto(`/procedures/${formId}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expectAccessible(page);
}

/** The 住民票 steps 請求の内容 and 受け取り方法 (本人のみ, at the counter), ending on the check page. */
export async function juminhyoRequestAndDelivery(page: Page, { copies = "1", purpose = "bank" } = {}) {
  await page.getByLabel("本人のみ").check();
  await page.getByLabel("必要な通数").fill(copies);
  await page.getByLabel(/^使いみち/).selectOption(purpose);
  await next(page, "受け取り方法");
  await page.getByLabel("市役所の窓口で受け取る").check();
  await next(page, "入力内容の確認");
}

/**
 * A signed-in resident's 住民票の写し request, from the start page to the 受付番号 (the name, birth date and address
 * come from the city's records). Returns the 受付番号.
 */
export async function requestJuminhyo(page: Page, copies = "1") {
  await startProcedure(page, "juminhyo");
  await page.getByLabel("日中に連絡がとれる電話番号").fill("0540001111");
  await next(page, "請求の内容");
  await juminhyoRequestAndDelivery(page, { copies });
  return submitApplication(page);
}

/** On the check page: agrees to the declaration, submits, checks the confirmation page; returns the 受付番号. */
export async function submitApplication(page: Page) {
  await page.getByLabel("上記の内容に同意します").check();
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申請を受け付けました");
  await expectAccessible(page);
  return (await page.locator(".receipt-number").textContent())!.trim();
}

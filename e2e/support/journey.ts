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

/** Presses 次へ and checks the page it lands on. */
export async function next(page: Page, expectedHeading?: string | RegExp) {
  await page.getByRole("button", { name: /^(次へ|保存して確認画面へ戻る)$/ }).click();
  if (expectedHeading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(expectedHeading);
  await expectAccessible(page);
}

export async function expectProgress(page: Page, n: number, total: number) {
  await expect(page.locator(".progress")).toHaveText(`${n} / ${total}`);
}

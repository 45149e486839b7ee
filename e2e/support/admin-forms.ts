/** The administrator's publishing pages, driven with JavaScript off: shared by admin-forms and the clock-moving spec. */
import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures";
import { signInAsStaff, submitApplication } from "./journey";

/** A small procedure: one step, one question. Each test uses its own id, so tests do not meet. */
export function definition(id: string, { title = "犬の登録", label = "犬の名前", version = "1" } = {}) {
  return {
    id,
    version,
    title: { ja: title },
    description: { ja: `${title}の申請です。` },
    guidance: { whatYouNeed: [], duration: { ja: "3分" }, notes: [] },
    steps: [{ id: "dog", title: { ja: "犬について" }, fields: [{ type: "text", name: "dogName", label: { ja: label }, required: true }] }],
    declaration: { ja: "申請内容に誤りはありません。" },
    afterSubmit: [{ ja: "担当者から連絡します。" }],
  };
}

export async function adminPage(openPage: (o?: object) => Promise<Page>) {
  const page = await openPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await signInAsStaff(page, "admin1");
  return page;
}

export async function importText(page: Page, text: string) {
  await page.goto("/admin/forms/import");
  await expectAccessible(page);
  await page.getByLabel("または内容を貼り付け").fill(text);
  await page.getByRole("button", { name: "取り込む" }).click();
  await expectAccessible(page);
}

export async function publishNow(page: Page) {
  await page.getByRole("button", { name: "今すぐ公開" }).click();
  await expect(page.getByRole("status")).toContainText("公開しました");
  await expectAccessible(page);
}

/** A resident (not signed in) starts the procedure and stops on its step: the draft is pinned to the live version. */
export async function startAsResident(page: Page, formId: string, title: string) {
  await page.goto(`/procedures/${formId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("犬について");
  await expectAccessible(page);
}

export async function finishAsResident(page: Page, label: string, value: string) {
  await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expectAccessible(page);
  await expect(page.getByText(value)).toBeVisible();
  return submitApplication(page);
}

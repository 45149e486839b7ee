/**
 * The builder (issue 11, point 2): an administrator builds a small procedure's structure — steps and questions of
 * several types, reordered, moved and removed — with JavaScript off and again on; a stale save and a refused removal
 * say what happened. Every builder page is checked with axe and the HTML validator.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { signInAsStaff } from "./support/journey";

/** A new procedure through the catalogue's "new procedure" page; the builder opens on it. */
async function createProcedure(page: Page, formId: string, title: string) {
  await page.goto("/admin/forms/new");
  await expectAccessible(page);
  await page.getByLabel("手続きID").fill(formId);
  await page.getByLabel("手続きの名前").fill(title);
  await page.getByRole("button", { name: "作成して編集を始める" }).click();
  await expectAccessible(page);
}

/** A button of one item of a list: its verb, then the item's name (read out, not shown). */
const itemButton = (verb: string, item: string) => new RegExp(`^${verb}\\s*（${item}）$`);

const stepNames = (page: Page) => page.locator("ol.builder-list > li .builder-list__name").allTextContents();
const questionNames = stepNames;

async function addStep(page: Page, title: string) {
  await page
    .getByRole("group", { name: /新しい手順の名前/ })
    .getByLabel("日本語")
    .fill(title);
  await page.getByRole("button", { name: "手順を追加" }).click();
  await expect(page.getByRole("status")).toHaveText("手順を追加しました。");
  await expect(page.getByRole("link", { name: title })).toBeFocused();
  await expectAccessible(page);
}

async function addQuestion(page: Page, typeName: string, expectedLabel: string) {
  await page.getByLabel("質問の種類").selectOption({ label: typeName });
  await page.getByRole("button", { name: "質問を追加" }).click();
  await expect(page.getByRole("status")).toHaveText("質問を追加しました。質問の文を編集してください。");
  await expect(page.getByRole("link", { name: expectedLabel })).toBeFocused();
  await expectAccessible(page);
}

for (const javaScriptEnabled of [false, true]) {
  test(`an administrator builds a procedure's steps and questions (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ openPage, db }) => {
    test.setTimeout(180_000);
    // Without JavaScript on a phone (the builder must stay usable at 390 px); with it on a desktop, preview beside.
    const page = await openPage(javaScriptEnabled ? { viewport: { width: 1280, height: 900 } } : { javaScriptEnabled: false });
    await signInAsStaff(page, "admin1");
    const formId = `pet-${randomUUID().slice(0, 8)}`;
    await createProcedure(page, formId, "犬の登録");

    await page.goto(`/admin/forms/${formId}/edit`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("作業中の内容を編集");
    await expect(page).toHaveTitle(/^編集：犬の登録 – /);
    await expectAccessible(page);
    if (javaScriptEnabled) await expect(page.getByTitle("住民の方に表示される画面のプレビュー")).toBeVisible();

    // Two steps more.
    await addStep(page, "飼い主");
    await addStep(page, "犬");
    await expect.poll(() => stepNames(page)).toEqual(["申請内容", "飼い主", "犬"]);

    // Reorder by keyboard-operable buttons: 犬 up, then focus stays with it.
    await page.getByRole("button", { name: itemButton("上へ", "犬") }).click();
    await expect(page.getByRole("status")).toHaveText("手順を上へ移動しました。");
    await expect.poll(() => stepNames(page)).toEqual(["申請内容", "犬", "飼い主"]);
    await expect(page.getByRole("button", { name: itemButton("上へ", "犬") })).toBeFocused();
    await expectAccessible(page);
    if (javaScriptEnabled)
      await page.keyboard.press("Enter"); // again, from the keyboard, without leaving the button
    else await page.getByRole("button", { name: itemButton("上へ", "犬") }).click();
    await expect.poll(() => stepNames(page)).toEqual(["犬", "申請内容", "飼い主"]);
    // At the top there is no 上へ: focus moves to its 下へ.
    await expect(page.getByRole("button", { name: itemButton("下へ", "犬") })).toBeFocused();
    await expectAccessible(page);

    // Questions of three types on the first step.
    await page.getByRole("link", { name: "申請内容" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("申請内容");
    await expectAccessible(page);
    await addQuestion(page, "メールアドレス", "質問2");
    await addQuestion(page, "選択肢から1つ（ラジオボタン）", "質問3");
    await addQuestion(page, "はい・いいえ", "質問4");
    await expect.poll(() => questionNames(page)).toEqual(["質問1", "質問2", "質問3", "質問4"]);
    await expect(page.locator("#question-question3")).toContainText("選択肢から1つ（ラジオボタン）");

    // Reorder, move one to another step, remove one.
    await page.getByRole("button", { name: itemButton("上へ", "質問4") }).click();
    await expect(page.getByRole("status")).toHaveText("質問を上へ移動しました。");
    await expect.poll(() => questionNames(page)).toEqual(["質問1", "質問2", "質問4", "質問3"]);
    await expect(page.getByRole("button", { name: itemButton("上へ", "質問4") })).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel("「質問1」の移動先の手順").selectOption({ label: "飼い主" });
    await page.getByRole("button", { name: itemButton("ほかの手順へ移動", "質問1") }).click();
    await expect(page.getByRole("status")).toHaveText("質問をほかの手順へ移動しました。");
    await expect.poll(() => questionNames(page)).toEqual(["質問2", "質問4", "質問3"]);
    await expectAccessible(page);
    await page.getByRole("button", { name: itemButton("削除", "質問3") }).click();
    await expect(page.getByRole("status")).toHaveText("質問を削除しました。");
    await expect.poll(() => questionNames(page)).toEqual(["質問2", "質問4"]);
    await expectAccessible(page);

    // The e-mail question becomes the contact address; removing it is then refused, naming the setting.
    await page.getByRole("link", { name: "手順の一覧へ戻る" }).click();
    await expectAccessible(page);
    await page.getByLabel("連絡先メールアドレスとする回答").selectOption({ label: "質問2" });
    await page.getByRole("button", { name: "設定を保存" }).click();
    await expect(page.getByRole("status")).toHaveText("手続きの設定を保存しました。");
    await expectAccessible(page);
    await page.getByRole("link", { name: "申請内容" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: itemButton("削除", "質問2") }).click();
    const summary = page.getByRole("region", { name: "入力内容に問題があります" });
    await expect(summary).toContainText("削除できません。この質問を「設定「連絡先メールアドレスとする回答」」が参照しています。");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^エラー：/);
    await expect.poll(() => questionNames(page)).toEqual(["質問2", "質問4"]);
    await expectAccessible(page);

    // What is stored is what the pages showed.
    const stored = JSON.parse((db.prepare("select definition from form_drafts where form_id = ?").get(formId) as { definition: string }).definition);
    expect(stored.steps.map((s: { id: string; fields: { name: string }[] }) => [s.id, s.fields.map((f) => f.name)])).toEqual([
      ["step-3", []],
      ["step-1", ["question2", "question4"]],
      ["step-2", ["question1"]],
    ]);
    expect(stored.contactEmail).toBe("question2");
  });
}

test("a save based on an older copy says another administrator changed it and shows the current state", async ({ openPage }) => {
  test.setTimeout(180_000);
  const formId = `stale-${randomUUID().slice(0, 8)}`;
  const first = await openPage({ javaScriptEnabled: false });
  await signInAsStaff(first, "admin1");
  await createProcedure(first, formId, "古い写し");
  await first.goto(`/admin/forms/${formId}/edit`);
  await expectAccessible(first);

  // Another administrator adds a step meanwhile.
  const second = await openPage();
  await signInAsStaff(second, "admin1");
  await second.goto(`/admin/forms/${formId}/edit`);
  await expectAccessible(second);
  await addStep(second, "別の管理者の手順");

  // The first page still shows the older copy.
  await first
    .getByRole("group", { name: /新しい手順の名前/ })
    .getByLabel("日本語")
    .fill("自分の手順");
  await first.getByRole("button", { name: "手順を追加" }).click();
  await expect(first.getByRole("region", { name: "入力内容に問題があります" })).toContainText(
    "ほかの管理者がこの手続きを変更しました。最新の内容を表示しています。",
  );
  await expect(first).toHaveTitle(/^エラー：/);
  await expect.poll(() => stepNames(first)).toEqual(["申請内容", "別の管理者の手順"]);
  await expectAccessible(first);

  // Trying again on the current state works.
  await addStep(first, "自分の手順");
  await expect.poll(() => stepNames(first)).toEqual(["申請内容", "別の管理者の手順", "自分の手順"]);
});

test("a missing text is refused with its input named, and what was typed stays", async ({ openPage }) => {
  test.setTimeout(120_000);
  const formId = `texts-${randomUUID().slice(0, 8)}`;
  const page = await openPage({ javaScriptEnabled: false });
  await signInAsStaff(page, "admin1");
  await createProcedure(page, formId, "文の確認");
  await page.goto(`/admin/forms/${formId}/edit`);
  await expectAccessible(page);
  const duration = page.getByRole("group", { name: /所要時間の目安/ }).getByLabel("日本語");
  await duration.fill("");
  await page
    .getByRole("group", { name: /用意するもの/ })
    .getByRole("group", { name: /新しい項目/ })
    .getByLabel("日本語")
    .fill("本人確認書類");
  await page.getByRole("button", { name: "設定を保存" }).click();
  const summary = page.getByRole("region", { name: "入力内容に問題があります" });
  await expect(summary.getByRole("link", { name: "所要時間の目安を日本語で入力してください" })).toBeVisible();
  await expect(
    page
      .getByRole("group", { name: /用意するもの/ })
      .getByRole("group", { name: /項目 1/ })
      .getByLabel("日本語"),
  ).toHaveValue("本人確認書類");
  await expect(page.getByRole("group", { name: /所要時間の目安/ }).getByLabel("日本語")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("an unknown procedure or step has no builder page", async ({ openPage }) => {
  const page = await openPage();
  await signInAsStaff(page, "admin1");
  const missing = await page.goto("/admin/forms/no-such-form/edit");
  expect(missing?.status()).toBe(404);
  await expectAccessible(page);
  const formId = `steps-${randomUUID().slice(0, 8)}`;
  await createProcedure(page, formId, "手順のない");
  const step = await page.goto(`/admin/forms/${formId}/edit/steps/no-such-step`);
  expect(step?.status()).toBe(404);
  await expectAccessible(page);
});

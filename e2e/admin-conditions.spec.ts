/**
 * Conditions built from menus outside a question (issue 11 point 2): a step's condition, without JavaScript, then
 * the step shown or skipped in the preview; an after-submit item's condition on the settings page; and Enter in the
 * question editor saves (it used to press the first button of the form, an option's or a condition's).
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { seedWorkingCopy, workingCopy } from "./support/admin";
import { signInAsStaff } from "./support/journey";

const steps = [
  {
    id: "about",
    title: { ja: "あなたについて", en: "About you" },
    fields: [
      {
        type: "radio",
        name: "pet",
        label: { ja: "飼っているペット", en: "Pet" },
        options: [
          { value: "dog", label: { ja: "犬", en: "Dog" } },
          { value: "cat", label: { ja: "猫", en: "Cat" } },
        ],
      },
      { type: "text", name: "nickname", label: { ja: "呼び名", en: "Nickname" }, required: false },
    ],
  },
  { id: "dog", title: { ja: "犬について", en: "Your dog" }, fields: [{ type: "text", name: "dogName", label: { ja: "犬の名前", en: "Dog's name" } }] },
];

const summary = (page: Page) => page.getByRole("region", { name: "入力内容に問題があります" });

/** The working copy's preview, from its first step: chooses the pet and goes on; returns the next page's heading. */
async function previewWith(page: Page, formId: string, pet: string) {
  await page.goto(`/admin/forms/${formId}/preview`);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "作業中の内容" }).check();
  await page.getByRole("button", { name: "プレビューを始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("あなたについて");
  await expectAccessible(page);
  await page.getByRole("radio", { name: pet }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  return page.getByRole("heading", { level: 1 });
}

test("an administrator gives a step a condition from menus without JavaScript; the preview shows or skips it", async ({ openPage, db }) => {
  test.setTimeout(240_000);
  const page = await openPage({ javaScriptEnabled: false });
  const formId = seedWorkingCopy(db, steps);
  await signInAsStaff(page, "admin1");

  // The first step has nothing before it to read.
  await page.goto(`/admin/forms/${formId}/edit/steps/about`);
  await expect(page.getByText("最初の手順には条件を付けられません")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/admin/forms/${formId}/edit/steps/dog`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "条件を追加", exact: true }).click();
  await expectAccessible(page);
  // Saving before choosing is refused, pointing at the editor; nothing is stored.
  await page.getByRole("button", { name: "条件を保存" }).click();
  await expect(summary(page)).toContainText("条件の質問・比べ方・値をすべて選んでください");
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  expect(workingCopy(db, formId).steps[1]).not.toHaveProperty("showIf");

  // Question, then 「値の候補を表示」 fills the value menu from its options.
  await page.getByLabel("質問", { exact: true }).selectOption({ label: "飼っているペット" });
  await page.getByRole("button", { name: "値の候補を表示" }).click();
  await expectAccessible(page);
  await page.getByLabel("値", { exact: true }).selectOption({ label: "犬" });
  await page.getByRole("button", { name: "条件を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("この手順を表示する条件を保存しました。");
  await expectAccessible(page);
  expect(workingCopy(db, formId).steps[1]).toMatchObject({ showIf: { field: "pet", op: "eq", value: "dog" } });
  await expect(page.getByLabel("値", { exact: true })).toHaveValue("dog");

  // The preview asks about the dog only when there is one.
  await expect(await previewWith(page, formId, "猫")).toHaveText("入力内容の確認");
  await expectAccessible(page);
  await expect(await previewWith(page, formId, "犬")).toHaveText("犬について");
  await expectAccessible(page);

  // Removing it in the editor and saving makes the step always shown.
  await page.goto(`/admin/forms/${formId}/edit/steps/dog`);
  await page.getByRole("button", { name: "この条件を削除" }).click();
  await expect(page.getByText("この手順は常に表示されます。")).toBeVisible();
  await expectAccessible(page);
  expect(workingCopy(db, formId).steps[1]).toHaveProperty("showIf"); // not yet saved
  await page.getByRole("button", { name: "条件を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("この手順を表示する条件を保存しました。");
  expect(workingCopy(db, formId).steps[1]).not.toHaveProperty("showIf");
});

test("an after-submit item gets a condition from menus on the settings page", async ({ openPage, db }) => {
  test.setTimeout(180_000);
  const page = await openPage({ javaScriptEnabled: false });
  const formId = seedWorkingCopy(db, steps);
  await signInAsStaff(page, "admin1");
  await page.goto(`/admin/forms/${formId}/edit`);
  await expectAccessible(page);
  const editor = page.getByRole("region", { name: "1番目の項目を表示する条件" });
  await editor.getByRole("button", { name: "条件を追加", exact: true }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(summary(page)).toContainText("条件の質問・比べ方・値をすべて選んでください");
  await expectAccessible(page);

  // Any question of the form will do: the dog's name, asked on the last step.
  await editor.getByLabel("質問", { exact: true }).selectOption({ label: "犬の名前" });
  await editor.getByLabel("比べ方").selectOption({ label: "に回答がある" });
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("手続きの設定を保存しました。");
  await expectAccessible(page);
  const stored = workingCopy(db, formId) as unknown as { afterSubmit: unknown[] };
  expect(stored.afterSubmit).toEqual([{ text: { ja: "連絡します。", en: "We will contact you." }, showIf: { field: "dogName", op: "notEmpty" } }]);
});

for (const javaScriptEnabled of [false, true]) {
  test(`Enter in a text input of the question editor saves the question (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ openPage, db }) => {
    const page = await openPage({ javaScriptEnabled });
    const formId = seedWorkingCopy(db, steps);
    await signInAsStaff(page, "admin1");
    await page.goto(`/admin/forms/${formId}/edit/steps/about/questions/pet`);
    // The page has option and condition buttons before the save button at its end.
    await expect(page.getByRole("button", { name: "選択肢を追加" })).toBeVisible();
    await expectAccessible(page);
    const label = page.getByRole("group", { name: "質問文" }).getByLabel("日本語");
    await label.fill("飼っている動物");
    await label.press("Enter");
    await expect(page.getByRole("status")).toHaveText("質問を保存しました。");
    await expectAccessible(page);
    const pet = workingCopy(db, formId).steps[0]!.fields[0]!;
    expect(pet.label).toEqual({ ja: "飼っている動物", en: "Pet" });
    expect(pet.options).toHaveLength(2); // not an option added, moved or removed
  });
}

import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { seedWorkingCopy, workingCopy } from "./support/admin";
import { signInAsStaff } from "./support/journey";

const steps = [
  {
    id: "about",
    title: { ja: "あなたについて", en: "About you" },
    fields: [
      { type: "text", name: "nickname", label: { ja: "呼び名", en: "Nickname" } },
      { type: "radio", name: "colour", label: { ja: "好きな色", en: "Colour" }, options: [{ value: "red", label: { ja: "赤", en: "Red" } }] },
      { type: "text", name: "reason", label: { ja: "理由", en: "Reason" } },
    ],
  },
];

const save = async (page: Page) => {
  await page.getByRole("button", { name: "質問を保存する" }).click();
  await expect(page.getByRole("status")).toHaveText("質問を保存しました。");
  await expectAccessible(page);
};

test("an administrator edits questions from menus, without JavaScript", async ({ openPage, db }) => {
  // Every page is checked with JavaScript off (axe on a mirror, and the HTML validator): many pages, a slow test.
  test.setTimeout(240_000);
  const page = await openPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const formId = seedWorkingCopy(db, steps);
  await signInAsStaff(page, "admin1");
  const base = `/admin/forms/${formId}/edit/steps/about/questions`;

  // A text question: label in both declared languages, hint, optional.
  await page.goto(`${base}/nickname`);
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("質問の編集：呼び名");
  const label = page.getByRole("group", { name: "質問文" });
  await label.getByLabel("日本語").fill("ニックネーム");
  await label.getByLabel("英語（English）").fill("Nickname to use");
  await page.getByRole("group", { name: "補足説明（ヒント）" }).getByLabel("日本語").fill("呼んでほしい名前");
  await page.getByLabel("回答を必須にする").uncheck();
  await save(page);
  await expect(label.getByLabel("日本語")).toHaveValue("ニックネーム");
  expect(workingCopy(db, formId).steps[0]!.fields[0]).toEqual({
    type: "text",
    name: "nickname",
    label: { ja: "ニックネーム", en: "Nickname to use" },
    hint: { ja: "呼んでほしい名前" },
    required: false,
  });

  // An error names the question and stores nothing.
  await label.getByLabel("日本語").fill("");
  await label.getByLabel("英語（English）").fill("");
  await page.getByRole("button", { name: "質問を保存する" }).click();
  await expect(page.getByRole("region", { name: "入力内容に問題があります" })).toContainText("「nickname」の質問文");
  await expectAccessible(page);
  expect(workingCopy(db, formId).steps[0]!.fields[0]!.label).toEqual({ ja: "ニックネーム", en: "Nickname to use" });

  // A radio question: add an option; a duplicate value is refused.
  await page.goto(`${base}/colour`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "選択肢を追加" }).click();
  await expectAccessible(page);
  const second = page.getByRole("group", { name: "選択肢 2" });
  await second.getByLabel("値（保存される値）").fill("red");
  await second.getByRole("group", { name: "表示する文" }).getByLabel("日本語").fill("青");
  await page.getByRole("button", { name: "質問を保存する" }).click();
  await expect(page.getByRole("region", { name: "入力内容に問題があります" })).toContainText("選択肢の値「red」が重複しています");
  await expectAccessible(page);
  await page.getByRole("group", { name: "選択肢 2" }).getByLabel("値（保存される値）").fill("blue");
  await save(page);
  expect(workingCopy(db, formId).steps[0]!.fields[1]!.options).toEqual([
    { value: "red", label: { ja: "赤", en: "Red" } },
    { value: "blue", label: { ja: "青" } },
  ]);

  // A condition from menus on a later question: question, operator, then the value from its options.
  await page.goto(`${base}/reason`);
  await expectAccessible(page);
  const showIf = page.getByRole("region", { name: "表示する条件" });
  await showIf.getByRole("button", { name: "条件を追加" }).click();
  await expectAccessible(page);
  await showIf.getByLabel("質問", { exact: true }).selectOption({ label: "好きな色" });
  await expect(showIf.getByLabel("比べ方")).toHaveValue("eq");
  await showIf.getByRole("button", { name: "値の候補を表示" }).click();
  await expectAccessible(page);
  await showIf.getByLabel("値", { exact: true }).selectOption({ label: "青" });
  await save(page);
  expect(workingCopy(db, formId).steps[0]!.fields[2]!.showIf).toEqual({ field: "colour", op: "eq", value: "blue" });
  await expect(showIf.getByLabel("値", { exact: true })).toHaveValue("blue");

  // A prefill binding chosen from what the sources offer.
  const prefill = page.getByRole("region", { name: "市が持っている情報から入力（プレフィル）" });
  await prefill.getByLabel("入力に使う情報").selectOption("profile.employer");
  await prefill.getByLabel("変更できない（fixed）").check();
  await save(page);
  expect(workingCopy(db, formId).steps[0]!.fields[2]!.prefill).toEqual({ path: "profile.employer", mode: "fixed" });
});

test("an administrator edits a question with JavaScript on", async ({ page, db }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const formId = seedWorkingCopy(db, steps);
  await signInAsStaff(page, "admin1");
  await page.goto(`/admin/forms/${formId}/edit/steps/about/questions/nickname`);
  await expectAccessible(page);
  await page.getByRole("group", { name: "質問文" }).getByLabel("日本語").fill("愛称");
  await save(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("質問の編集：愛称");
  expect(workingCopy(db, formId).steps[0]!.fields[0]!.label).toEqual({ ja: "愛称", en: "Nickname" });
});

/**
 * The administrator's whole job in one journey (issue 11 point 10): create a procedure, build it with the builder and
 * the question editor, preview it as a resident, publish it; a resident then finds it on the home page and completes
 * it. JavaScript off throughout (the admin pages and the resident journey both work without it).
 */
import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./support/fixtures";
import { signInAsStaff, submitApplication } from "./support/journey";

test("an administrator builds, previews and publishes a new procedure; a resident completes it", async ({ openPage, db }) => {
  test.setTimeout(300_000);
  const admin = await openPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await signInAsStaff(admin, "admin1");
  const formId = `bicycle-${randomUUID().slice(0, 6)}`;

  // Create: the builder opens on the new working copy.
  await admin.goto("/admin/forms/new");
  await expectAccessible(admin);
  await admin.getByLabel("手続きID").fill(formId);
  await admin.getByLabel("手続きの名前").fill("放置自転車の返還申請");
  await admin.getByRole("button", { name: "作成して編集を始める" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("作業中の内容を編集");
  await expectAccessible(admin);

  // The one question the skeleton has becomes 「防犯登録番号」 with a hint, in the question editor.
  await admin.getByRole("link", { name: "申請内容" }).click();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "質問1" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("質問の編集：質問1");
  await expectAccessible(admin);
  await admin.getByRole("group", { name: "質問文" }).getByLabel("日本語").fill("防犯登録番号");
  await admin.getByRole("group", { name: "補足説明（ヒント）" }).getByLabel("日本語").fill("自転車に貼られたシールの番号です");
  await admin.getByRole("button", { name: "質問を保存する" }).click();
  await expect(admin.getByRole("status")).toHaveText("質問を保存しました。");
  await expectAccessible(admin);

  // A second question of another type, added in the builder.
  await admin.goto(`/admin/forms/${formId}/edit/steps/step-1`);
  await expectAccessible(admin);
  await admin.getByLabel("質問の種類").selectOption({ label: "電話番号" });
  await admin.getByRole("button", { name: "質問を追加" }).click();
  await expect(admin.getByRole("status")).toHaveText("質問を追加しました。質問の文を編集してください。");
  await expectAccessible(admin);

  // Preview the working copy as a resident would see it; nothing is sent.
  await admin.goto(`/admin/forms/${formId}/preview`);
  await expectAccessible(admin);
  await admin.getByRole("radio", { name: "作業中の内容" }).check();
  await admin.getByRole("button", { name: "プレビューを始める" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("申請内容");
  await expect(admin.getByText("プレビュー：申請は送信されません")).toBeVisible();
  await expect(admin.getByText("自転車に貼られたシールの番号です")).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("防犯登録番号").fill("12-345678");
  await admin.getByLabel("質問2").fill("090-1234-5678");
  await admin.getByRole("button", { name: "次へ" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expect(admin.getByRole("button", { name: "申請する" })).toHaveCount(0);
  await expectAccessible(admin);
  expect((db.prepare("select count(*) as n from drafts where form_id = ?").get(formId) as { n: number }).n).toBe(0);

  // Publish from the procedure page: nothing blocks it.
  await admin.goto(`/admin/forms/${formId}`);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "今すぐ公開" }).click();
  await expect(admin.getByRole("status")).toContainText("公開しました");
  await expectAccessible(admin);

  // A resident finds it on the home page and completes it without JavaScript.
  const resident = await openPage({ javaScriptEnabled: false });
  await resident.goto("/");
  await expectAccessible(resident);
  await resident.getByRole("link", { name: "放置自転車の返還申請" }).click();
  await expectAccessible(resident);
  await resident.getByRole("button", { name: "申請を始める" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("申請内容");
  await expectAccessible(resident);
  await resident.getByLabel("防犯登録番号").fill("12-345678");
  await resident.getByLabel("質問2").fill("090-1234-5678");
  await resident.getByRole("button", { name: "次へ" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expect(resident.getByText("12-345678")).toBeVisible();
  await expectAccessible(resident);
  const receipt = await submitApplication(resident);
  expect(receipt).toMatch(/\S/);
  const stored = db
    .prepare("select s.receipt_number, v.origin from submissions s join form_versions v on v.id = s.form_version_id where s.form_id = ?")
    .get(formId);
  expect(stored).toEqual({ receipt_number: receipt, origin: "builder" });
});

/**
 * The administrator publishes procedures (issue 11): import a definition file and publish it, a broken file shows
 * line and path, edit the live version as JSON while a resident has a draft on it, retire, roll back (scheduling moves
 * the clock: admin-schedule.clock.spec.ts).
 * JavaScript is off (every admin page works without it); axe and the HTML validator on every page.
 */
import { adminPage, definition, finishAsResident, importText, publishNow, startAsResident } from "./support/admin-forms";
import { expect, expectAccessible, test } from "./support/fixtures";

// Many pages per test, each checked by axe and the HTML validator: on a busy 2-core machine that is minutes.
test.describe.configure({ timeout: 300_000 });

test("import a definition file, publish it, a resident completes it; a broken file shows line and path", async ({ openPage }) => {
  const admin = await adminPage(openPage);
  await importText(admin, '{\n  "id": "e2e-broken",\n  "title": "x"\n  "version": "1"\n}');
  await expect(admin.getByRole("heading", { name: "ファイルの問題" })).toBeVisible();
  await expect(admin.locator(".problem-list")).toContainText("4行目");

  const bad = definition("e2e-broken");
  (bad.steps[0]!.fields[0] as Record<string, unknown>).type = "no-such-type";
  await importText(admin, JSON.stringify(bad, null, 2));
  await expect(admin.locator(".problem-list")).toContainText("steps[0].fields[0]");
  await expect(admin.locator(".problem-list")).toContainText("犬の名前");
  await expect(admin.locator(".problem-list")).toContainText(/\d+行目/);

  await importText(admin, JSON.stringify(definition("e2e-import"), null, 2));
  await expect(admin).toHaveURL(/\/admin\/forms\/e2e-import\?done=import$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("犬の登録");
  await publishNow(admin);

  const resident = await openPage({ javaScriptEnabled: false });
  await startAsResident(resident, "e2e-import", "犬の登録");
  await finishAsResident(resident, "犬の名前", "ポチ");

  await admin.goto("/admin/forms");
  await expectAccessible(admin);
  const row = admin.getByRole("row", { name: /e2e-import/ });
  await expect(row).toContainText("公開中");
  await expect(row).toContainText("r1：入力途中 0 件、申請 1 件");

  // Translation coverage per language (issue 14 point 3): a procedure made in the app has none yet, a shipped one is
  // complete in every language.
  await admin.goto("/admin/forms/e2e-import");
  const coverage = admin.getByRole("region", { name: "翻訳の状況" });
  await expect(coverage.getByRole("row", { name: /Tiếng Việt/ })).toContainText("件（最初の20件）");
  await expect(coverage.getByRole("row", { name: /Tiếng Việt/ })).toContainText(/0 \/ \d+/);
  await expectAccessible(admin);
  await admin.goto("/admin/forms/hoikusho");
  await expect(admin.getByRole("region", { name: "翻訳の状況" }).getByText("すべて翻訳済み")).toHaveCount(9);
  await expectAccessible(admin);
});

test("edit the live version as JSON while a resident has a draft: the old draft finishes on its version", async ({ openPage }) => {
  const admin = await adminPage(openPage);
  await importText(admin, JSON.stringify(definition("e2e-edit"), null, 2));
  await publishNow(admin);

  const early = await openPage({ javaScriptEnabled: false });
  await startAsResident(early, "e2e-edit", "犬の登録");

  await admin.goto("/admin/forms/e2e-edit/json");
  await expectAccessible(admin);
  const box = admin.getByLabel("定義（JSON）");
  const text = await box.inputValue();
  // A syntax error saves nothing and names the line.
  await box.fill(text.replace('"version": "1",', '"version": "2"'));
  await admin.getByRole("button", { name: "下書きとして保存" }).click();
  await expectAccessible(admin);
  await expect(admin.locator(".problem-list")).toContainText("行目");
  await admin.goto("/admin/forms/e2e-edit");
  await expect(admin.getByText("編集中の下書きはありません")).toBeVisible();
  await expectAccessible(admin);

  await admin.goto("/admin/forms/e2e-edit/json");
  await expectAccessible(admin);
  await admin.getByLabel("定義（JSON）").fill(text.replace('"version": "1"', '"version": "2"').replace("犬の名前", "犬の呼び名"));
  await admin.getByRole("button", { name: "下書きとして保存" }).click();
  await expect(admin.getByRole("status")).toContainText("下書きを保存しました");
  await expectAccessible(admin);

  await admin.goto("/admin/forms/e2e-edit/diff?to=draft");
  await expectAccessible(admin);
  await expect(admin.locator(".diff__line--added")).toContainText(["犬の呼び名"]);
  await expect(admin.locator(".diff__line--removed").first()).toContainText("削除");

  await admin.goto("/admin/forms/e2e-edit");
  await expectAccessible(admin);
  await publishNow(admin);

  // The resident who began on r1 finishes with r1's question; a new resident gets r2's.
  await finishAsResident(early, "犬の名前", "タロウ");
  const late = await openPage({ javaScriptEnabled: false });
  await startAsResident(late, "e2e-edit", "犬の登録");
  await expect(late.getByLabel("犬の呼び名")).toBeVisible();

  // Roll back: r1 is published again, and the audit log says so.
  await admin.goto("/admin/forms/e2e-edit");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "この版を再公開 r1" }).click();
  await expect(admin.getByRole("status")).toContainText("この版を公開しました");
  await expectAccessible(admin);
  await expect(admin.getByRole("region", { name: "操作の記録" })).toContainText("以前の版に戻して公開");
  const fresh = await openPage({ javaScriptEnabled: false });
  await startAsResident(fresh, "e2e-edit", "犬の登録");
  await expect(fresh.getByLabel("犬の名前")).toBeVisible();

  // Export: the live version as a file named formId-rN.json.
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "書き出し（.json） r2" }).click();
  expect((await download).suggestedFilename()).toBe("e2e-edit-r2.json");
});

test("retire: the start page says it has closed; a resident with a draft is told and cannot submit", async ({ openPage }) => {
  const admin = await adminPage(openPage);
  await importText(admin, JSON.stringify(definition("e2e-retire", { title: "鳥の登録" }), null, 2));
  await publishNow(admin);

  const resident = await openPage({ javaScriptEnabled: false });
  await startAsResident(resident, "e2e-retire", "鳥の登録");
  await resident.getByLabel("犬の名前").fill("ピー");
  await resident.getByRole("button", { name: "次へ" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expectAccessible(resident);

  await admin.getByRole("link", { name: "受付を終了する" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("受付を終了しますか");
  await expect(admin.getByText("いま入力途中の住民は 1 人です")).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "今すぐ受付を終了" }).click();
  await expect(admin.getByRole("status")).toContainText("受付を終了しました");
  await expectAccessible(admin);

  // The check page submitted now: refused, with the notice and whom to ask.
  await resident.getByLabel("上記の内容に同意します").check();
  await resident.getByRole("button", { name: "申請する" }).click();
  await expect(resident.getByRole("heading", { name: "「鳥の登録」の受付は終了しました" })).toBeVisible();
  await expect(resident.getByRole("button", { name: "申請する" })).toHaveCount(0);
  await expectAccessible(resident);

  await resident.goto("/");
  await expect(resident.locator(".in-progress")).toContainText("鳥の登録（受付終了）");
  await expect(resident.getByRole("link", { name: "鳥の登録" })).toHaveCount(0);
  await expectAccessible(resident);

  const other = await openPage({ javaScriptEnabled: false });
  const response = await other.goto("/procedures/e2e-retire");
  expect(response?.status()).toBe(410);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("「鳥の登録」の受付は終了しました");
  await expectAccessible(other);
});

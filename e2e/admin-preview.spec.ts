import type { Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, expectAccessible, test } from "./support/fixtures";
import { juminhyoRequestAndDelivery, next, signInAsResident, signInAsStaff } from "./support/journey";

/*
 * Issue 11 point 4: an administrator previews a procedure as a resident sees it, step by step, with JavaScript off
 * and on, with a resident's records as prefill, down to the sample PDF; nothing real is created.
 */

// 鈴木 一郎 starts no draft in any other spec: his My page shows whether a preview left one.
const RESIDENT = "registry:p-suzuki-ichiro";
const BANNER = "プレビュー：申請は送信されません";

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++)
    pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(""));
  return pages.join("\n");
}

async function startPreview(page: Page, options: { frame?: boolean } = {}) {
  await page.goto("/admin/forms/juminhyo/preview");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("住民に見える画面でプレビュー");
  await expectAccessible(page);
  // The newest version is chosen first; the resident's records prefill the form.
  await expect(page.getByRole("radio", { name: /第\d+版（公開中）/ })).toBeChecked();
  await page.getByLabel("事前入力に使う住民").selectOption(RESIDENT);
  if (options.frame) await page.getByLabel(/390px/).check();
  await page.getByRole("button", { name: "プレビューを始める" }).click();
}

/** From the first step (請求する方, prefilled) to the check page, with an error on the way. */
async function stepThrough(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
  await expect(page.getByText(BANNER)).toBeVisible();
  // 鈴木 一郎's name and birth date come from the city's records, shown as text (fixed).
  await expect(page.getByText("鈴木 一郎").first()).toBeVisible();
  await expect(page.getByLabel("町域・番地")).toHaveValue(/\S/);
  await expectAccessible(page);
  // The resident's validation: a phone number that is too short is refused, the error summary takes focus.
  await page.getByLabel("日中に連絡がとれる電話番号").fill("12");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("region", { name: "入力内容に問題があります" })).toBeFocused();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  await page.getByLabel("日中に連絡がとれる電話番号").fill("090-1111-2222");
  await next(page, "請求の内容");
  await expect(page.getByText(BANNER)).toBeVisible();
  await juminhyoRequestAndDelivery(page);
  await expect(page.getByText(BANNER)).toBeVisible();
  await expect(page.getByText("090-1111-2222")).toBeVisible();
  // A preview never submits: no 申請する button, a sample PDF instead.
  await expect(page.getByRole("button", { name: "申請する" })).toHaveCount(0);
  await expect(page.getByText("プレビューでは申請を送信できません。")).toBeVisible();
}

async function expectSamplePdf(page: Page) {
  const href = await page.getByRole("link", { name: "見本のPDF" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await response.body());
  expect(text).toContain("見本");
  expect(text).toContain("090-1111-2222");
  expect(text).toContain("鈴木");
}

test.describe("preview a procedure as a resident", () => {
  // The same administrator previews the same procedure in each test, and starting a preview replaces that
  // administrator's earlier one: run one after the other, or one test's preview vanishes under another's feet.
  test.describe.configure({ mode: "serial" });
  test("step by step with JavaScript off and a resident's records; sample PDF; no draft for that resident", async ({ openPage, db }) => {
    test.setTimeout(300_000);
    const page = await openPage({ javaScriptEnabled: false });
    await signInAsStaff(page, "admin1");
    await startPreview(page);
    await stepThrough(page);
    await expectAccessible(page);
    await expectSamplePdf(page);

    // Back to a step from the check page and straight back (the 変更 links are the preview's).
    await page.getByRole("link", { name: /変更\s*（必要な通数）/ }).click();
    await expect(page).toHaveURL(/\/admin\/forms\/juminhyo\/preview\/[^/]+\/steps\/request\?from=check/);
    await expectAccessible(page);
    await page.getByLabel("必要な通数").fill("3");
    await next(page, "入力内容の確認");

    // Using 鈴木 一郎's records is in the audit log, and no draft of his exists (the unit test counts every table).
    const audit = db.prepare("select actor_role from audit_log where action = 'preview.resident_records_used' and subject_id = ?").all(RESIDENT);
    expect(audit).toContainEqual({ actor_role: "admin" });
    const draftsOfResident = db
      .prepare("select count(*) n from drafts d join resident_accounts a on a.id = d.resident_account_id where a.subject = ?")
      .get(RESIDENT);
    expect(draftsOfResident).toEqual({ n: 0 });

    const resident = await openPage({ javaScriptEnabled: false });
    await signInAsResident(resident, "鈴木 一郎");
    await expect(resident.getByText("申請はまだありません。")).toBeVisible();
  });

  test("with JavaScript on, in a 390 px frame beside its links on a wide screen", async ({ openPage }) => {
    test.setTimeout(240_000);
    const page = await openPage({ viewport: { width: 1280, height: 900 } });
    await signInAsStaff(page, "admin1");
    await startPreview(page, { frame: true });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("プレビュー（スマートフォンの幅）");
    const frame = page.frameLocator('iframe[title="住民に見える画面（幅390px）"]');
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("請求する方");
    await expect(frame.getByText(BANNER)).toBeVisible();
    expect(await page.locator("iframe").evaluate((el) => el.getBoundingClientRect().width)).toBe(390);
    await expectAccessible(page);
    await page.getByRole("link", { name: "この画面いっぱいに表示する" }).click();
    await stepThrough(page);
    await expectAccessible(page);
    await expectSamplePdf(page);
  });

  test("a working copy that is not a definition shows what checking found; another administrator's preview is not found; a clerk gets 403", async ({
    page,
    openPage,
    db,
    createStaffUser,
  }) => {
    test.setTimeout(240_000);
    db.prepare("insert into form_drafts (form_id, definition, origin, created_at, updated_at) values (?, ?, 'builder', ?, ?) on conflict do nothing").run(
      "e2e-broken",
      JSON.stringify({ id: "e2e-broken", title: { ja: "壊れた手続き" }, steps: "none" }),
      Date.now(),
      Date.now(),
    );
    await signInAsStaff(page, "admin1");
    await page.goto("/admin/forms/e2e-broken/preview");
    await expectAccessible(page);
    await page.getByRole("button", { name: "プレビューを始める" }).click();
    await expect(page.getByRole("heading", { name: "作業中の内容は、まだプレビューできません" })).toBeVisible();
    await expect(page.getByRole("link", { name: "JSONで問題を直す" })).toHaveAttribute("href", "/admin/forms/e2e-broken/json");
    await expectAccessible(page);

    await startPreview(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
    await expectAccessible(page);
    const stepUrl = page.url();

    const { username, password } = await createStaffUser({ role: "admin" });
    const other = await openPage();
    await other.goto("/staff/login");
    await expectAccessible(other);
    await other.getByLabel("ユーザー名").fill(username);
    await other.getByLabel("パスワード").fill(password);
    await other.getByRole("button", { name: "ログイン" }).click();
    await expect(other).toHaveURL(/\/staff$/);
    await expectAccessible(other);
    const notFound = await other.goto(stepUrl);
    expect(notFound?.status()).toBe(404);
    await expectAccessible(other);

    const clerk = await openPage();
    await signInAsStaff(clerk, "counter1");
    const previewUrl = stepUrl.replace(/\/steps\/.*$/, "");
    for (const url of ["/admin/forms/juminhyo/preview", previewUrl, stepUrl, `${previewUrl}/check`]) {
      const response = await clerk.goto(url);
      expect(response?.status(), url).toBe(403);
      await expectAccessible(clerk);
    }
    // The PDF is a file, not a page: asked for directly.
    expect((await clerk.request.get(`${previewUrl}/pdf`)).status()).toBe(403);
  });
});

/**
 * Issue 10, point 1: every page is served as valid HTML without a NUL byte. React 18.3's streaming renderer wrote
 * 0x00 bytes where a multibyte character met a 2 KB chunk boundary (react#31134: 「交付請\0\0求」), and the
 * framework's streamed data scripts came after </html>. The fixture checks each document a page receives
 * (expectAccessible → checkServedDocuments); with JavaScript off every page and every form post is a document.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { expectValidHtml } from "./support/html";
import { juminhyoRequestAndDelivery, next, signInAsResident, startProcedure, submitApplication } from "./support/journey";

// Many pages, each with axe and the validator, without JavaScript (axe then runs on a copy).
test.describe.configure({ timeout: 420_000 });

/** Records the URLs of the documents the fixture checked, to prove the walk reached every kind of page. */
function documentsSeen(page: Page) {
  const seen: string[] = [];
  page.on("response", (r) => {
    if (r.frame() === page.mainFrame() && r.request().isNavigationRequest() && r.status() !== 303 && r.status() !== 302) {
      seen.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    }
  });
  return seen;
}

test("public pages and sign-in: valid HTML without NUL bytes", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  const seen = documentsSeen(page);
  for (const path of ["/", "/procedures/juminhyo", "/procedures/tennyu", "/procedures/hoikusho", "/login", "/no-such-page"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await signInAsResident(page, "髙橋 大輔");
  for (const kind of ["GET / 200", "GET /procedures/tennyu 200", "GET /login 200", "GET /no-such-page 404", "GET /login/demo 200", "GET /mypage 200"]) {
    expect(seen, `a ${kind} document was checked`).toContain(kind);
  }
});

test("住民票 signed in: a step and the check page with errors, the receipt, My page, the application", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  const seen = documentsSeen(page);
  await signInAsResident(page, "髙橋 陽翔");
  await startProcedure(page, "juminhyo");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  await page.getByLabel("日中に連絡がとれる電話番号").fill("0540001111");
  await next(page, "請求の内容");
  await juminhyoRequestAndDelivery(page);
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  const receipt = await submitApplication(page);
  await page.goto("/mypage");
  await expectAccessible(page);
  await page.goto(`/mypage/applications/${receipt}`);
  await expectAccessible(page);
  for (const kind of [
    "POST /procedures/juminhyo/steps/applicant 400",
    "GET /procedures/juminhyo/check 200",
    "POST /procedures/juminhyo/check 400",
    `GET /procedures/juminhyo/receipt/${receipt} 200`,
    `GET /mypage/applications/${receipt} 200`,
  ]) {
    expect(seen, `a ${kind} document was checked`).toContain(kind);
  }
});

test("転入届 and 保育所 signed in: the steps up to the persons step, with errors", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  const seen = documentsSeen(page);
  // A resident of its own (tests run in parallel, and a resident has one draft per procedure).
  await signInAsResident(page, "伊藤 葵");
  // 保育所: the first step and its error path.
  await startProcedure(page, "hoikusho");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  // 転入届: the 転出証明書情報 offers four people with Japanese names (the persons step of the finding).
  await startProcedure(page, "tennyu");
  const moveDate = page.getByRole("group", { name: /引っ越した日/ });
  await moveDate.getByLabel("年", { exact: true }).fill(String(new Date().getFullYear()));
  await moveDate.getByLabel("月", { exact: true }).fill("1");
  await moveDate.getByLabel("日", { exact: true }).fill("1");
  await page.getByLabel("本人", { exact: true }).check();
  await next(page, "新しい住所");
  const address = page.getByRole("group", { name: /^新しい住所/ });
  await address.getByLabel("郵便番号").fill("4200001");
  await address.getByLabel("都道府県").selectOption("静岡県");
  await address.getByLabel("市区町村").fill("まどぐち市");
  await address.getByLabel("町域・番地").fill("本町5-5");
  await next(page, "前の住所");
  await next(page, "引っ越してきた方");
  // No one ticked (the 転出証明書情報 answers everything else now): the persons step with its error.
  for (const given of ["健一", "彩", "湊", "葵"]) await page.getByLabel(`伊藤 ${given}さんをこの申請に含める`).uncheck();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  for (const kind of [
    "POST /procedures/hoikusho/steps/application 400",
    "GET /procedures/tennyu/steps/persons 200",
    "POST /procedures/tennyu/steps/persons 400",
  ]) {
    expect(seen, `a ${kind} document was checked`).toContain(kind);
  }
});

test("staff pages: sign-in with an error, the queue, a case page full of Japanese, the admin page", async ({ openPage, db }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await page.goto("/staff/login");
  await expectAccessible(page);
  await page.getByLabel("ユーザー名").fill("admin1");
  await page.getByLabel("パスワード").fill("wrong password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  await page.getByLabel("パスワード").fill("madoguchi-demo");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expectAccessible(page);
  // The seeded demo cases, not those of tests running beside this one: their views would show up in those tests'
  // audit lists.
  const cases = db
    .prepare(
      "select s.id from submissions s join drafts d on d.id = s.draft_id where s.form_id in ('hoikusho', 'juminhyo') and d.anonymous_key_hash like 'demo-%' order by s.form_id",
    )
    .all() as { id: string }[];
  expect(cases.length).toBeGreaterThan(1);
  for (const { id } of cases) {
    await page.goto(`/staff/submissions/${id}`);
    await expectAccessible(page);
  }
  await page.goto("/admin");
  await expectAccessible(page);
});

test("the raw bytes of every page a browser loads (streamed, not via the browser) hold no NUL and validate", async ({ page, db }) => {
  // page.request shares the browser's cookies and user agent, so the server streams as it does for a browser.
  const get = async (path: string) => {
    const res = await page.request.get(path);
    expect(res.headers()["content-type"], path).toContain("text/html");
    await expectValidHtml(await res.body(), path);
  };
  for (const path of ["/", "/procedures/juminhyo", "/procedures/tennyu", "/procedures/hoikusho", "/login", "/login/demo", "/staff/login", "/no-such-page"]) {
    await get(path);
  }
  await signInAsResident(page, "伊藤 彩");
  await get("/mypage");
  await page.request.post("/logout", { headers: { Origin: new URL(page.url()).origin } });
  const staff = await page.request.post("/staff/login", {
    headers: { Origin: new URL(page.url()).origin },
    form: { username: "reviewer1", password: "madoguchi-demo" },
  });
  expect(staff.url()).toMatch(/\/staff$/);
  await get("/staff");
  const { id } = db.prepare("select id from submissions where form_id = 'hoikusho' limit 1").get() as { id: string };
  await get(`/staff/submissions/${id}`);
});

import { expect, expectAccessible, test } from "./support/fixtures";
import { keepServedDocuments } from "./support/html";
import { signInAsResident, signInAsStaff } from "./support/journey";
import type { Page } from "@playwright/test";

const DEMO_PASSWORD = "madoguchi-demo";

test.describe("shell", () => {
  test("home shows the catalogue of procedures in an accessible shell", async ({ page }) => {
    await page.goto("/");
    await expectAccessible(page);
    await expect(page).toHaveTitle("オンラインでできる手続き – まどぐち市 オンライン窓口");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    for (const title of ["住民票の写しの交付請求", "転入届（住民異動届）", "保育所等の入所申込（教育・保育給付認定申請）"]) {
      await expect(page.getByRole("link", { name: title })).toBeVisible();
    }
    // The skip link is the first thing a keyboard reaches and it moves focus to main.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "本文へスキップ" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("body and input text is at least 16px and nothing scrolls sideways at 320px", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto("/staff/login");
    await expectAccessible(page);
    const sizes = await page.evaluate(() =>
      ["body", "input#username", "button[type=submit].button"].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("security headers are sent with every page", async ({ request }) => {
    const res = await request.get("/");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Over plain HTTP no HSTS (it is sent only on HTTPS responses).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Pages and loader data are not kept by a browser or a proxy (found: personal pages had no Cache-Control).
    expect(headers["cache-control"]).toBe("no-store");
    expect((await request.get("/?_data=root")).headers()["cache-control"]).toBe("no-store");
    // What is the same for everyone may be kept.
    expect((await request.get("/locales/ja/common")).headers()["cache-control"]).toBe("public, max-age=300");
    // public/ serves its files (a page, with no extension, is not looked for there).
    const icon = await request.get("/favicon.svg");
    expect([icon.status(), icon.headers()["content-type"], icon.headers()["cache-control"]]).toEqual([200, "image/svg+xml", "public, max-age=3600"]);
  });

  test("an unknown page is a translated 404", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expectAccessible(page);
    await expect(page).toHaveTitle(/^ページが見つかりません – /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  });

  test("an error page never tells a signed-in resident they are signed out, nor shows a language switch it cannot fill", async ({ page }) => {
    // A page no route matches, and a post its action refuses, are drawn without the root loader's data: who is signed
    // in and the list of languages are not known there. The header said 「ログイン」 and offered a switch naming "ja".
    await signInAsResident(page, "山﨑 美咲");
    await expect(page.locator(".site-header__user")).toContainText("山﨑 美咲");
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expectAccessible(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
    await expect(page.locator(".site-header").getByRole("link", { name: "ログイン" })).toHaveCount(0);
    await expect(page.locator(".language-switch")).toHaveCount(0);
    await expect(page.locator(".site-header__name")).toHaveAttribute("href", "/");
    // Home again: the header knows the resident.
    await page.locator(".site-header__name").click();
    await expect(page.locator(".site-header__user")).toContainText("山﨑 美咲");
    await expectAccessible(page);
  });

  test("a post that is not a form gets a translated page that says so, not a 500 (issue 13)", async ({ page }) => {
    await page.goto("/staff/login");
    await expectAccessible(page);
    // A form a browser can send but none of ours does: text/plain.
    const answer = page.waitForResponse((r) => r.url().endsWith("/staff/login") && r.request().method() === "POST");
    await page.evaluate(() => {
      const form = Object.assign(document.createElement("form"), { method: "post", action: "/staff/login", enctype: "text/plain" });
      form.append(Object.assign(document.createElement("input"), { name: "username", value: "admin1" }));
      document.body.append(form);
      form.submit();
    });
    expect((await answer).status()).toBe(415);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("送信された内容を読み取れませんでした");
    await expectAccessible(page);
    await expect(page).toHaveTitle(/^送信された内容を読み取れませんでした – /);
    await expect(page.getByRole("link", { name: "ページを開き直す" })).toHaveAttribute("href", "/staff/login");
  });
});

test.describe("sign-in", () => {
  test("a resident signs in with the demo provider and out again", async ({ page }) => {
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "デモ用ログイン" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("デモ用ログイン");
    await expectAccessible(page);
    await expect(page.getByText("これはデモンストレーションです", { exact: false })).toBeVisible();
    // Seeded residents and pending movers are listed as buttons labelled with their names.
    await expect(page.getByRole("button", { name: "𠮷田 茂" })).toBeVisible();
    await expect(page.getByRole("button", { name: "NGUYEN VAN AN" })).toBeVisible();
    await expect(page.getByRole("button", { name: "伊藤 健一" })).toBeVisible();
    await page.getByRole("button", { name: "髙橋 大輔" }).click();
    await expect(page).toHaveURL(/\/mypage$/);
    await expectAccessible(page);
    await expect(page.getByText("髙橋 大輔 さん")).toBeVisible();
    await expect(page.getByText("静岡県まどぐち市本町一丁目2番3号")).toBeVisible();
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/\?signed-out$/);
    await expectAccessible(page);
    await expect(page.getByRole("status")).toHaveText("ログアウトしました。");
    await page.goto("/mypage");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmypage/);
    await expectAccessible(page);
  });

  for (const [username, area] of [
    ["counter1", "/staff"],
    ["reviewer1", "/staff"],
    ["admin1", "/admin"],
  ] as const) {
    test(`${username} signs in with a password and out again`, async ({ page }) => {
      await page.goto(`${area}`);
      await expect(page).toHaveURL(new RegExp(`/staff/login\\?redirectTo=${encodeURIComponent(area)}$`));
      await expectAccessible(page);
      await page.getByLabel("ユーザー名").fill(username);
      await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "ログイン" }).click();
      await expect(page).toHaveURL(new RegExp(`${area}$`));
      await expectAccessible(page);
      await page.getByRole("button", { name: "ログアウト" }).click();
      await expect(page).toHaveURL(/\/staff\/login\?signed-out$/);
      await expectAccessible(page);
      const res = await page.goto(area);
      expect(res?.url()).toContain("/staff/login?redirectTo=");
    });
  }

  test("every sign-in gets a new session id and sign-out revokes it on the server", async ({ page, context, baseURL }) => {
    await page.goto("/staff/login");
    await expectAccessible(page);
    await page.getByLabel("ユーザー名").fill("reviewer1");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expectAccessible(page);
    const sessionCookie = async () => (await context.cookies()).find((c) => c.name === "madoguchi_session")!;
    const first = await sessionCookie();
    expect(first.httpOnly).toBe(true);
    expect(first.sameSite).toBe("Lax");
    expect(first.secure).toBe(true);
    // Signing in again while signed in (same browser, cookie sent along) issues a different id.
    const again = await page.request.post("/staff/login", {
      form: { username: "reviewer1", password: DEMO_PASSWORD },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(302);
    const second = await sessionCookie();
    expect(second.value).not.toBe(first.value);
    // The first id was ended when the second sign-in began: replaying it gets nothing.
    const replay = await page.request.get("/staff", { headers: { Cookie: `madoguchi_session=${first.value}` }, maxRedirects: 0 });
    expect(replay.status()).toBe(302);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/signed-out/);
    await expectAccessible(page);
    const afterLogout = await page.request.get("/staff", { headers: { Cookie: `madoguchi_session=${second.value}` }, maxRedirects: 0 });
    expect(afterLogout.status()).toBe(302);
  });

  test("a failed staff sign-in shows a focused error summary, with JavaScript on and off", async ({ page, openPage }) => {
    for (const p of [page, await openPage({ javaScriptEnabled: false })]) {
      await p.goto("/staff/login");
      await expectAccessible(p);
      await p.getByLabel("ユーザー名").fill("counter1");
      await p.getByRole("button", { name: "ログイン" }).click();
      const summary = p.locator(".error-summary");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: "パスワードを入力してください" })).toHaveAttribute("href", "#password");
      await expect(p).toHaveTitle(/^エラー：職員ログイン – /);
      await expect(p.getByLabel("ユーザー名")).toHaveValue("counter1");
      await expect(p.getByLabel("パスワード")).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(p);
    }
  });

  test("five wrong passwords make the next try from that address wait, even with the right password", async ({ openPage, createStaffUser }) => {
    const user = await createStaffUser();
    // Without JavaScript the document response carries the HTTP status itself.
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/staff/login");
    await expectAccessible(page);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("ユーザー名").fill(user.username);
      await page.getByLabel("パスワード").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "ログイン" }).click();
      await expect(page.locator(".error-summary")).toContainText("ユーザー名またはパスワードが正しくありません");
      // The next post follows at once: the error page's bytes are kept for the check at the end before it does.
      await keepServedDocuments(page);
    }
    await page.getByLabel("ユーザー名").fill(user.username);
    await page.getByLabel("パスワード").fill(user.password);
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "ログイン" }).click();
    expect((await response).status()).toBe(429);
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(".error-summary")).toContainText("しばらくログインできません");
    await expect(page).toHaveURL(/\/staff\/login$/);
    await expectAccessible(page);
  });
});

test.describe("authorisation", () => {
  test("a resident gets 403 on the staff and admin areas", async ({ page }) => {
    await page.goto("/login/demo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "山﨑 美咲" }).click();
    await expect(page).toHaveURL(/\/mypage$/);
    await expectAccessible(page);
    for (const path of ["/staff", "/admin"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("このページを表示する権限がありません");
      await expect(page).toHaveTitle(/^このページを表示する権限がありません – /);
      await expectAccessible(page);
    }
  });

  test("staff get 403 on the admin area; an admin gets in", async ({ page }) => {
    await page.goto("/staff/login");
    await expectAccessible(page);
    await page.getByLabel("ユーザー名").fill("counter1");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expectAccessible(page);
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
    await expectAccessible(page);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/signed-out/);
    await expectAccessible(page);
    await page.getByLabel("ユーザー名").fill("admin1");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expectAccessible(page);
    const adminRes = await page.goto("/admin");
    expect(adminRes?.status()).toBe(200);
    await expectAccessible(page);
    await page.goto("/admin/staff");
    await expect(page.getByRole("cell", { name: "reviewer1", exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("CSRF", () => {
  test("a state-changing request from another origin, or with no origin at all, is refused", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const form = { username: "counter1", password: DEMO_PASSWORD };
    const crossSite = await api.post("/staff/login", { form, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(crossSite.status()).toBe(403);
    const fetchMetadata = await api.post("/staff/login", { form, headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
    expect(fetchMetadata.status()).toBe(403);
    const noOrigin = await api.post("/language", { form: { lng: "en", redirectTo: "/" }, maxRedirects: 0 });
    expect(noOrigin.status()).toBe(403);
    expect(noOrigin.headers()["set-cookie"]).toBeUndefined();
    // The same request from our own origin goes through.
    const sameOrigin = await api.post("/staff/login", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(sameOrigin.status()).toBe(302);
    expect(sameOrigin.headers()["set-cookie"]).toContain("madoguchi_session=");
    await api.dispose();
  });

  test("a staff page opened from another site writes nothing: no audit entry, no export, until the clerk follows our own link", async ({ page, db }) => {
    await signInAsStaff(page, "reviewer1");
    const audits = () => (db.prepare("select count(*) as n from audit_log where action = 'submission.csv_exported'").get() as { n: number }).n;
    const before = audits();
    const held = await page.request.get("/staff/export?form=juminhyo", { headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(held.headers()["content-type"]).toContain("text/html");
    expect(await held.text()).toContain('<a href="/staff/export?form=juminhyo">');
    expect(audits()).toBe(before);
    // From our own page it goes through (and is audited).
    const own = await page.request.get("/staff/export?form=juminhyo", { headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(own.headers()["content-type"]).toContain("text/csv");
    expect(audits()).toBeGreaterThan(before);
  });

  test("GET never signs out", async ({ page }) => {
    await page.goto("/login/demo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "鈴木 一郎" }).click();
    await expect(page).toHaveURL(/\/mypage$/);
    await expectAccessible(page);
    await page.goto("/logout");
    await expectAccessible(page);
    await page.goto("/mypage");
    await expect(page.getByText("鈴木 一郎 さん")).toBeVisible();
    await expectAccessible(page);
  });
});

/** The languages are behind a disclosure in the header (nine would fill a phone's header). */
async function openLanguages(page: Page) {
  await page.locator(".language-switch summary").click();
}

test.describe("language", () => {
  test("the language switch works without JavaScript and is remembered", async ({ openPage }) => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/staff/login");
    await expectAccessible(page);
    // Closed, the switch is one line naming the current language; open, every language in its own name.
    await expect(page.locator(".language-switch summary")).toHaveText("言語 / Language: 日本語");
    await expect(page.getByRole("button", { name: "English" })).toBeHidden();
    await openLanguages(page);
    const names = page.getByRole("form", { name: "言語 / Language" }).getByRole("button");
    await expect(names).toHaveText([
      "日本語",
      "やさしい日本語",
      "English",
      "简体中文",
      "한국어",
      "Tiếng Việt",
      "Filipino",
      "Português (Brasil)",
      "नेपाली",
      "Bahasa Indonesia",
    ]);
    await expectAccessible(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page).toHaveURL(/\/staff\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
    await expect(page).toHaveTitle("Staff sign-in – Madoguchi City Online Counter");
    await expectAccessible(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Procedures you can do online");
    await expectAccessible(page);
    await openLanguages(page);
    await page.getByRole("button", { name: "日本語", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expectAccessible(page);
  });

  test("the language defaults from Accept-Language", async ({ openPage }) => {
    const english = await openPage({ locale: "en-US" });
    await english.goto("/");
    await expect(english.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(english);
    const japanese = await openPage({ locale: "ja-JP" });
    await japanese.goto("/");
    await expect(japanese.locator("html")).toHaveAttribute("lang", "ja");
    await expectAccessible(japanese);
  });

  test("with JavaScript on, switching language keeps the page and updates the client", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await openLanguages(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Sign in – Madoguchi City Online Counter");
    await expectAccessible(page);
  });
});

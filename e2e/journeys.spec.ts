import { expect, expectAccessible, test } from "./support/fixtures";
import { expectProgress, fillAddress, fillDate, fillName, holdRequests, next, signInAsResident, startProcedure } from "./support/journey";

test.describe("journey behaviour", () => {
  test("a failed step keeps every value, focuses the summary and links to each field (JS off)", async ({ openPage }) => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "申請を始める" }).click();
    await expectAccessible(page);
    await fillName(page, "氏名", { family: "山田", given: "", familyKana: "ヤマダ", givenKana: "ハナコ" });
    await fillDate(page, "生年月日", ["2001", "2", "30"]);
    await page.getByLabel("日中に連絡がとれる電話番号").fill("12345");
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page).toHaveTitle(/^エラー：請求する方 – 住民票の写しの交付請求 – /);
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "氏名の名を入力してください" })).toHaveAttribute("href", "#applicantName-given");
    await expect(summary.getByRole("link", { name: "生年月日は実在する日付を入力してください" })).toHaveAttribute("href", "#applicantBirthDate-year");
    await expect(summary.getByRole("link", { name: "住所を入力してください" })).toBeVisible();
    await expect(summary.getByRole("link", { name: /日中に連絡がとれる電話番号は、0から始まる/ })).toBeVisible();
    // Values are kept, and the inputs say they are invalid and why.
    await expect(page.getByRole("group", { name: "氏名" }).getByLabel("姓", { exact: true })).toHaveValue("山田");
    await expect(page.getByRole("group", { name: "生年月日" }).getByLabel("日", { exact: true })).toHaveValue("30");
    const phone = page.getByLabel("日中に連絡がとれる電話番号");
    await expect(phone).toHaveValue("12345");
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expect(phone).toHaveAttribute("aria-describedby", /applicantPhone-error/);
    await expectAccessible(page);
  });

  test("a step that cannot be reached yet redirects to the next unanswered one; back links follow the route", async ({ page }) => {
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "申請を始める" }).click();
    await expectAccessible(page);
    await page.goto("/procedures/juminhyo/steps/delivery");
    await expect(page).toHaveURL(/\/steps\/applicant$/);
    await page.goto("/procedures/juminhyo/check");
    await expect(page).toHaveURL(/\/steps\/applicant$/);
    await expect(page.getByRole("link", { name: "戻る" })).toHaveAttribute("href", "/procedures/juminhyo");
    await expectAccessible(page);
  });

  test("double submit makes one submission and shows the same 受付番号", async ({ page, db, context }) => {
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "申請を始める" }).click();
    await expectAccessible(page);
    await fillName(page, "氏名", { family: "二重", given: "送信", familyKana: "ニジュウ", givenKana: "ソウシン" });
    await fillDate(page, "生年月日", ["1980", "1", "1"]);
    await fillAddress(page, "住所", { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町1-1" });
    await page.getByLabel("日中に連絡がとれる電話番号").fill("0541234567");
    await next(page, "請求の内容");
    await page.getByLabel("本人のみ").check();
    await page.getByLabel("必要な通数").fill("1");
    await page.getByLabel(/^使いみち/).selectOption("job");
    await next(page, "受け取り方法");
    await expectProgress(page, 3, 3);
    await page.getByLabel("市役所の窓口で受け取る").check();
    await next(page, "入力内容の確認");
    const draftId = await page.locator('input[name="draftId"]').inputValue();
    const origin = new URL(page.url()).origin;
    const post = () =>
      page.request.post("/procedures/juminhyo/check", {
        form: { draftId, declaration: "yes" },
        headers: { Origin: origin },
        maxRedirects: 0,
      });
    // Two tabs (or a double click that got past the disabled button) at the same moment.
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.status()).toBe(302);
    expect(b.headers().location).toBe(a.headers().location);
    // Back to the check page and submit again: the same receipt.
    await page.getByLabel("上記の内容に同意します").check();
    await page.getByRole("button", { name: "申請する" }).click();
    await expect(page).toHaveURL(new RegExp(`${a.headers().location}$`));
    await expectAccessible(page);
    const count = db.prepare("select count(*) as n from submissions where draft_id = ?").get(draftId) as { n: number };
    expect(count.n).toBe(1);
    expect(context).toBeTruthy();
  });

  test("住民票 can be completed with the keyboard only", async ({ page }) => {
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "申請を始める" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
    await expectAccessible(page);
    const type = async (text: string) => {
      await page.keyboard.press("Tab");
      await page.keyboard.type(text);
    };
    await page.getByRole("group", { name: "氏名" }).getByLabel("姓", { exact: true }).focus();
    await page.keyboard.type("鍵盤");
    await type("太郎");
    await type("ケンバン");
    await type("タロウ");
    await page.keyboard.press("Tab"); // 元号: 西暦 stays chosen
    await type("1975");
    await type("5");
    await type("5");
    // A code Japan Post does not list, so nothing is filled in: the resident types the address.
    await type("4209999");
    await page.keyboard.press("Tab"); // 「住所を検索」
    await page.keyboard.press("Tab"); // the prefecture list: 静岡県 is the 22nd
    for (let i = 0; i < 22; i++) await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("都道府県")).toHaveValue("静岡県");
    await type("まどぐち市");
    await type("本町2-2");
    await type(""); // 方書 (optional)
    await type("0542223333");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "次へ" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求の内容");
    await expectAccessible(page);
    await page.getByLabel("本人のみ").focus();
    await page.keyboard.press("Space");
    await type("1");
    await page.keyboard.press("Tab"); // first checkbox
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab"); // 使いみち
    await page.keyboard.press("ArrowDown");
    await page.getByRole("button", { name: "次へ" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("受け取り方法");
    await expectAccessible(page);
    await page.getByLabel("郵送（住民票の住所に送ります）").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    // By post, the fee is paid first: how is asked on its own step.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("手数料の支払い方法");
    await expectAccessible(page);
    await page.getByLabel("定額小為替").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
    await expectAccessible(page);
    await page.getByLabel("上記の内容に同意します").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("申請を受け付けました");
    await expectAccessible(page);
  });
});

test("with JavaScript on, a step is checked by the server without reloading the page: errors, focus and title as without it", async ({ page }) => {
  await page.goto("/procedures/juminhyo");
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
  await expectAccessible(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  // A mark on the window: a full page load would drop it (the browser loads no schema, ADR 0039, and needs no reload).
  await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
  await fillDate(page, "生年月日", ["2001", "2", "30"]);
  // The 和暦 aid follows the year as it is typed.
  await expect(page.locator("#applicantBirthDate-wareki")).toHaveText("2001年は平成13年です");
  await page.getByRole("button", { name: "次へ" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "生年月日は実在する日付を入力してください" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "氏名を入力してください" })).toHaveAttribute("href", "#applicantName-family");
  await expect(page).toHaveTitle(/^エラー：請求する方 – /);
  await expectAccessible(page);
  expect(posts).toHaveLength(1);
  expect(await page.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  // What was typed stays on the page, the impossible day too, for the resident to correct.
  await expect(page.getByRole("group", { name: "生年月日" }).getByLabel("日", { exact: true })).toHaveValue("30");
  await fillName(page, "氏名", { family: "山田", given: "花子", familyKana: "ヤマダ", givenKana: "ハナコ" });
  await fillDate(page, "生年月日", ["2001", "2", "28"]);
  await fillAddress(page, "住所", { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町1" });
  await page.getByLabel("日中に連絡がとれる電話番号").fill("0541234567");
  await next(page, "請求の内容");
  expect(posts).toHaveLength(2);
  expect(await page.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  // Focus moved to the new page's main content, as after a full page load.
  await expect(page.locator("main")).toBeFocused();
});

test("a signed-in resident sees 申請中の手続き and resumes where they left off; 変更 returns to the check page", async ({ page }) => {
  // Three visits of the same draft and a dozen axe checks: 26 s alone, 63 s in a clean-clone run beside two workers.
  test.setTimeout(180_000);
  await signInAsResident(page, "鈴木 健太");
  await startProcedure(page, "juminhyo");
  // Signed in: name and date of birth come from the sign-in, the address from 住民記録.
  await expect(page.getByText("鈴木 健太（スズキ ケンタ）")).toBeVisible();
  await page.getByLabel("日中に連絡がとれる電話番号").fill("0540000000");
  await next(page, "請求の内容");

  // The tab is closed; later, from another browser session, the draft is still there.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "申請中の手続き" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "住民票の写しの交付請求（続きから）" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "続きから再開する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求の内容");
  await expectAccessible(page);
  await page.getByLabel("本人のみ").check();
  await page.getByLabel("必要な通数").fill("1");
  await page.getByLabel(/^使いみち/).selectOption("car");
  await next(page, "受け取り方法");
  await page.getByLabel("市役所の窓口で受け取る").check();
  await next(page, "入力内容の確認");

  // 変更 on an answer goes to its question and straight back to the check page.
  await page.getByRole("link", { name: /^変更.*必要な通数/ }).click();
  await expect(page.getByLabel("必要な通数")).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel("必要な通数").fill("3");
  await next(page, "入力内容の確認");
  await expect(page.getByText("3通", { exact: true })).toBeVisible();
  // A change that opens a new question goes there first.
  await page.getByRole("link", { name: /^変更.*必要な方/ }).click();
  await expectAccessible(page);
  await page.getByLabel("世帯の一部の方").check();
  await next(page, "必要な方");
});

test("a resident who is not signed in keeps the draft for the browser session only", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await page.goto("/procedures/juminhyo");
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expectAccessible(page);
  await fillName(page, "氏名", { family: "匿名", given: "花子", familyKana: "トクメイ", givenKana: "ハナコ" });
  await fillDate(page, "生年月日", ["1985", "7", "7"]);
  await fillAddress(page, "住所", { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町3" });
  await page.getByLabel("日中に連絡がとれる電話番号").fill("0543334444");
  await next(page, "請求の内容");
  // Same browser session: the start page offers to continue, and the answers are there.
  await page.goto("/procedures/juminhyo");
  await expectAccessible(page);
  await page.getByRole("button", { name: "続きから再開する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求の内容");
  await expectAccessible(page);
  await page.getByRole("link", { name: "戻る" }).click();
  await expect(page.getByRole("group", { name: "氏名" }).getByLabel("姓", { exact: true })).toHaveValue("匿名");
  await expectAccessible(page);
  // A new browser session (the browser was closed) starts afresh.
  const other = await openPage({ javaScriptEnabled: false });
  await other.goto("/procedures/juminhyo");
  await expect(other.getByRole("button", { name: "申請を始める" })).toBeVisible();
  await expectAccessible(other);
  await other.goto("/procedures/juminhyo/steps/request");
  await expect(other).toHaveURL(/\/procedures\/juminhyo$/);
  await expectAccessible(other);
});

for (const javaScriptEnabled of [false, true]) {
  test(`each error summary link moves focus to the input it names (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ openPage }) => {
    const page = await openPage({ javaScriptEnabled });
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "申請を始める" }).click();
    await expectAccessible(page);
    // 名 missing (not 姓), an impossible day, no address, a wrong phone number.
    await fillName(page, "氏名", { family: "山田", given: "", familyKana: "ヤマダ", givenKana: "ハナコ" });
    await fillDate(page, "生年月日", ["2001", "2", "30"]);
    await page.getByLabel("日中に連絡がとれる電話番号").fill("12345");
    await page.getByRole("button", { name: "次へ" }).click();
    const links = page.locator(".error-summary a");
    await expect(links).toHaveCount(4);
    await expectAccessible(page);
    for (let i = 0; i < 4; i++) {
      const target = (await links.nth(i).getAttribute("href"))!.slice(1);
      await links.nth(i).click();
      await expect(page.locator(`[id="${target}"]`)).toBeFocused();
      await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
      // The page does not jump back to the summary.
      await expect(page.locator(".error-summary")).not.toBeFocused();
    }
    await expect(page.locator(".error-summary a").first()).toHaveAttribute("href", "#applicantName-given");
  });
}

/**
 * React starts hydrating in a task of its own; a key pressed before that task runs made React render the page at once,
 * and Remix's first render waits for the loader data it decodes from the page: a root that waits in such a render stops
 * for good (React error #345). Seen in clean-clone runs as a 次へ that did nothing (effort.spec.ts) and as an error on
 * /staff/login; on a slow phone, a page whose 住所 lookup never answers. Here the page is kept busy as React schedules
 * that task, while keys are pressed.
 */
test("keys pressed while the page starts lose nothing and leave its scripts working", async ({ openPage }) => {
  const page = await openPage();
  await page.goto("/procedures/juminhyo");
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求する方");
  await page.addInitScript(() => {
    // React's scheduler posts its first task when hydration is scheduled: the page is then busy for a second.
    const post = MessagePort.prototype.postMessage;
    let busy = true;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort["postMessage"]>) {
      if (busy) {
        busy = false;
        const until = performance.now() + 1_500;
        while (performance.now() < until);
      }
      return post.apply(this, args);
    } as MessagePort["postMessage"];
  });
  const releaseTexts = await holdRequests(page, "**/locales/**");
  await page.goto(page.url());
  await expectAccessible(page);
  const family = page.getByRole("group", { name: "氏名" }).getByLabel("姓", { exact: true });
  await family.focus();
  releaseTexts();
  // Keys are pressed for three seconds, with no other call to the page in between (one would wait out the busy
  // second and let React's task go first): the page takes far less to fetch its texts and start hydrating.
  const typed = "すずきいちろう".repeat(5);
  await page.keyboard.type(typed, { delay: 85 });
  // Hydrated: the 生年月日 aid is offered only by the page's scripts.
  await expect(page.getByText("年を入力すると、西暦と和暦の対応をここに表示します")).toBeVisible();
  await expect(family).toHaveValue(typed);
  await fillName(page, "氏名", { family: "鈴木", given: "一郎", familyKana: "スズキ", givenKana: "イチロウ" });
  await fillDate(page, "生年月日", ["1960", "4", "3"]);
  const address = page.getByRole("group", { name: /^住所/ });
  await address.getByLabel("郵便番号").pressSequentially("4200034");
  await expect(address.getByLabel("都道府県")).toHaveValue("静岡県");
  await address.getByLabel("町域・番地").fill("常磐町1番地");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("0540001111");
  await next(page, "請求の内容");
});

import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/fixtures";

// The check every page passes through must still find faults: legacy mode, violations only and the passed-state cache
// (support/fixtures.ts) could otherwise make it pass anything.
test("the accessibility check fails a page with an image without text and grey-on-white text, even after a clean page", async ({ page }) => {
  await page.setContent('<!DOCTYPE html><html lang="ja"><head><title>良いページ</title></head><body><main><h1>見出し</h1><p>本文</p></main></body></html>');
  await expectAccessible(page);
  await page.setContent(
    '<!DOCTYPE html><html lang="ja"><head><title>悪いページ</title></head><body><main><h1>見出し</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ccc;background:#fff">薄い文字</p></main></body></html>',
  );
  const failure = await expectAccessible(page).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
  expect(failure).toContain("color-contrast");
});

// React Router draws a navigation in a transition, after its own state is idle on the new address: on a slow phone (or
// a busy CI machine) the check ran on the page the click left, and a test then found the next step's inputs missing
// (a clean-clone run typed 姓 into nothing). Slowed twenty times, the old wait saw the start page in 4 runs of 6.
test("the check waits for the page a click leads to, even when it is drawn late", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await browser.newPage({ baseURL });
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) {
    await page.goto("/procedures/juminhyo");
    await expectAccessible(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
    await page.getByRole("button", { name: "申請を始める" }).click();
    await expectAccessible(page);
    const drawn = await page.getByLabel("姓", { exact: true }).count();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    expect(drawn, `try ${i + 1}: the first step is drawn`).toBe(1);
    await page.context().clearCookies();
  }
  // An error page is marked too (the root's Layout marks it; the page's own component is not there to).
  const marked = await page.evaluate(async () => {
    const router = (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void>; state: { location: { key: string } } } }).__remixRouter;
    await router.navigate("/procedures/no-such");
    await new Promise((resolve) => setTimeout(resolve, 500));
    return document.documentElement.dataset.shownNavigation === router.state.location.key;
  });
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  expect(marked).toBe(true);
  await page.close();
});

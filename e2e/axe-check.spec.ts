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

/**
 * A scheduled publication (issue 11). It moves the server's clock, which every test shares, so it runs in the
 * "clock" project: after every other test, alone (playwright.config.ts).
 */
import { setServerClock } from "./support/clock";
import { adminPage, definition, importText, startAsResident } from "./support/admin-forms";
import { expect, expectAccessible, test } from "./support/fixtures";

test.describe.configure({ timeout: 300_000 });

test("a scheduled publication goes live at its time (JST)", async ({ openPage }) => {
  const admin = await adminPage(openPage);
  await importText(admin, JSON.stringify(definition("e2e-scheduled", { title: "猫の登録" }), null, 2));
  try {
    setServerClock("2030-04-01T00:00:00Z"); // 09:00 JST
    // The past is refused with a message.
    await admin.getByLabel("日付").fill("2030-04-01");
    await admin.getByLabel("時刻").fill("08:00");
    await admin.getByRole("button", { name: "予約公開する" }).click();
    await expect(admin.locator(".error-summary")).toContainText("過去の日時");
    await expectAccessible(admin);
    await admin.getByLabel("日付").fill("2030-04-01");
    await admin.getByLabel("時刻").fill("10:00");
    await admin.getByRole("button", { name: "予約公開する" }).click();
    await expect(admin.getByRole("status")).toContainText("公開を予約しました");
    await expectAccessible(admin);
    await expect(admin.getByText("令和12年4月1日 10:00 に r1 を公開")).toBeVisible();

    const resident = await openPage({ javaScriptEnabled: false });
    const before = await resident.goto("/procedures/e2e-scheduled");
    expect(before?.status()).toBe(404);
    await expectAccessible(resident);

    setServerClock("2030-04-01T01:00:00Z"); // 10:00 JST
    await startAsResident(resident, "e2e-scheduled", "猫の登録");
  } finally {
    setServerClock(null);
  }
});

/** The counter's entry (issue 12 points 1 and 10): a clerk finds a resident with the keyboard only and starts a visit. */
import { signInAsResident, signInAsStaff } from "./support/journey";
import { expect, expectAccessible, test } from "./support/fixtures";

test("a clerk searches, opens a person, records the identity check and reaches the visit, keyboard only", async ({ page, db }) => {
  await signInAsStaff(page, "counter1");
  await page.goto("/counter");
  await expectAccessible(page);
  // The search box has focus on arrival.
  await expect(page.getByRole("searchbox", { name: "住民を検索" })).toBeFocused();

  // An empty search: an error summary pointing at the box, valid and accessible.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/counter\?q=$/);
  await expect(page.locator(".error-summary")).toContainText("氏名・フリガナ・生年月日・住所または受付番号を入力してください");
  await expectAccessible(page);

  // No results.
  await page.getByRole("searchbox", { name: "住民を検索" }).focus();
  await page.keyboard.type("存在しない名前");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "検索結果 0件" })).toBeVisible();
  await expectAccessible(page);

  // 髙橋 found through half-width kana, with the household and ages.
  await page.getByRole("searchbox", { name: "住民を検索" }).fill("");
  await page.getByRole("searchbox", { name: "住民を検索" }).focus();
  await page.keyboard.type("ﾀｶﾊｼ ﾀﾞｲｽｹ");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "検索結果 1件" })).toBeVisible();
  const result = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /髙橋 大輔/ }) });
  await expect(result).toContainText(/髙橋 大輔 \d+歳 世帯主/);
  await expect(result).toContainText(/由美 \d+歳 妻/);
  await expectAccessible(page);

  // Tab to the result and open it with Enter.
  const link = page.getByRole("link", { name: /髙橋 大輔/ });
  for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "髙橋 大輔 さん" })).toBeVisible();
  await expectAccessible(page);

  // Starting without an identity check is refused with a message.
  await page.getByRole("button", { name: "来庁受付を始める" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".error-summary")).toContainText("本人確認の方法を選んでください");
  await expectAccessible(page);

  // Choose 運転免許証 with the keyboard: focus the first radio, arrow down, and submit.
  await page.getByRole("radio", { name: "マイナンバーカード" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "運転免許証" })).toBeChecked();
  await page.getByRole("button", { name: "来庁受付を始める" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/counter\/visits\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "来庁受付：髙橋 大輔 さん" })).toBeVisible();
  await expect(page.getByText("運転免許証")).toBeVisible();
  // The visit starts with the interview: the life event proposes the procedures (issue 12 point 2).
  await expect(page.getByRole("heading", { name: "聞き取り" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "転入" })).toBeVisible();
  await expectAccessible(page);

  const visitId = page.url().split("/").pop()!;
  // This visit's record (other tests open people as the same clerk at the same time).
  const opened = db
    .prepare("select actor_id, subject_id, details from audit_log where action = 'counter.person_opened' and json_extract(details, '$.visitId') = ?")
    .get(visitId) as {
    actor_id: string;
    subject_id: string;
    details: string;
  };
  expect([opened.actor_id, opened.subject_id, JSON.parse(opened.details).visitId]).toEqual(["staff-counter1", "p-takahashi-daisuke", visitId]);

  // Finish the visit: it is listed among the clerk's recent visits.
  await page.getByRole("button", { name: "来庁受付を終了する" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("来庁受付を終了しました。");
  await expectAccessible(page);
  await page.getByRole("link", { name: "窓口受付（検索）へ戻る" }).click();
  await expect(page.getByRole("table")).toContainText("髙橋 大輔");
  await expectAccessible(page);
});

test("a resident cannot reach the counter, and a visitor is sent to the staff sign-in", async ({ page }) => {
  const anonymous = await page.goto("/counter");
  expect(new URL(page.url()).pathname).toBe("/staff/login");
  expect(anonymous?.status()).toBe(200);
  await expectAccessible(page);

  await signInAsResident(page, "𠮷田 茂");
  const response = await page.goto("/counter");
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});

test("online to counter: the 受付番号 as a scanner types it finds the applicant; the visit lists the online application and does not propose it again", async ({
  page,
  db,
}) => {
  // 山﨑 美咲 requested a 住民票 online, signed in with an account of her own (a copy of the demo request, so no other
  // test meets it), and shows its QR code at the counter.
  const tag = `e2e-online-${Date.now().toString(36)}`;
  const source = db.prepare("select * from submissions where form_id = 'juminhyo' order by submitted_at limit 1").get() as Record<string, unknown>;
  const draft = db.prepare("select * from drafts where id = ?").get(source.draft_id) as Record<string, unknown>;
  const insert = (table: string, row: Record<string, unknown>) =>
    db
      .prepare(
        `insert into ${table} (${Object.keys(row).join(",")}) values (${Object.keys(row)
          .map(() => "?")
          .join(",")})`,
      )
      .run(...Object.values(row));
  const receipt = `${Date.now().toString(36).slice(-4)}-ONLN`.toUpperCase();
  db.transaction(() => {
    insert("resident_accounts", { id: tag, provider: "e2e", subject: tag, name: "山﨑 美咲", person_id: "p-yamasaki-misaki", created_at: Date.now() });
    insert("drafts", { ...draft, id: `${tag}-draft`, anonymous_key_hash: null, resident_account_id: tag, status: "submitted" });
    insert("submissions", {
      ...source,
      id: tag,
      draft_id: `${tag}-draft`,
      resident_account_id: tag,
      receipt_number: receipt,
      status: "received",
      channel: "online",
    });
  })();

  await signInAsStaff(page, "counter1");
  await page.goto("/counter");
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "住民を検索" }).fill(receipt);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "検索結果 1件" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /山﨑 美咲/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "山﨑 美咲 さん" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "運転免許証" }).check();
  await page.getByRole("button", { name: "来庁受付を始める" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "来庁受付：山﨑 美咲 さん" })).toBeVisible();
  const online = page.getByRole("region", { name: "オンラインで受け付けた申請" });
  await expect(online).toContainText(`${receipt} 住民票の写しの交付請求（受付・`);
  await expect(online.getByRole("link", { name: receipt })).toHaveAttribute("href", `/staff/submissions/${tag}`);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "なし（個別の手続き）" }).check();
  await page.getByRole("button", { name: "必要な手続きを表示" }).click();
  const proposal = page.getByRole("checkbox", { name: "住民票の写しの交付請求" });
  await expect(proposal).not.toBeChecked();
  await expect(proposal).toHaveAccessibleDescription(`オンラインで申請済みです（受付番号 ${receipt}）`);
  await expectAccessible(page);
});

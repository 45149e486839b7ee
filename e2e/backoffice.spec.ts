import { expect, expectAccessible, test } from "./support/fixtures";
import { moveCaseTo, requestJuminhyo, signInAsResident, signInAsStaff } from "./support/journey";
import type { Page } from "@playwright/test";

/** Finds a submission in the queue by its 受付番号 and opens it. */
async function openFromQueue(page: Page, receipt: string) {
  await page.goto("/staff");
  await expectAccessible(page);
  await page.getByLabel("受付番号・氏名・フリガナで検索").fill(receipt.toLowerCase().replace("-", ""));
  await page.getByRole("button", { name: "この条件で表示する" }).click();
  await expect(page.getByRole("table")).toContainText(receipt);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // header + the one match
  await expectAccessible(page);
  await page.getByRole("link", { name: receipt }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`受付番号 ${receipt}`);
  await expectAccessible(page);
}

async function moveTo(page: Page, status: string, message?: string) {
  await moveCaseTo(page, status, message);
  await expectAccessible(page);
}

test("a reviewer takes a submission through every status, with a 補正依頼 round trip with the resident", async ({ page, openPage, db }) => {
  // Two people, four pages each with axe, downloads: 42 s alone, 115–130 s in clean-clone runs beside two other workers.
  test.setTimeout(300_000);
  // The resident applies.
  await signInAsResident(page, "𠮷田 茂");
  const receipt = await requestJuminhyo(page);
  const id = (db.prepare("select id from submissions where receipt_number = ?").get(receipt) as { id: string }).id;

  // The reviewer finds it, takes it, starts the review.
  const staff = await openPage();
  await signInAsStaff(staff, "reviewer1");
  await openFromQueue(staff, receipt);
  await expect(staff.getByText("ログインして申請（𠮷田 茂）")).toBeVisible();
  await expect(staff.getByText("住民記録より").first()).toBeVisible(); // provenance of the prefilled address
  await staff.getByLabel("担当", { exact: true }).selectOption({ label: "審査 花子（自分）" });
  await staff.getByRole("button", { name: "担当を変更する" }).click();
  await expect(staff.getByRole("status")).toHaveText("担当を変更しました。");
  await expectAccessible(staff);
  await moveTo(staff, "審査中");

  // 補正依頼 needs a message: without one, a clear error and nothing changes.
  await staff.getByRole("button", { name: "「補正依頼」にする" }).click();
  await expect(staff.getByRole("link", { name: /申請者へのメッセージを入力してください/ })).toBeVisible();
  await expect(staff).toHaveTitle(/^エラー：/);
  await expectAccessible(staff);
  expect((db.prepare("select status from submissions where id = ?").get(id) as { status: string }).status).toBe("in_review");
  await moveTo(staff, "補正依頼", "必要な通数を2通に直してください。");

  // The resident sees the request on their page, corrects and resubmits: same 受付番号.
  await page.goto("/mypage");
  await expectAccessible(page);
  await page.goto(`/mypage/applications/${receipt}`);
  await expect(page.getByRole("region", { name: "市役所から修正のお願いがあります" })).toContainText("必要な通数を2通に直してください。");
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請内容を修正する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expect(page.getByText("必要な通数を2通に直してください。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^変更\s*（必要な通数）$/ }).click();
  await expectAccessible(page);
  await page.getByLabel("必要な通数").fill("2");
  await page.getByRole("button", { name: "保存して確認画面へ戻る" }).click();
  await expectAccessible(page);
  await page.getByLabel("上記の内容に同意します").check();
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.locator(".receipt-number")).toHaveText(receipt);
  await expectAccessible(page);

  // Back with the reviewer: 審査中 again, the earlier answers kept, then 完了.
  await staff.reload();
  await expectAccessible(staff);
  await expect(staff.getByText("申請者が補正して再提出しました")).toBeVisible();
  await expect(staff.getByText("補正前の内容が 1 件保存されています。")).toBeVisible();
  const revision = db.prepare("select answers from submission_revisions where submission_id = ?").get(id) as { answers: string };
  expect(JSON.parse(revision.answers).copies).toBe(1);
  await staff.getByLabel("メモ（職員のみ）").fill("窓口で本人確認済み");
  await staff.getByRole("button", { name: "メモを追加する" }).click();
  await expect(staff.getByRole("status")).toHaveText("メモを追加しました。");
  await expectAccessible(staff);
  await moveTo(staff, "完了");
  await expect(staff.getByRole("button", { name: /にする$/ })).toHaveCount(0);

  // Downloads, each audited.
  const pdf = await staff.request.get(`/staff/submissions/${id}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // One CSP, the file's own: the pages' object-src 'none' would keep the browser's PDF viewer from showing it.
  const pdfPolicies = pdf.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(pdfPolicies.map((h) => h.value)).toEqual(["default-src 'none'; object-src 'self'; frame-ancestors 'none'"]);
  const csv = await staff.request.get(`/staff/export?form=juminhyo&q=${receipt}`);
  const text = (await csv.body()).toString("utf8");
  expect(text.startsWith('\uFEFF"受付番号"')).toBe(true);
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
  expect(text).toContain(`"${receipt}"`);

  // The audit log on the page shows every kind of action, with who did it.
  await staff.reload();
  await expectAccessible(staff);
  const audit = staff.getByRole("region", { name: "操作ログ" });
  for (const action of ["内容を表示", "担当を変更", "状態を変更", "メモを追加", "申請者が再提出", "PDFを出力", "CSVを出力"]) {
    await expect(audit.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expect(audit.getByRole("cell", { name: "審査 花子" }).first()).toBeVisible();

  // The resident sees 完了 and the history, never the internal note.
  await page.goto(`/mypage/applications/${receipt}`);
  await expectAccessible(page);
  await expect(page.getByRole("definition").filter({ hasText: "完了" })).toBeVisible();
  await expect(page.getByText("修正した内容を再提出しました")).toBeVisible();
  await expect(page.getByText("窓口で本人確認済み")).toHaveCount(0);
  // My page keeps the 受付番号's QR code for a visit to the counter.
  await expect(page.getByRole("img", { name: `受付番号 ${receipt} のQRコード` })).toBeVisible();
});

test("rejection with a reason, search by reading, and a batch PDF of ticked submissions", async ({ page, openPage, db }) => {
  test.setTimeout(180_000); // two 住民票 journeys and a batch PDF: 66 s on an idle CI machine
  await signInAsResident(page, "NGUYEN VAN AN");
  const first = await requestJuminhyo(page);
  const second = await requestJuminhyo(page, "3");

  const staff = await openPage();
  await signInAsStaff(staff, "counter1");
  await staff.getByLabel("受付番号・氏名・フリガナで検索").fill("ぐえん");
  await staff.getByLabel("状態", { exact: true }).selectOption({ label: "受付" });
  await staff.getByRole("button", { name: "この条件で表示する" }).click();
  await expectAccessible(staff);
  const table = staff.getByRole("table");
  await expect(table).toContainText(first);
  await expect(table).toContainText(second);
  await staff.getByLabel(`${first} を選択`).check();
  await staff.getByLabel(`${second} を選択`).check();
  const download = staff.waitForEvent("download");
  await staff.getByRole("button", { name: "選択した申請をまとめてPDFで印刷する" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-2\.pdf$/); // the first 受付番号 and how many
  const ids = [first, second].map((r) => (db.prepare("select id from submissions where receipt_number = ?").get(r) as { id: string }).id);
  for (const id of ids) {
    const n = db.prepare("select count(*) as n from audit_log where subject_id = ? and action = 'submission.pdf_downloaded'").get(id) as { n: number };
    expect(n.n).toBe(1);
  }

  await openFromQueue(staff, first);
  await moveTo(staff, "却下", "同じ内容の請求が重複しているため。");
  await page.goto(`/mypage/applications/${first}`);
  await expectAccessible(page);
  await expect(page.getByText("同じ内容の請求が重複しているため。").first()).toBeVisible();
});

test("the back office is for staff only, and a resident sees only their own applications", async ({ page, openPage, db, request }) => {
  test.setTimeout(240_000); // 81 s in a loaded clean-clone run
  // A resident of its own: the test at line 121 requests a 住民票 as NGUYEN VAN AN, and a resident has one draft per procedure.
  await signInAsResident(page, "髙橋 結衣");
  const own = await requestJuminhyo(page);
  const id = (db.prepare("select id from submissions where receipt_number = ?").get(own) as { id: string }).id;

  // Signed out: every back-office URL sends to the staff sign-in, nothing is served.
  for (const path of ["/staff", `/staff/submissions/${id}`, `/staff/submissions/${id}/pdf`, "/staff/export?form=juminhyo"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(302);
    expect(res.headers().location, path).toMatch(/^\/staff\/login\?redirectTo=/);
  }
  // A resident is refused.
  for (const path of ["/staff", `/staff/submissions/${id}`, `/staff/submissions/${id}/pdf`]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
  }
  // Another resident cannot see it, or start correcting it.
  const other = await openPage();
  await signInAsResident(other, "𠮷田 茂");
  expect((await other.request.get(`/mypage/applications/${own}`)).status()).toBe(404);
  const origin = new URL(other.url()).origin;
  expect((await other.request.post(`/mypage/applications/${own}`, { headers: { Origin: origin } })).status()).toBe(404);
  // Staff open a submission's file (shown and downloaded, both audited), and cannot reach a file through a submission
  // it does not belong to.
  const staff = await openPage();
  await signInAsStaff(staff, "reviewer1");
  const demo = db.prepare("select id, draft_id, answers from submissions where form_id = 'hoikusho' order by submitted_at limit 1").get() as {
    id: string;
    draft_id: string;
    answers: string;
  };
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  const fileId = `e2e-${Date.now()}`;
  db.prepare(
    "insert into attachments (id, draft_id, field_name, file_name, content_type, size, sha256, data, created_at) values (?, ?, 'employmentCertificate', '就労証明書.png', 'image/png', ?, 'x', ?, 0)",
  ).run(fileId, demo.draft_id, png.length, png);
  // The 就労証明書 is given per working guardian (several files allowed).
  const answers = JSON.parse(demo.answers);
  answers.guardians[0].employmentCertificate = [{ id: fileId, name: "就労証明書.png", type: "image/png", size: png.length }];
  db.prepare("update submissions set answers = ? where id = ?").run(JSON.stringify(answers), demo.id);
  await staff.goto(`/staff/submissions/${demo.id}`);
  await expectAccessible(staff);
  const link = staff.getByRole("link", { name: "就労証明書.png", exact: true });
  await expect(staff.getByRole("region", { name: "添付ファイル" })).toContainText("就労証明書.png");
  await expect(staff.getByRole("region", { name: "添付ファイル" })).not.toContainText("補正前の添付");
  const shown = await staff.request.get((await link.getAttribute("href"))!);
  expect(shown.headers()["content-type"]).toBe("image/png");
  expect(shown.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(Buffer.compare(await shown.body(), png)).toBe(0);
  const imagePolicies = shown.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(imagePolicies).toHaveLength(1);
  expect(imagePolicies[0]!.value).toMatch(/; sandbox$/);
  const download = staff.waitForEvent("download");
  await staff.getByRole("link", { name: /^ダウンロード\s*就労証明書\.png$/ }).click();
  expect((await download).suggestedFilename()).toBe("就労証明書.png");
  const audited = db.prepare("select action from audit_log where subject_id = ? and action like 'submission.attachment_%'").all(demo.id) as {
    action: string;
  }[];
  expect(audited.map((a) => a.action).sort()).toEqual(["submission.attachment_downloaded", "submission.attachment_viewed"]);
  expect((await staff.request.get(`/staff/submissions/${id}/attachments/${fileId}`)).status()).toBe(404);
  expect((await staff.request.get(`/staff/submissions/${id}/attachments/00000000-0000-0000-0000-000000000000`)).status()).toBe(404);
});

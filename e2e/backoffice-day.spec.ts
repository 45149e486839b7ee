import type Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./support/fixtures";
import { expectStatusChanged, moveCaseTo, signInAsStaff } from "./support/journey";

/**
 * Copies of a demo 住民票 request (own draft, own 受付番号), so the queue has a working day's worth of cases. They are
 * assigned to this test's own reviewer: tests running beside it open and move other cases, never these.
 */
function seedCases(db: Database.Database, n: number, tag: string, assigneeId: string): string[] {
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
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = `${tag}-${i}`;
      insert("drafts", { ...draft, id: `${id}-draft`, status: "submitted", anonymous_key_hash: draft.anonymous_key_hash && `${id}-key` });
      const at = Date.now() - (i + 1) * 60_000;
      insert("submissions", {
        ...source,
        id,
        draft_id: `${id}-draft`,
        receipt_number: `${tag.toUpperCase()}-${String(i).padStart(4, "0")}`,
        status: "received",
        assignee_id: assigneeId,
        person_key: null,
        submitted_at: at,
        updated_at: at,
      });
      ids.push(id);
    }
  })();
  return ids;
}

test("a clerk's day at 1280×900: a dense queue, filters kept, next case, one-step moves, a quiet audit list", async ({ page, db, createStaffUser }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const tag = `qd${Date.now().toString(36)}`;
  const reviewer = await createStaffUser();
  const { id: reviewerId } = db.prepare("select id from staff_users where username = ?").get(reviewer.username) as { id: string };
  seedCases(db, 20, tag, reviewerId);
  await signInAsStaff(page, reviewer.username, reviewer.password);

  // At least 15 rows above the fold, with 経過日数 and 期限.
  const queue = "/staff?form=juminhyo&status=received&assignee=me";
  await page.goto(queue);
  await expectAccessible(page);
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "経過日数" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "期限" })).toBeVisible();
  const bottoms = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().bottom));
  expect(bottoms.filter((b) => b <= 900).length).toBeGreaterThanOrEqual(15);

  // Open the first case: 受付一覧へ戻る keeps the filters; previous/next follow the filtered list.
  const first = await table.locator("tbody tr").nth(0).getByRole("link").textContent();
  const second = await table.locator("tbody tr").nth(1).getByRole("link").textContent();
  await table.getByRole("link", { name: first! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`受付番号 ${first}`);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "受付一覧へ戻る" })).toHaveAttribute("href", queue);
  await page.getByRole("navigation", { name: "絞り込んだ一覧での前後の申請" }).getByRole("link", { name: "次の申請" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`受付番号 ${second}`);
  await expectAccessible(page);

  // A reload adds a view to the log, not a line to the list.
  const audit = page.getByRole("region", { name: "操作ログ" }).locator("tbody tr");
  const lines = await audit.count();
  await page.reload();
  await expectAccessible(page);
  await page.reload();
  await expectAccessible(page);
  await expect(audit).toHaveCount(lines);
  await expect(audit.first()).toContainText("3 回");
  const id = page.url().split("/").pop()!.split("?")[0]!;
  expect((db.prepare("select count(*) as n from audit_log where action = 'submission.viewed' and subject_id = ?").get(id) as { n: number }).n).toBe(3);

  // 受付 → 審査中 → 完了: one click each, then straight on to the next case of the list.
  await moveCaseTo(page, "審査中");
  await expectAccessible(page);
  await expect(page).toHaveURL(/status=received/);
  await moveCaseTo(page, "完了");
  await expectAccessible(page);
  expect((db.prepare("select status from submissions where id = ?").get(id) as { status: string }).status).toBe("completed");

  // The paper form is named by its 受付番号.
  const pdf = await page.request.get(`/staff/submissions/${id}/pdf`);
  expect(pdf.headers()["content-disposition"]).toBe(`inline; filename="${second}.pdf"`);

  // The error path: a 却下 without a reason is refused on the same two-column page.
  await page.getByRole("link", { name: "次の申請へ" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "「却下」にする" }).click();
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
});

test("a long audit list shows its newest 20 lines and links to the whole of it", async ({ page, db, createStaffUser, baseURL }) => {
  const tag = `al${Date.now().toString(36)}`;
  const reviewer = await createStaffUser();
  const { id: reviewerId } = db.prepare("select id from staff_users where username = ?").get(reviewer.username) as { id: string };
  const [id] = seedCases(db, 1, tag, reviewerId);
  await signInAsStaff(page, reviewer.username, reviewer.password);
  // 24 notes, each a line of its own (only views collapse), as the page's own form posts them.
  for (let i = 1; i <= 24; i++) {
    const res = await page.request.post(`/staff/submissions/${id}`, {
      form: { intent: "note", note: `メモ ${i}` },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
  }
  await page.goto(`/staff/submissions/${id}`);
  const audit = page.getByRole("region", { name: "操作ログ" }).locator("tbody tr");
  await expect(audit).toHaveCount(20);
  await expect(page.getByText("新しいものから 20 行を表示しています。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "操作ログをすべて表示" }).click();
  await expect(page).toHaveURL(/audit=all/);
  // Focus arrives with the scroll: at the list's heading, not back at the start of the page.
  await expect(page.getByRole("heading", { name: "操作ログ" })).toBeFocused();
  // The 24 notes and the two views of this page (consecutive: one line), nothing hidden any more.
  await expect(audit).toHaveCount(25);
  await expect(audit.first()).toContainText("2 回");
  await expect(page.getByText("新しいものから 20 行を表示しています。")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "操作ログをすべて表示" })).toHaveCount(0);
  await expectAccessible(page);

  // A note added there comes back to the whole list, one line longer.
  await page.getByLabel("メモ（職員のみ）").fill("メモ 25");
  await page.getByRole("button", { name: "メモを追加する" }).click();
  await expect(page.getByRole("status")).toHaveText("メモを追加しました。");
  await expect(page).toHaveURL(/audit=all/);
  await expect(audit).toHaveCount(27);
  await expectAccessible(page);
});

test("a status change made while another program writes to the database waits its turn, and is made", async ({ page, db, createStaffUser }) => {
  const reviewer = await createStaffUser();
  const { id: reviewerId } = db.prepare("select id from staff_users where username = ?").get(reviewer.username) as { id: string };
  const [id, other] = seedCases(db, 2, `wl${Date.now().toString(36)}`, reviewerId);
  await signInAsStaff(page, reviewer.username, reviewer.password);
  await page.goto(`/staff/submissions/${id}`);
  await expectAccessible(page);
  // This test's own connection writes (as a backup, the retention job or a second app server would) and holds the
  // lock while the clerk clicks. The server's change read first and then asked for the lock: SQLite refused it at
  // once, and the clerk saw 「システムで問題が起きました」 (a clean-clone CI run).
  db.exec("begin immediate");
  try {
    db.prepare("update submissions set updated_at = ? where id = ?").run(Date.now(), other);
    const posted = page.waitForRequest((request) => request.method() === "POST");
    await page.getByRole("button", { name: "「審査中」にする" }).click();
    await posted;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    // Never left holding the lock: every other test's writes would wait on it.
    db.exec("commit");
  }
  await expectStatusChanged(page, "審査中");
  await expectAccessible(page);
  expect((db.prepare("select status from submissions where id = ?").get(id) as { status: string }).status).toBe("in_review");
});

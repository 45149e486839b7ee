import { execFile, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { Secret, TOTP } from "otpauth";
import { expect, expectAccessible, test } from "./support/fixtures";
import { freePort } from "../scripts/free-port";

const DESKTOP = { width: 1280, height: 900 };

async function signIn(page: Page, username: string, password: string, base = "") {
  await page.goto(`${base}/staff/login`);
  await expectAccessible(page);
  await page.getByLabel("ユーザー名").fill(username);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

async function expectSignedIn(page: Page, base = "") {
  await expect(page).toHaveURL(`${base}/staff`);
  await expectAccessible(page);
}

/** Reads the password shown once, and checks it is in no URL. */
async function shownPassword(page: Page): Promise<string> {
  const password = (await page.locator(".one-time-password").textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  expect(page.url()).not.toContain(password);
  return password;
}

async function createAccount(page: Page, { username, name, duty }: { username: string; name: string; duty: string }) {
  await page.getByRole("link", { name: "職員アカウントを作成" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("職員アカウントを作成");
  await expectAccessible(page);
  await page.getByLabel("ユーザー名").fill(username);
  await page.getByLabel("氏名").fill(name);
  await page.getByRole("group", { name: /担当/ }).getByLabel(duty, { exact: true }).check();
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "作成する" }).click();
  expect((await response).headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("職員アカウントを作成しました");
  await expectAccessible(page);
  return shownPassword(page);
}

async function accountAction(page: Page, button: string, notice: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status")).toHaveText(notice);
  await expectAccessible(page);
}

test("an administrator creates a clerk, who signs in; disables, enables, resets, changes duty and unlocks (JavaScript off)", async ({ openPage, db }) => {
  // Every page is checked (axe without JavaScript costs a browser context each): a long walk.
  test.setTimeout(300_000);
  const admin = await openPage({ javaScriptEnabled: false, viewport: DESKTOP });
  await signIn(admin, "admin1", "madoguchi-demo");
  await expectSignedIn(admin);
  await admin.getByRole("link", { name: "管理", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("管理");
  await expectAccessible(admin);
  await admin.getByRole("heading", { name: "職員アカウント" }).getByRole("link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("職員アカウント");
  await expect(admin.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "職員アカウント" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(admin);

  // The error path first: nothing filled in.
  await admin.getByRole("link", { name: "職員アカウントを作成" }).click();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "作成する" }).click();
  await expect(admin).toHaveTitle(/^エラー：/);
  await expect(admin.locator(".error-summary")).toContainText("ユーザー名を入力してください");
  await expect(admin.locator(".error-summary")).toContainText("氏名を入力してください");
  await expect(admin.locator(".error-summary")).toContainText("担当を選んでください");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "職員アカウントの一覧へ戻る" }).click();
  await expectAccessible(admin);

  const username = `e2e-${randomUUID().slice(0, 8)}`;
  const password = await createAccount(admin, { username, name: "窓口 二郎", duty: "窓口" });
  expect(db.prepare("select duty, role from staff_users where username = ?").get(username)).toEqual({ duty: "counter", role: "staff" });

  // The clerk signs in with the password shown.
  const clerk = await openPage({ viewport: DESKTOP });
  await signIn(clerk, username, password);
  await expectSignedIn(clerk);

  // Disabling ends the clerk's session at once and refuses their sign-in.
  await admin.getByRole("link", { name: "このアカウントのページへ" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("窓口 二郎");
  await expect(admin.getByText("ログインしたことはありません")).toHaveCount(0);
  await expectAccessible(admin);
  await accountAction(admin, "利用を停止する", "利用を停止しました。ログイン中の画面からもログアウトされました。");
  await clerk.goto("/staff");
  await expect(clerk).toHaveURL(/\/staff\/login\?redirectTo=%2Fstaff$/);
  await expectAccessible(clerk);
  await signIn(clerk, username, password);
  await expect(clerk.locator(".error-summary")).toContainText("ユーザー名またはパスワードが正しくありません");
  await expectAccessible(clerk);

  await accountAction(admin, "利用を再開する", "利用を再開しました。");
  await signIn(clerk, username, password);
  await expectSignedIn(clerk);

  // A reset password is shown once; the old one stops working and the clerk is signed out.
  await admin.getByRole("button", { name: "パスワードを再発行する" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("パスワードを再発行しました");
  await expectAccessible(admin);
  const newPassword = await shownPassword(admin);
  expect(newPassword).not.toBe(password);
  await clerk.goto("/staff");
  await expect(clerk).toHaveURL(/\/staff\/login/);
  await expectAccessible(clerk);
  await signIn(clerk, username, password);
  await expect(clerk.locator(".error-summary")).toBeVisible();
  await expectAccessible(clerk);
  await signIn(clerk, username, newPassword);
  await expectSignedIn(clerk);

  // The duty decides the role: as 管理者 the clerk reaches /admin, as 審査 no longer.
  await admin.getByRole("link", { name: "このアカウントのページへ" }).click();
  await expectAccessible(admin);
  await admin.getByRole("group", { name: /担当/ }).getByLabel("管理者", { exact: true }).check();
  await accountAction(admin, "担当を変更する", "担当を変更しました。");
  expect((await clerk.goto("/admin"))?.status()).toBe(200);
  await expectAccessible(clerk);
  await admin.getByRole("group", { name: /担当/ }).getByLabel("審査", { exact: true }).check();
  await accountAction(admin, "担当を変更する", "担当を変更しました。");
  expect((await clerk.goto("/admin"))?.status()).toBe(403);
  await expectAccessible(clerk);

  // Waiting after five failed sign-ins from another address (rate-limiter-flexible's counters, as five failures leave
  // them; that address is not this test's, so no one else waits): the administrator ends the wait.
  const counter = db.prepare("insert into rate_limits (key, points, expire) values (?, ?, ?)");
  counter.run(`staff-fail:${username}|192.0.2.7`, 5, Date.now() + 86_400_000);
  counter.run(`staff-wait:${username}|192.0.2.7`, 2, Date.now() + 30_000);
  await admin.reload();
  // Not 「ロック中」: the account signs in from anywhere else; only that address waits.
  await expect(admin.getByText(/^失敗した場所からログイン待ち（.+まで）$/)).toBeVisible();
  await expectAccessible(admin);
  await accountAction(admin, "ロックを解除する", "ロックを解除しました。");
  await expect(admin.getByText(/ログイン待ち/)).toHaveCount(0);

  const actions = db
    .prepare("select action from audit_log where subject_type = 'staff_user' and subject_id = (select id from staff_users where username = ?) order by id")
    .all(username)
    .map((r) => (r as { action: string }).action);
  expect(actions).toEqual([
    "staff.account_created",
    "staff.account_disabled",
    "staff.account_enabled",
    "staff.password_reset",
    "staff.duty_changed",
    "staff.duty_changed",
    "staff.account_unlocked",
  ]);
  // Every staff entry of the run, other tests' too: some carry no details at all (null).
  const details = db.prepare("select details from audit_log where subject_type = 'staff_user'").all() as { details: string | null }[];
  expect(details.some((d) => d.details?.includes(password) || d.details?.includes(newPassword))).toBe(false);

  // The list shows the account with its duty and its last sign-in.
  await admin.getByRole("link", { name: "職員アカウントの一覧へ戻る" }).click();
  const row = admin.getByRole("row").filter({ hasText: username });
  await expect(row).toContainText("審査");
  await expect(row).toContainText("有効");
  await expect(row).not.toContainText("ログインしたことはありません");
  await expectAccessible(admin);
});

test("at phone width with JavaScript: a username in use is refused, then the account is created", async ({ page }) => {
  await signIn(page, "admin1", "madoguchi-demo");
  await expectSignedIn(page);
  await page.goto("/admin/staff");
  await expectAccessible(page);
  await page.getByRole("link", { name: "職員アカウントを作成" }).click();
  await expectAccessible(page);
  await page.getByLabel("ユーザー名").fill("counter1");
  await page.getByLabel("氏名").fill("窓口 三郎");
  await page.getByRole("group", { name: /担当/ }).getByLabel("審査", { exact: true }).check();
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("このユーザー名はすでに使われています");
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);
  // The summary's link moves to the field; what was typed is kept.
  await page.locator(".error-summary a").click();
  await expect(page.getByLabel("ユーザー名")).toBeFocused();
  await expect(page.getByLabel("氏名")).toHaveValue("窓口 三郎");
  await page.getByLabel("ユーザー名").fill(`e2e-${randomUUID().slice(0, 8)}`);
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("職員アカウントを作成しました");
  await shownPassword(page);
  await expectAccessible(page);
  const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(scrollsSideways).toBe(false);
});

// ── The last administrator, on a server of its own (the shared one has several administrators) ──────────────────

const root = path.resolve(import.meta.dirname, "..");

async function ownServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-admins-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dir, "db.sqlite"),
    DEMO: "off",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    PORT: String(await freePort()),
  };
  await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/create-admin.ts", "--username", "tanaka", "--name", "田中 一郎"], {
    cwd: root,
    env: { ...env, ADMIN_PASSWORD: "a long enough password" },
  });
  const child = spawn(process.execPath, ["build/index.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 150) throw new Error(`the server did not start: ${output}`);
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    database: env.DATABASE_PATH!,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("the last administrator cannot demote themself; two administrators demoting each other at once leave one", async ({ openPage }) => {
  test.setTimeout(180_000);
  const server = await ownServer();
  try {
    const { base } = server;
    const tanaka = await openPage({ javaScriptEnabled: false, viewport: DESKTOP });
    await signIn(tanaka, "tanaka", "a long enough password", base);
    await expectSignedIn(tanaka, base);
    await tanaka.goto(`${base}/admin/staff`);
    await expectAccessible(tanaka);
    await tanaka.getByRole("link", { name: "tanaka" }).click();
    await expect(tanaka.getByRole("heading", { level: 1 })).toHaveText("田中 一郎（あなた）");
    await expect(tanaka.getByText("自分のアカウントは停止できません。")).toBeVisible();
    await expect(tanaka.getByRole("button", { name: "利用を停止する" })).toHaveCount(0);
    await expectAccessible(tanaka);
    await tanaka.getByRole("group", { name: /担当/ }).getByLabel("窓口", { exact: true }).check();
    await tanaka.getByRole("button", { name: "担当を変更する" }).click();
    await expect(tanaka).toHaveTitle(/^エラー：/);
    await expect(tanaka.locator(".error-summary")).toContainText("有効な管理者がほかにいないため");
    await expectAccessible(tanaka);

    // A second administrator; each opens the other's page and demotes them at the same moment.
    await tanaka.getByRole("link", { name: "職員アカウントの一覧へ戻る" }).click();
    await expectAccessible(tanaka);
    const password = await createAccount(tanaka, { username: "sato", name: "佐藤 花子", duty: "管理者" });
    const sato = await openPage({ javaScriptEnabled: false, viewport: DESKTOP });
    await signIn(sato, "sato", password, base);
    await expectSignedIn(sato, base);
    const db = new Database(server.database, { readonly: true });
    const idOf = (username: string) => (db.prepare("select id from staff_users where username = ?").get(username) as { id: string }).id;
    await tanaka.goto(`${base}/admin/staff/${idOf("sato")}`);
    await expectAccessible(tanaka);
    await sato.goto(`${base}/admin/staff/${idOf("tanaka")}`);
    await expectAccessible(sato);
    for (const p of [tanaka, sato]) await p.getByRole("group", { name: /担当/ }).getByLabel("審査", { exact: true }).check();
    await Promise.all([tanaka, sato].map((p) => p.getByRole("button", { name: "担当を変更する" }).click()));
    for (const p of [tanaka, sato]) {
      await p.waitForLoadState("load");
      await expectAccessible(p);
    }
    const admins = db.prepare("select username from staff_users where role = 'admin' and disabled = 0").all();
    db.close();
    expect(admins).toHaveLength(1);
  } finally {
    await server.stop();
  }
});

test("a clerk turns on two-step verification and signs in with a code; an administrator turns it off (JavaScript off)", async ({
  openPage,
  createStaffUser,
  db,
}) => {
  const clerkUser = await createStaffUser();
  const clerk = await openPage({ javaScriptEnabled: false });
  await signIn(clerk, clerkUser.username, clerkUser.password);
  await expect(clerk).toHaveURL(/\/staff$/);
  await expectAccessible(clerk);
  await clerk.getByRole("link", { name: "アカウント設定（二段階認証）" }).click();
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("アカウント設定");
  await expect(clerk.getByRole("img", { name: "二段階認証の設定用QRコード" })).toBeVisible();
  await expectAccessible(clerk);
  const key = (await clerk.locator(".account-qr__key").textContent())!.trim();
  const code = (offsetSeconds = 0) => new TOTP({ secret: Secret.fromBase32(key) }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

  // A wrong code turns nothing on; the same key stays on the page.
  await clerk.getByLabel(/^確認コード/).fill("000000");
  await clerk.getByRole("button", { name: "二段階認証を有効にする" }).click();
  await expect(clerk.locator(".error-summary")).toContainText("確認コードが正しくありません");
  await expect(clerk.locator(".account-qr__key")).toHaveText(key);
  await expectAccessible(clerk);
  await clerk.getByLabel(/^確認コード/).fill(code());
  await clerk.getByRole("button", { name: "二段階認証を有効にする" }).click();
  await expect(clerk.getByRole("status")).toHaveText(/二段階認証を有効にしました/);
  await expectAccessible(clerk);

  // Signing in now takes the password, then a code; a wrong code is refused.
  await clerk.getByRole("button", { name: "ログアウト" }).click();
  await expect(clerk).toHaveURL(/signed-out/);
  await expectAccessible(clerk);
  await signIn(clerk, clerkUser.username, clerkUser.password);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("確認コードの入力");
  await expectAccessible(clerk);
  await clerk.getByLabel(/^確認コード/).fill("000000");
  await clerk.getByRole("button", { name: "確認する" }).click();
  await expect(clerk.locator(".error-summary")).toContainText("確認コードが正しくありません");
  await expectAccessible(clerk);
  // The code that turned it on is used up: the app's next one signs in.
  await clerk.getByLabel(/^確認コード/).fill(code(30));
  await clerk.getByRole("button", { name: "確認する" }).click();
  await expect(clerk).toHaveURL(/\/staff$/);
  await expectAccessible(clerk);

  // The clerk lost their phone: an administrator turns it off, and the password alone signs in again.
  const adminUser = await createStaffUser({ role: "admin" });
  const admin = await openPage({ javaScriptEnabled: false, viewport: DESKTOP });
  await signIn(admin, adminUser.username, adminUser.password);
  await expect(admin).toHaveURL(/\/staff$/);
  await expectAccessible(admin);
  const id = (db.prepare("select id from staff_users where username = ?").get(clerkUser.username) as { id: string }).id;
  await admin.goto(`/admin/staff/${id}`);
  await expect(admin.getByText("二段階認証を使用中")).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "二段階認証を解除する" }).click();
  await expect(admin.getByRole("status")).toHaveText("二段階認証を解除しました。");
  await expectAccessible(admin);
  const actions = db.prepare("select action from audit_log where subject_id = ? and action like 'staff.totp%' order by id").pluck().all(id);
  expect(actions).toEqual(["staff.totp_enabled", "staff.totp_disabled"]);
});

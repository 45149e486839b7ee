import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, expectAccessible, test } from "./support/fixtures";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

function startServer(env: Record<string, string>, base: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ["build/index.js"], {
    cwd: root,
    env: { ...base, NODE_ENV: "production", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, output: () => output };
}

async function waitUntilListening(url: string, server: ReturnType<typeof startServer>) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (server.child.exitCode !== null) throw new Error(server.output());
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not listening: ${server.output()}`);
}

test.describe("configuration", () => {
  test("a wrong environment variable stops the server with a message naming it", async () => {
    const server = startServer({ PORT: "eighty", DATABASE_PATH: path.join(os.tmpdir(), "never-created.sqlite") });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("PORT");
  });

  test("without DEMO the demo is off: no demo sign-in, and a database once seeded with the demo does not open with the demo password", async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-prod-"));
    // No DEMO variable at all (found: that meant the demo was on), the way an operator starts it.
    const { DEMO: _unset, ...inherited } = process.env;
    const env = {
      DATABASE_PATH: path.join(dir, "prod.sqlite"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      PORT: String(40000 + Math.floor(Math.random() * 20000)),
    };
    // The database was first used for the demo (found: its demo accounts stayed usable after DEMO=off).
    await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-demo.ts"], { cwd: root, env: { ...inherited, ...env, DEMO: "on" } });
    await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/create-admin.ts", "--username", "tanaka", "--name", "田中 一郎"], {
      cwd: root,
      env: { ...inherited, ...env, ADMIN_PASSWORD: "a long enough password" },
    });
    const server = startServer(env, inherited);
    try {
      const base = `http://127.0.0.1:${env.PORT}`;
      await waitUntilListening(`${base}/healthz`, server);
      expect((await fetch(`${base}/login/demo`)).status).toBe(404);
      await page.goto(`${base}/login`);
      await expect(page.getByText("現在利用できるログイン方法がありません。")).toBeVisible();
      await expect(page.locator(".demo-banner")).toHaveCount(0);
      await expectAccessible(page);
      await page.goto(`${base}/staff/login`);
      await expectAccessible(page);
      for (const demoAccount of ["counter1", "admin1"]) {
        await page.getByLabel("ユーザー名").fill(demoAccount);
        await page.getByLabel("パスワード").fill("madoguchi-demo");
        await page.getByRole("button", { name: "ログイン" }).click();
        await expect(page.locator(".error-summary")).toContainText("ユーザー名またはパスワードが正しくありません");
      }
      await expectAccessible(page);
      await page.getByLabel("ユーザー名").fill("tanaka");
      await page.getByLabel("パスワード").fill("a long enough password");
      await page.getByRole("button", { name: "ログイン" }).click();
      await expect(page).toHaveURL(`${base}/staff`);
      await expectAccessible(page);
      await page.goto(`${base}/admin/staff`);
      await expect(page.getByRole("cell", { name: "田中 一郎" })).toBeVisible();
      await expectAccessible(page);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

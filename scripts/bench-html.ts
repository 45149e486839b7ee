/**
 * Time to first byte and to the last byte of server-rendered pages (ADR 0011), from the built server: prints
 * figures, asserts nothing. Starts build/index.js (run `npx remix build` first) on a free port with a fresh demo
 * database, signs in a clerk, and requests each page BENCH_RUNS times (default 200) after a warm-up, as a browser
 * would (its user agent: the streamed path). Also counts NUL bytes and content after </html>. BENCH_BUILD names
 * another server build to compare.
 *   npx tsx scripts/bench-html.ts
 */
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { freePort } from "./free-port";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

/** One GET over a fresh connection: ms to the first body byte and to the end, and the body. */
function timedGet(url: string, cookie: string) {
  return new Promise<{ ttfb: number; total: number; body: Buffer }>((resolve, reject) => {
    const start = performance.now();
    let ttfb = 0;
    const chunks: Buffer[] = [];
    http
      .get(url, { headers: { "User-Agent": BROWSER, Cookie: cookie, "Accept-Encoding": "identity" }, agent: false }, (res) => {
        res.on("data", (c: Buffer) => {
          if (!ttfb) ttfb = performance.now() - start;
          chunks.push(c);
        });
        res.on("end", () => resolve({ ttfb, total: performance.now() - start, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-html-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dir, "b.sqlite"),
    DEMO: "on",
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-demo.ts"], { env });
  const server = spawn(process.execPath, [process.env.BENCH_BUILD ?? "build/index.js"], { env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        if (i > 150) throw new Error("the server did not start");
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const login = await fetch(`${base}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=reviewer1&password=madoguchi-demo",
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const db = new Database(env.DATABASE_PATH!, { readonly: true });
    const { id } = db.prepare("select id from submissions where form_id = 'hoikusho' limit 1").get() as { id: string };
    db.close();

    for (const [name, pagePath] of [
      ["home", "/"],
      ["staff queue", "/staff"],
      ["staff case page (保育所)", `/staff/submissions/${id}`],
    ] as const) {
      for (let i = 0; i < 20; i++) await timedGet(base + pagePath, cookie);
      const ttfb: number[] = [];
      const total: number[] = [];
      let body: Buffer = Buffer.alloc(0);
      for (let i = 0; i < RUNS; i++) {
        const r = await timedGet(base + pagePath, cookie);
        ttfb.push(r.ttfb);
        total.push(r.total);
        body = r.body;
      }
      const html = body.toString("utf8");
      const afterHtml = html.length - (html.lastIndexOf("</html>") + "</html>".length);
      const nul = body.filter((b) => b === 0).length;
      console.log(
        `${name}: ${(body.length / 1024).toFixed(1)} KB, TTFB median ${median(ttfb).toFixed(2)} ms (p95 ${p95(ttfb).toFixed(2)}), ` +
          `last byte median ${median(total).toFixed(2)} ms (p95 ${p95(total).toFixed(2)}), NUL bytes ${nul}, characters after </html> ${afterHtml}`,
      );
    }
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

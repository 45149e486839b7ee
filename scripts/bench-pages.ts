/**
 * How fast madoguchi's pages are next to a trivial Remix page (issue 13 point 8), measured in the same run on the same
 * machine, so the figures are ratios rather than absolutes. Part of `npm run bench`; prints a table, asserts nothing.
 *   - step page GET, requests per second: madoguchi / the trivial page (target ≥ 60 %)
 *   - step page POST at 100 requests per second offered: p99 latency (target < 150 ms)
 *   - durable submit (synchronous=FULL): submissions per second (target ≥ 200)
 *   - staff detail page of a submission with 500 audit entries, requests per second / the trivial page (target ≥ 40 %)
 *   - gzipped JavaScript of each resident page (target ≤ 120 KB; e2e/light-pages.spec.ts asserts it)
 * Needs `remix build` first (npm run bench does it). The trivial page is scripts/bench-trivial, built here.
 *   BENCH_SECONDS=10 sets how long each load lasts; BENCH_PROFILE=<dir> writes each server's CPU profile there.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { drafts } from "../db/schema";
import { hashPassword } from "../app/auth/password.server";
import { recordAudit } from "../app/audit/audit.server";
import { getDb, initDatabase, setDb } from "../app/db.server";
import { getLiveForm, syncFormDefinitions } from "../app/procedures/store.server";
import { createDraft, submitDraft } from "../app/submissions/drafts.server";
import { juminhyoAnswers, submit } from "../app/test/submissions";
import { javaScriptPerRoute, STAFF_ROUTE } from "./js-weight";
import { freePort } from "./free-port";

const root = path.join(import.meta.dirname, "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

async function startServer(script: string, cwd: string, env: Record<string, string>): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, script], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const up = await fetch(origin).then(
      () => true,
      () => false,
    );
    if (up) return { origin, process: child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

type Load = { rps: number; p50: number; p99: number; failures: number };

/** A load of CONNECTIONS connections for SECONDS (or at `rate` requests per second in all), after a short warm-up. */
async function load(options: { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; rate?: number }): Promise<Load> {
  const run = (duration: number) =>
    autocannon({
      url: options.url,
      method: options.method ?? "GET",
      headers: options.headers,
      body: options.body,
      connections: CONNECTIONS,
      duration,
      overallRate: options.rate,
    });
  await run(2);
  const result = await run(SECONDS);
  // A redirect is the answer a successful step POST gets; a GET must be a 200 (a redirect would be a lost session).
  const failures = result.errors + result.timeouts + (options.method === "POST" ? result["4xx"] + result["5xx"] : result.non2xx);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures };
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** An anonymous resident's 住民票 draft, started as a browser starts it: the cookie that carries it. */
async function startDraft(origin: string) {
  const start = await fetch(`${origin}/procedures/juminhyo`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
  const cookie = cookieOf(start);
  if (start.status !== 302 || !cookie) throw new Error(`starting a draft: ${start.status}`);
  return { cookie, stepUrl: new URL(start.headers.get("location")!, origin).toString() };
}

const APPLICANT = {
  "applicantName[family]": "TRAN",
  "applicantName[given]": "THI MAI",
  "applicantBirthDate[year]": "1992",
  "applicantBirthDate[month]": "8",
  "applicantBirthDate[day]": "30",
  "applicantAddress[postalCode]": "4200001",
  "applicantAddress[prefecture]": "静岡県",
  "applicantAddress[city]": "まどぐち市",
  "applicantAddress[town]": "本町1-2-3",
  applicantPhone: "08011112222",
};

const answers = () => juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ");

/**
 * Submissions per second through submitDraft, as the check page makes them: one transaction each, committed with
 * synchronous=FULL before the 受付番号 is shown. The drafts are made complete beforehand and not timed.
 */
function durableSubmits() {
  const form = getLiveForm("juminhyo")!;
  const ready = Array.from({ length: 1000 }, () => {
    const draft = createDraft({ anonymousKeyHash: `bench-${randomBytes(8).toString("hex")}` }, form);
    getDb()
      .update(drafts)
      .set({ answers: answers(), completedSteps: form.definition.steps.map((s) => s.id) })
      .where(eq(drafts.id, draft.id))
      .run();
    return draft.id;
  });
  const started = performance.now();
  for (const id of ready) submitDraft(id, "ja");
  return ready.length / ((performance.now() - started) / 1000);
}

function commit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function main() {
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("Run `npm run build` first (npm run bench does)");
  const trivialDir = path.join(root, "scripts/bench-trivial");
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: trivialDir, stdio: "ignore" });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-pages-"));
  const file = path.join(dir, "bench.sqlite");
  const db = initDatabase(file);
  setDb(db);
  syncFormDefinitions(undefined, () => {});
  const synchronous = db.$client.pragma("synchronous", { simple: true });
  const submitsPerSecond = durableSubmits();
  // A submission with 500 audit entries, and a clerk to open it.
  const busy = submit("juminhyo", answers());
  for (let i = 0; i < 500; i++) {
    recordAudit({
      actor: { role: "staff", id: "staff-bench" },
      action: i % 2 ? "submission.viewed" : "submission.note",
      subject: { type: "submission", id: busy.id },
    });
  }
  db.$client
    .prepare("insert into staff_users (id, username, display_name, password_hash, role, duty, created_at) values (?, ?, ?, ?, 'staff', 'reviewer', 0)")
    .run("staff-bench", "bench1", "審査 花子", await hashPassword("bench-password"));
  db.$client.close();

  const trivial = await startServer("server.js", trivialDir, {});
  const app = await startServer("build/index.js", root, {
    DATABASE_PATH: file,
    DEMO: "off",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    THROTTLE_DRAFTS: "100000",
  });
  try {
    const trivialGet = await load({ url: `${trivial.origin}/` });
    const draft = await startDraft(app.origin);
    const stepGet = await load({ url: draft.stepUrl, headers: { Cookie: draft.cookie, "Accept-Language": "ja" } });
    const stepPost = await load({
      url: draft.stepUrl,
      method: "POST",
      headers: { Cookie: draft.cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form(APPLICANT),
      rate: 100,
    });
    const login = await fetch(`${app.origin}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ username: "bench1", password: "bench-password", redirectTo: "/staff" }),
    });
    const staffCookie = cookieOf(login);
    if (login.status !== 302 || !staffCookie) throw new Error(`staff sign-in: ${login.status}`);
    const detail = await load({ url: `${app.origin}/staff/submissions/${busy.id}`, headers: { Cookie: staffCookie, "Accept-Language": "ja" } });

    // The server's peak memory over the loads above (Linux): a city sizes its machine or container by it.
    const peakMb = (() => {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${app.process.pid}/status`, "utf8"))?.[1];
        return kb ? `${(Number(kb) / 1024).toFixed(0)} MB` : "unknown";
      } catch {
        return "unknown (no /proc)";
      }
    })();
    const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
    const ok = (pass: boolean) => (pass ? "yes" : "**no**");
    const heaviest = javaScriptPerRoute().filter((r) => !STAFF_ROUTE.test(r.route))[0]!;
    const trivialJs = javaScriptPerRoute(trivialDir).find((r) => r.route === "routes/_index")!;
    const lines = [
      `Pages next to a trivial Remix page — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit()}, ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS} s each`,
      "",
      "| Measure | Figure | Target | Met |",
      "|---|---|---|---|",
      `| trivial Remix page GET | ${trivialGet.rps.toFixed(0)} req/s (p99 ${trivialGet.p99} ms) | (reference) | |`,
      `| step page GET | ${stepGet.rps.toFixed(0)} req/s = ${pct(stepGet.rps / trivialGet.rps)} of trivial (p99 ${stepGet.p99} ms) | ≥ 60 % | ${ok(stepGet.rps / trivialGet.rps >= 0.6)} |`,
      `| step page POST at 100 req/s offered | p99 ${stepPost.p99} ms (p50 ${stepPost.p50} ms, ${stepPost.rps.toFixed(0)} req/s) | p99 < 150 ms | ${ok(stepPost.p99 < 150)} |`,
      `| durable submit (synchronous=${synchronous === 2 ? "FULL" : synchronous}) | ${submitsPerSecond.toFixed(0)} /s | ≥ 200 /s | ${ok(submitsPerSecond >= 200)} |`,
      `| staff detail, 500 audit entries | ${detail.rps.toFixed(0)} req/s = ${pct(detail.rps / trivialGet.rps)} of trivial (p99 ${detail.p99} ms) | ≥ 40 % | ${ok(detail.rps / trivialGet.rps >= 0.4)} |`,
      `| server's peak memory (resident set) over these loads | ${peakMb} | | |`,
      `| heaviest resident page's JavaScript | ${(heaviest.bytes / 1024).toFixed(1)} KB gzipped (${heaviest.route}; the trivial page: ${(trivialJs.bytes / 1024).toFixed(1)} KB) | ≤ 120 KB | ${ok(heaviest.bytes <= 120 * 1024)} |`,
    ];
    const failures = [trivialGet, stepGet, stepPost, detail].reduce((n, l) => n + l.failures, 0);
    if (failures) lines.push("", `${failures} requests failed (errors, timeouts, 4xx or 5xx): the figures above are not to be trusted.`);
    console.log(lines.join("\n"));
  } finally {
    trivial.process.kill();
    app.process.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

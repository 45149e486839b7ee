/**
 * Benchmarks of the back office (`npm run bench`): prints figures, asserts nothing.
 *   - PDF of a complete 保育所入所申請 without attachments: ms (median, p95) and KB
 *   - one PDF of 1,000 submissions: seconds and MB
 *   - the staff queue page (filtered, sorted, one page + the status counts) at 100,000 and 1,000,000 submissions
 *   - the same page over HTTP from the built server (build/index.js: `npm run bench` builds first), as a clerk gets it
 * Generated data goes to a temporary SQLite file, removed at the end. BENCH_ROWS=100000 limits the largest size.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { hashPassword } from "../app/auth/password.server";
import { renderSubmissionsPdf } from "../app/backoffice/pdf.server";
import { listQueue, statusCounts, type QueueFilter } from "../app/backoffice/queue.server";
import { searchKey } from "../app/cases/search";
import { SUBMISSION_STATUSES } from "../app/cases/statuses";
import { initDatabase, setDb } from "../app/db.server";
import { syncFormDefinitions } from "../app/procedures/store.server";
import { hoikushoAnswers, shippedDefinition } from "../app/test/fixtures";
import { testT } from "../app/test/i18n";
import { newReceiptNumber } from "../app/submissions/receipt";
import { freePort } from "./free-port";

const t = testT("ja");

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s.at(-1)! };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function benchPdf() {
  const one = { definition: shippedDefinition("hoikusho"), answers: hoikushoAnswers(), receiptNumber: "ABCD-EFGH", submittedAt: new Date() };
  for (let i = 0; i < 10; i++) await renderSubmissionsPdf([one], t); // warm-up: font parsed once, JIT
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    size = (await renderSubmissionsPdf([one], t)).length;
    times.push(performance.now() - start);
  }
  const s = stats(times);
  console.log(
    `PDF, complete 保育所入所申請 (no attachments): median ${ms(s.median)}, p95 ${ms(s.p95)}, ${(size / 1024).toFixed(1)} KB   (targets ≤ 20 ms, ≤ 60 KB)`,
  );
  const batch = Array.from({ length: 1000 }, (_, i) => ({ ...one, receiptNumber: `B${String(i).padStart(3, "0")}0-0000` }));
  const start = performance.now();
  const bytes = await renderSubmissionsPdf(batch, t);
  console.log(`PDF, batch of 1,000 submissions: ${((performance.now() - start) / 1000).toFixed(2)} s, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
}

const FAMILY = [
  ["佐藤", "サトウ"],
  ["鈴木", "スズキ"],
  ["髙橋", "タカハシ"],
  ["田中", "タナカ"],
  ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"],
  ["山本", "ヤマモト"],
  ["中村", "ナカムラ"],
  ["小林", "コバヤシ"],
  ["加藤", "カトウ"],
  ["𠮷田", "ヨシダ"],
  ["山﨑", "ヤマサキ"],
] as const;
const GIVEN = [
  ["大輔", "ダイスケ"],
  ["由美", "ユミ"],
  ["陽翔", "ハルト"],
  ["結衣", "ユイ"],
  ["茂", "シゲル"],
  ["美咲", "ミサキ"],
  ["蓮", "レン"],
  ["恵子", "ケイコ"],
] as const;
const FORMS = ["juminhyo", "tennyu", "hoikusho"];
const STAFF = ["staff-counter1", "staff-reviewer1", "staff-admin1"];
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Adds generated submissions (spread over the last year) until the table has `target` rows. */
function grow(db: ReturnType<typeof initDatabase>, target: number, versionOf: Record<string, number>) {
  const client = db.$client;
  const have = (client.prepare("select count(*) as n from submissions").get() as { n: number }).n;
  // Drafts are not needed to list submissions: foreign keys are off while loading generated rows.
  client.pragma("foreign_keys = OFF");
  const insert = client.prepare(
    `insert into submissions (id, receipt_number, draft_id, form_id, form_version_id, answers, provenance, language, status, assignee_id, applicant_name, search_name, search_kana, submitted_at, updated_at)
     values (?, ?, ?, ?, ?, '{}', '{}', 'ja', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  const started = performance.now();
  const load = client.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const [family, familyKana] = FAMILY[i % FAMILY.length]!;
      const [given, givenKana] = GIVEN[(i * 7) % GIVEN.length]!;
      const form = FORMS[i % 3]!;
      const at = now - Math.floor(Math.random() * YEAR_MS);
      const status = SUBMISSION_STATUSES[i % 10 < 6 ? 3 : i % 5]!; // most are done; the rest spread over the workflow
      insert.run(
        randomUUID(),
        `${newReceiptNumber()}${i}`,
        randomUUID(),
        form,
        versionOf[form],
        status,
        i % 4 === 0 ? null : STAFF[i % 3],
        `${family} ${given}`,
        searchKey(family + given),
        searchKey(familyKana + givenKana),
        at,
        at,
      );
    }
  });
  for (let from = have; from < target; from += 50_000) load(from, Math.min(target, from + 50_000));
  client.pragma("foreign_keys = ON");
  client.exec("analyze");
  console.log(`  generated ${(target - have).toLocaleString()} submissions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function benchQueue(size: number) {
  const base: QueueFilter = { sort: "newest" };
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const cases: [string, QueueFilter][] = [
    ["everything, newest first", base],
    ["procedure + status (保育所, 受付)", { ...base, form: "hoikusho", status: "received" }],
    ["status + last 30 days, oldest first", { ...base, status: "in_review", from: monthAgo, to: today, sort: "oldest" }],
    ["assigned to me, 審査中", { ...base, assignee: "me", status: "in_review" }],
    ["unassigned, 補正依頼", { ...base, assignee: "unassigned", status: "needs_correction" }],
    ["search by reading (たかはし), 保育所", { ...base, q: "たかはし", form: "hoikusho" }],
    ["search by name (山﨑), a common prefix", { ...base, q: "山﨑" }],
    ["search by full name (山﨑美咲)", { ...base, q: "山﨑 美咲" }],
    ["search by a name no one has (グエン)", { ...base, q: "グエン" }],
  ];
  console.log(`Queue page at ${size.toLocaleString()} submissions (50 rows + counts per status; 200 runs each):`);
  for (const [label, filter] of cases) {
    const times: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 200; i++) {
      // Every other run is the next page, as a clerk paging through.
      const f = i % 2 === 1 && cursor ? { ...filter, after: cursor } : filter;
      const start = performance.now();
      const page = listQueue(f, "staff-reviewer1");
      statusCounts(filter.form);
      times.push(performance.now() - start);
      cursor = page.next ?? undefined;
    }
    const s = stats(times);
    console.log(`  ${label.padEnd(40)} median ${ms(s.median)}, p95 ${ms(s.p95)}   (target p95 < 50 ms)`);
  }
}

/** The queue page as the browser gets it: the built server on the generated database, a signed-in clerk. */
async function benchHttp(file: string, size: number) {
  if (!fs.existsSync("build/index.js")) {
    console.log("  (HTTP: no build/index.js; run `npm run build` first)");
    return;
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["build/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: file,
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO: "off",
      SESSION_SECRET: randomBytes(32).toString("hex"),
    },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${origin}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await fetch(`${origin}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "reviewer1", password: "bench-password", redirectTo: "/staff" }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`staff sign-in failed (${login.status})`);
    const month = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    console.log(`Queue page over HTTP at ${size.toLocaleString()} submissions (GET /staff?…, full HTML; 100 requests each):`);
    for (const [label, query] of [
      ["procedure + status, newest first", "form=hoikusho&status=received"],
      ["status + date range, oldest first", `status=in_review&from=${month}&sort=oldest`],
      ["search by reading (たかはし)", `q=${encodeURIComponent("たかはし")}`],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const start = performance.now();
        const res = await fetch(`${origin}/staff?${query}`, { headers: { Cookie: cookie, "Accept-Language": "ja" } });
        await res.text();
        if (res.status !== 200) throw new Error(`GET /staff?${query}: ${res.status}`);
        times.push(performance.now() - start);
      }
      const s = stats(times.slice(10)); // the first requests warm the server up
      console.log(`  ${label.padEnd(40)} median ${ms(s.median)}, p95 ${ms(s.p95)}   (target p95 < 50 ms)`);
    }
  } finally {
    server.kill();
  }
}

async function main() {
  await benchPdf();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-"));
  try {
    const file = path.join(dir, "bench.sqlite");
    const db = initDatabase(file);
    setDb(db);
    syncFormDefinitions(undefined, () => {});
    const passwordHash = await hashPassword("bench-password");
    for (const [id, username, name] of [
      ["staff-counter1", "counter1", "窓口 一郎"],
      ["staff-reviewer1", "reviewer1", "審査 花子"],
      ["staff-admin1", "admin1", "管理 太郎"],
    ] as const) {
      db.$client
        .prepare("insert into staff_users (id, username, display_name, password_hash, role, duty, created_at) values (?, ?, ?, ?, 'staff', 'reviewer', 0)")
        .run(id, username, name, passwordHash);
    }
    const versionOf = Object.fromEntries(
      (db.$client.prepare("select form_id, max(id) as id from form_versions group by form_id").all() as { form_id: string; id: number }[]).map((r) => [
        r.form_id,
        r.id,
      ]),
    );
    const largest = Number(process.env.BENCH_ROWS ?? 1_000_000);
    for (const size of [100_000, 1_000_000].filter((n) => n <= largest)) {
      grow(db, size, versionOf);
      benchQueue(size);
      await benchHttp(file, size);
    }
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

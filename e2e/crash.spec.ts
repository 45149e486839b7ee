/**
 * A crash loses no receipt (issue 13 point 9): a burst of concurrent submissions, the server killed with SIGKILL while
 * they are in flight, then started again on the same database. Every 受付番号 a client was shown is in the database,
 * no draft was submitted twice — not even by a client that sends its submission again after the crash — and nothing
 * half-made is stored. A server of its own (the suite's is shared), driven over HTTP as a browser without JavaScript.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startServer(env: NodeJS.ProcessEnv, base: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["build/index.js"], { cwd: root, env, stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

/** One resident's browser without JavaScript: form posts, redirects not followed, its own cookies. */
function client(base: string) {
  let cookie = "";
  const send = async (pathname: string, form?: Record<string, string>) => {
    const response = await fetch(base + pathname, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: base, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const c of response.headers.getSetCookie()) cookie = [cookie, c.split(";")[0]].filter(Boolean).join("; ");
    return response;
  };
  return { send };
}

test("SIGKILL during a burst of submissions: every 受付番号 shown survives, none twice", async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-crash-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dir, "crash.sqlite"),
    DEMO: "on",
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  let server = await startServer(env, base);
  try {
    // Thirty residents each bring a 住民票 request to its check page.
    const residents = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const c = client(base);
        expect((await c.send("/procedures/juminhyo", {})).status).toBe(302);
        const steps: [string, Record<string, string>][] = [
          [
            "applicant",
            {
              "applicantName[family]": "TRAN",
              "applicantName[given]": `MAI ${i}`,
              "applicantBirthDate[era]": "western",
              "applicantBirthDate[year]": "1990",
              "applicantBirthDate[month]": "1",
              "applicantBirthDate[day]": String(1 + i),
              "applicantAddress[postalCode]": "4200001",
              "applicantAddress[prefecture]": "静岡県",
              "applicantAddress[city]": "まどぐち市",
              "applicantAddress[town]": "本町1-2-3",
              applicantPhone: "08011112222",
            },
          ],
          ["request", { scope: "self", copies: "1", purpose: "job" }],
          ["delivery", { delivery: "counter" }],
        ];
        for (const [step, form] of steps) {
          const response = await c.send(`/procedures/juminhyo/steps/${step}`, form);
          expect(response.status, `step ${step}`).toBe(302);
        }
        const check = await (await c.send("/procedures/juminhyo/check")).text();
        const draftId = /name="draftId" value="([^"]+)"/.exec(check)?.[1];
        expect(draftId).toBeTruthy();
        return { c, draftId: draftId! };
      }),
    );

    // All submit at once; the server is killed as soon as the first receipts come back.
    const shown = new Map<string, string>();
    const submit = (r: (typeof residents)[number]) =>
      r.c.send("/procedures/juminhyo/check", { draftId: r.draftId, declaration: "yes" }).then(
        (response) => {
          const receipt = /\/receipt\/([^/?#]+)/.exec(response.headers.get("Location") ?? "")?.[1];
          if (receipt) shown.set(r.draftId, decodeURIComponent(receipt));
          return receipt;
        },
        () => undefined,
      );
    const burst = residents.map(submit);
    while (shown.size < 5) await new Promise((r) => setTimeout(r, 5));
    server.kill("SIGKILL");
    const seenBeforeKill = shown.size;
    await Promise.all(burst);
    console.log(`crash: killed after ${seenBeforeKill} of 30 receipts; ${30 - shown.size} submissions were cut off`);
    expect(shown.size).toBeGreaterThanOrEqual(5);

    server = await startServer(env, base);
    const db = new Database(env.DATABASE_PATH!, { readonly: true });
    const receipts = (draftId: string) => db.prepare("select receipt_number from submissions where draft_id = ?").all(draftId) as { receipt_number: string }[];
    // Every receipt a client saw is there, for its own draft.
    for (const [draftId, receipt] of shown) expect(receipts(draftId).map((r) => r.receipt_number)).toEqual([receipt]);
    // Those cut off send again: the ones already in get their receipt back, the others are made now; once each.
    await Promise.all(residents.filter((r) => !shown.has(r.draftId)).map(submit));
    for (const r of residents) expect(receipts(r.draftId), `draft ${r.draftId}`).toHaveLength(1);
    expect(shown.size).toBe(30);
    for (const [draftId, receipt] of shown) expect(receipts(draftId)[0]!.receipt_number).toBe(receipt);
    db.close();
  } finally {
    server.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

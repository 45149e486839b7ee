/**
 * A heavy print never stalls the server (issue 13 point 2): PDFs are drawn in worker threads. A clerk prints 600
 * submissions in one batch while /healthz is asked every 50 ms: every answer comes within 200 ms. A server of its own,
 * with the demo city and 600 submissions cloned from its own.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { client, ownServer } from "./support/own-server";

/** Copies a row with some columns replaced (the other columns as they are, whatever the schema holds). */
function cloneRow(db: Database.Database, table: string, id: string, replaced: Record<string, string>) {
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const select = columns.map((c) => (c in replaced ? `@${c}` : `"${c}"`)).join(", ");
  db.prepare(`insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) select ${select} from ${table} where id = @source`).run({
    ...replaced,
    source: id,
  });
}

test("/healthz answers within 200 ms while 600 submissions print", async () => {
  test.setTimeout(120_000);
  const own = await ownServer("print", { seed: true });
  const db = new Database(own.databasePath);
  const ids: string[] = [];
  try {
    const source = db.prepare("select id, draft_id from submissions order by submitted_at limit 1").get() as { id: string; draft_id: string };
    db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const draftId = randomUUID();
        const id = randomUUID();
        cloneRow(db, "drafts", source.draft_id, { id: draftId });
        cloneRow(db, "submissions", source.id, { id, draft_id: draftId, receipt_number: `P${String(i).padStart(3, "0")}0-0000` });
        ids.push(id);
      }
    })();
    await own.start();
    const clerk = client(own.base);
    expect((await clerk.send("/staff/login", { username: "reviewer1", password: "madoguchi-demo" })).status).toBe(302);

    const latencies: number[] = [];
    let printing = true;
    const poll = (async () => {
      while (printing) {
        const started = performance.now();
        expect((await fetch(`${own.base}/healthz`)).status).toBe(200);
        latencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const body = new URLSearchParams(ids.map((id) => ["id", id]));
    const response = await fetch(`${own.base}/staff/print`, {
      method: "POST",
      headers: { Origin: own.base, Cookie: clerk.cookie(), "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    const took = performance.now() - started;
    printing = false;
    await poll;
    expect(response.status).toBe(200);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    console.log(
      `print: 600 submissions in ${(took / 1000).toFixed(1)} s, ${(pdf.length / 1e6).toFixed(1)} MB; /healthz asked ${latencies.length} times, slowest ${Math.max(...latencies).toFixed(0)} ms`,
    );
    // The print took long enough for the check to mean something, and /healthz never waited behind it.
    expect(took).toBeGreaterThan(1_000);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(200);
  } finally {
    db.close();
    own.dispose();
  }
});

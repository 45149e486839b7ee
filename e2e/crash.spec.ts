/**
 * A crash loses no receipt (issue 13 point 9): a burst of concurrent submissions, the server killed with SIGKILL while
 * they are in flight, then started again on the same database. Every 受付番号 a client was shown is in the database,
 * no draft was submitted twice — not even by a client that sends its submission again after the crash — and nothing
 * half-made is stored. A server of its own (the suite's is shared), driven over HTTP as a browser without JavaScript.
 */
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { client, ownServer } from "./support/own-server";

test("SIGKILL during a burst of submissions: every 受付番号 shown survives, none twice", async () => {
  test.setTimeout(120_000);
  const own = await ownServer("crash");
  const { base, databasePath } = own;
  let server = await own.start();
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

    server = await own.start();
    const db = new Database(databasePath, { readonly: true });
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
    own.dispose();
  }
});

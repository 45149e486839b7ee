/**
 * Light pages (issue 13 point 7), read from the built assets: no server code in a chunk the browser loads, and no
 * resident page over 120 KB of gzipped JavaScript; and a page sends no language it is not in.
 */
import { expect, test } from "@playwright/test";
import { javaScriptPerRoute, serverCodeInClientChunks, STAFF_ROUTE } from "../scripts/js-weight";

const LIMIT = 120 * 1024;

test("no module of db/, no *.server module and no server-only package is in a chunk the browser loads", () => {
  expect(serverCodeInClientChunks()).toEqual([]);
});

test("every resident page loads at most 120 KB of gzipped JavaScript", () => {
  const pages = javaScriptPerRoute().filter((r) => !STAFF_ROUTE.test(r.route));
  expect(pages.map((p) => p.route)).toContain("routes/_index");
  const over = pages.filter((p) => p.bytes > LIMIT).map((p) => `${p.route}: ${(p.bytes / 1024).toFixed(1)} KB`);
  expect(over).toEqual([]);
});

test("a step page carries its procedure's texts in the page's language and in Japanese, in no other", async ({ request, baseURL }) => {
  const start = await request.post("/procedures/juminhyo", { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(start.status()).toBe(302);
  const step = await request.get(start.headers()["location"]!, { headers: { "Accept-Language": "vi" } });
  const html = await step.text();
  // The step's title in Vietnamese and Japanese; not in Tagalog or Korean, nor the procedure's name in English.
  expect(html).toContain("Người yêu cầu");
  expect(html).toContain("請求する方");
  for (const other of ["Ang humihiling", "청구하는 분", "Request for a certificate of residence"]) expect(html).not.toContain(other);
});

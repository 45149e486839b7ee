/**
 * Light pages (issue 13 point 7), read from the built assets: no server code in a chunk the browser loads, and no
 * resident page over 120 KB of gzipped JavaScript.
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

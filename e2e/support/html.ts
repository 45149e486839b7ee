import { expect, type Page, type Response } from "@playwright/test";

/** One message of the W3C Nu validator's JSON output (https://github.com/validator/validator/wiki/Output-»-JSON). */
type NuMessage = { type: "error" | "info" | "non-document-error"; subType?: string; message: string; lastLine?: number; lastColumn?: number; extract?: string };

/** Fails when the bytes hold a 0x00 (in UTF-8 that is only ever U+0000), showing the text around it. */
export function expectNoNul(body: Buffer, url: string) {
  const at = body.indexOf(0);
  const around =
    at === -1
      ? ""
      : body
          .subarray(Math.max(0, at - 30), at + 30)
          .toString("utf8")
          .replaceAll("\0", "\\0");
  expect(at, `NUL byte in ${url} at byte ${at}: …${around}…`).toBe(-1);
}

/** The validator's errors and warnings for a document, one line each (infos such as "trailing slash" are not faults). */
export async function htmlProblems(body: Buffer): Promise<string[]> {
  const endpoint = process.env.E2E_VNU_URL;
  if (!endpoint) throw new Error("E2E_VNU_URL is not set: global-setup starts the validator");
  const res = await fetch(`${endpoint}?out=json`, { method: "POST", headers: { "Content-Type": "text/html; charset=utf-8" }, body: new Uint8Array(body) });
  if (!res.ok) throw new Error(`The validator answered ${res.status}`);
  const { messages } = (await res.json()) as { messages: NuMessage[] };
  return messages
    .filter((m) => m.type !== "info" || m.subType === "warning")
    .map((m) => `${m.subType ?? m.type} at ${m.lastLine}:${m.lastColumn}: ${m.message}\n      ${m.extract ?? ""}`);
}

/** A document as the server sent it: no NUL byte, and valid HTML for the W3C Nu validator. */
export async function expectValidHtml(body: Buffer, url: string) {
  expectNoNul(body, url);
  expect(await htmlProblems(body), `W3C Nu validator on ${url}`).toEqual([]);
}

type Served = { url: string; body: Promise<Buffer | null>; checked: boolean };
const served = new WeakMap<Page, Served[]>();

const isHtmlDocument = (response: Response) =>
  response.request().isNavigationRequest() &&
  (response.status() < 300 || response.status() >= 400) &&
  (response.headers()["content-type"] ?? "").startsWith("text/html");

/**
 * Keeps the bytes of every HTML document the page's main frame receives: every page load, and with JavaScript off
 * every form post too. The body is asked for at once, before a later navigation could make it unavailable.
 */
export function recordDocuments(page: Page) {
  const list: Served[] = [];
  served.set(page, list);
  page.on("response", (response) => {
    if (response.frame() !== page.mainFrame() || !isHtmlDocument(response)) return;
    list.push({ url: response.url(), body: response.body().catch(() => null), checked: false });
  });
}

/**
 * Waits until the bytes of every document received so far are kept. Chromium may drop a document's body once the
 * next navigation commits: a test that posts again at once (JavaScript off, several posts in a row) waits here first.
 */
export async function keepServedDocuments(page: Page) {
  await Promise.all((served.get(page) ?? []).map((doc) => doc.body));
}

/** Checks the documents the page received since the last call (none after a client-side navigation); returns their URLs. */
export async function checkServedDocuments(page: Page) {
  const urls: string[] = [];
  for (const doc of served.get(page) ?? []) {
    if (doc.checked) continue;
    doc.checked = true;
    const body = await doc.body;
    expect(body, `the body of ${doc.url} could not be read`).not.toBeNull();
    const start = performance.now();
    await expectValidHtml(body!, doc.url);
    // E2E_HTML_TIMING=1 shows what the check costs, document by document.
    if (process.env.E2E_HTML_TIMING) console.log(`html check ${(performance.now() - start).toFixed(0)} ms ${body!.length} B ${doc.url}`);
    urls.push(doc.url);
  }
  return urls;
}

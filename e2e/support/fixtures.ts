import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { hashPassword } from "../../app/auth/password.server";
import { checkServedDocuments, recordDocuments } from "./html";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe with the WCAG 2.2 AA rules. Our pages have no frames, so axe.run in the page (legacy mode) checks exactly what
 * runPartial + finishRun would, without the blank page, second injection and serialised passes those cost on every
 * check; only violations are collected. Together about a third of each check's time.
 */
const axe = (page: Page) =>
  new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true);

const checkedUrls = new WeakMap<Page, Set<string>>();
const withoutHash = (url: string) => url.split("#")[0]!;
const javaScriptOff = new WeakSet<Page>();

/**
 * axe runs as a script, which a page with JavaScript disabled will not run. So the page's current HTML, without
 * its scripts, is served at the same URL to a scripting page of the same size, and axe checks that one.
 */
async function analyzeWithoutJavaScript(page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const mirror = await mirrorPage(page.context().browser()!);
  const viewport = page.viewportSize();
  if (viewport) await mirror.setViewportSize(viewport);
  const url = page.url();
  await mirror.unrouteAll();
  await mirror.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await mirror.goto(url);
  return await axe(mirror).analyze();
}

/** One cookie-less scripting page per browser (a worker's), reused for every check: a new context each time is slow. */
const mirrors = new WeakMap<Browser, Promise<Page>>();
function mirrorPage(browser: Browser): Promise<Page> {
  let mirror = mirrors.get(browser);
  if (!mirror) {
    mirror = browser.newContext().then((context) => context.newPage());
    mirrors.set(browser, mirror);
  }
  return mirror;
}

/**
 * Runs axe (WCAG 2.2 AA tags) on the page as it is now and fails on any violation. Every page a test lands on
 * must pass through here: the `page` fixture fails the test if a page was visited without a check.
 * Every HTML document the page received since the last check (a page load; with JavaScript off, every form post too)
 * is checked as it was served: no NUL byte, no error or warning from the W3C Nu validator.
 */
export async function expectAccessible(page: Page) {
  // The document is streamed: check it once it has been parsed whole, not while the rest is still arriving.
  await page.waitForLoadState("load");
  // With JavaScript on, a click may have started a client-side navigation (or a fetcher) that has not rendered yet:
  // the check is of the page it lands on, so wait until Remix's router is idle, and until React has rendered where
  // the router is (it renders in a transition, after the router's state is idle: root.tsx marks what it shows).
  await page.waitForFunction(() => {
    const router = (
      window as {
        __remixRouter?: { state: { location: { key: string }; navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> } };
      }
    ).__remixRouter;
    if (!router) return true;
    const { location, navigation, revalidation, fetchers } = router.state;
    const shown = document.documentElement.dataset.shownNavigation;
    return (
      navigation.state === "idle" &&
      revalidation === "idle" &&
      [...fetchers.values()].every((f) => f.state === "idle") &&
      // Not yet hydrated: the page is the server's, of this address.
      (shown === undefined || shown === location.key)
    );
  });
  await checkServedDocuments(page);
  checkedUrls.get(page)?.add(withoutHash(page.url()));
  const start = performance.now();
  const key = await pageStateKey(page);
  if (passedBefore(key)) {
    if (process.env.E2E_HTML_TIMING) console.log(`axe same ${(performance.now() - start).toFixed(0)} ms ${page.url()}`);
    return;
  }
  const results = javaScriptOff.has(page) ? await analyzeWithoutJavaScript(page) : await axe(page).analyze();
  // E2E_HTML_TIMING=1 shows what the axe check costs, page by page (support/html.ts does the same for the validator).
  if (process.env.E2E_HTML_TIMING) console.log(`axe check ${(performance.now() - start).toFixed(0)} ms ${page.url()}`);
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  rememberPassed(key);
}

/**
 * What axe's verdict depends on: the rendered document (scripts, which axe never reads, and hidden inputs' values left
 * out), what is typed and ticked, where the focus is, the viewport and whether scripts run. Many tests pass through
 * the same page in the same state (the sign-in pages, a procedure's start page): axe runs once per state and run.
 */
async function pageStateKey(page: Page) {
  const state = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("script").forEach((s) => s.remove());
    copy.removeAttribute("data-shown-navigation"); // a new key each navigation: the same state all the same
    copy.querySelectorAll("input[type=hidden]").forEach((i) => i.removeAttribute("value"));
    const controls = [...document.querySelectorAll<HTMLInputElement>("input, select, textarea")].map((c) => `${c.value}|${c.checked}`);
    const focused = document.activeElement;
    const focus = focused ? `${focused.tagName}#${focused.id}|${[...document.querySelectorAll("*")].indexOf(focused)}` : "";
    return [copy.outerHTML, controls.join("\n"), focus, `${innerWidth}x${innerHeight}`].join("\n\0\n");
  });
  return createHash("sha256")
    .update(`${javaScriptOff.has(page)}\n${state}`)
    .digest("hex");
}

/** Passed states, shared by the run's workers through files named by their key (set up by global-setup). */
const passedDirectory = () => process.env.E2E_AXE_PASSED_DIR;
const passedBefore = (key: string) => Boolean(passedDirectory()) && fs.existsSync(path.join(passedDirectory()!, key));
const rememberPassed = (key: string) => passedDirectory() && fs.writeFileSync(path.join(passedDirectory()!, key), "");

export type StaffRole = "staff" | "admin";

/**
 * Starts recording the main-frame URLs a page visits; returns those not checked by expectAccessible, and the errors
 * its scripts threw (a failed hydration, a render error: the page may still look right, and be wrong).
 */
const evidence = new WeakMap<Page, { consoleErrors: string[]; scriptErrors: string[]; requests: string[]; loads: string[]; since: number }>();

/**
 * What the shared server logged as an error or a warning since `since` (any test's: the server is shared), with the
 * first lines of its stack: a 500 page says only that something failed.
 */
function serverErrorsSince(since: number): string[] {
  const file = process.env.E2E_SERVER_LOG_FILE;
  if (!file || !fs.existsSync(file)) return [];
  const entries: string[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    let entry: { level?: string; time?: string; msg?: string; path?: string; err?: { stack?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // not a log entry, or the last one half written
    }
    if ((entry.level !== "error" && entry.level !== "warn") || Date.parse(entry.time ?? "") < since) continue;
    const stack = entry.err?.stack?.split("\n").slice(0, 6).join("\n    ");
    entries.push(`${entry.time} ${entry.level} ${entry.path ?? ""} ${entry.msg ?? ""}${stack ? `\n    ${stack}` : ""}`);
  }
  return entries.slice(-5);
}

/**
 * Prints what a failed test's page showed when it failed: its address, the errors its scripts threw and the console's,
 * its last requests and the accessibility tree of its main content (the error summary, the heading). CI keeps only its
 * log, and no trace is recorded there (playwright.config.ts): a failure seen once must be understood from this.
 */
async function describeFailure(page: Page, title: string) {
  const listed = (lines: string[] = []) => (lines.length ? `\n  ${lines.join("\n  ")}` : "none");
  if (page.isClosed()) return;
  const seen = evidence.get(page);
  const main = await page
    .locator("main")
    .first()
    .ariaSnapshot({ timeout: 2_000 })
    .catch((error: Error) => `(no snapshot: ${error.message.split("\n")[0]})`);
  console.log(
    [
      `── failed: ${title}`,
      `page: ${page.url()}`,
      `script errors: ${listed(seen?.scriptErrors)}`,
      `console errors: ${listed(seen?.consoleErrors)}`,
      `last requests:\n  ${seen?.requests.join("\n  ") ?? "none"}`,
      `documents loaded (a client-side navigation loads none): ${listed(seen?.loads.slice(-5))}`,
      `server errors since the page opened: ${listed(seen && serverErrorsSince(seen.since))}`,
      `main:\n${main.split("\n").slice(0, 80).join("\n")}`,
    ].join("\n"),
  );
}

function watchVisits(page: Page) {
  recordDocuments(page);
  const visited: string[] = [];
  const scriptErrors: string[] = [];
  page.on("pageerror", (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
  // What a failure report shows (describeFailure): the page's script and console errors, its last requests with their
  // answers.
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text().split("\n")[0]!);
  });
  const requests: string[] = [];
  const remember = (line: string) => requests.push(line) > 12 && requests.shift();
  page.on("requestfinished", (request) => {
    request.response().then(
      (r) => remember(`${request.method()} ${request.url()} → ${r?.status() ?? "?"}`),
      () => remember(`${request.method()} ${request.url()} → (closed)`),
    );
  });
  // A single-fetch answer (.data) is streamed, and Chromium reports its stream as cut off (ERR_ABORTED) once Remix
  // has read what it needs: its status is the answer that counts.
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "failed";
    request.response().then(
      (r) => remember(`${request.method()} ${request.url()} → ${r ? `${r.status()} (${failure})` : failure}`),
      () => remember(`${request.method()} ${request.url()} → ${failure}`),
    );
  });
  const loads: string[] = [];
  page.on("load", () => loads.push(`${new Date().toISOString().slice(11, 23)} ${page.url()}`));
  evidence.set(page, { consoleErrors, scriptErrors, requests, loads, since: Date.now() });
  checkedUrls.set(page, new Set());
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(withoutHash(frame.url()));
  });
  return () => {
    const checked = checkedUrls.get(page)!;
    return { unchecked: [...new Set(visited)].filter((url) => url !== "about:blank" && !checked.has(url)), scriptErrors };
  };
}

type Fixtures = {
  db: Database.Database;
  /** A page in a new browser context (e.g. JavaScript off, another language), watched like `page`. */
  openPage: (options?: BrowserContextOptions) => Promise<Page>;
  createStaffUser: (options?: { role?: StaffRole; password?: string }) => Promise<{ username: string; password: string }>;
};

export const test = base.extend<Fixtures>({
  page: async ({ page }, use, testInfo) => {
    const watched = watchVisits(page);
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await describeFailure(page, testInfo.title);
    if (testInfo.status === testInfo.expectedStatus) {
      const { unchecked, scriptErrors } = watched();
      expect(unchecked, "pages visited without an axe check (call expectAccessible)").toEqual([]);
      expect(scriptErrors, "errors thrown by the page's scripts").toEqual([]);
    }
  },
  openPage: async ({ browser }, use, testInfo) => {
    const opened: { context: BrowserContext; watched: ReturnType<typeof watchVisits> }[] = [];
    await use(async (options) => {
      const { baseURL, viewport, locale, userAgent, deviceScaleFactor } = testInfo.project.use;
      const context = await browser.newContext({ baseURL, viewport, locale, userAgent, deviceScaleFactor, ...options });
      const page = await context.newPage();
      if (options?.javaScriptEnabled === false) javaScriptOff.add(page);
      opened.push({ context, watched: watchVisits(page) });
      return page;
    });
    for (const { context, watched } of opened) {
      if (testInfo.status !== testInfo.expectedStatus) for (const page of context.pages()) await describeFailure(page, testInfo.title);
      if (testInfo.status === testInfo.expectedStatus) {
        const { unchecked, scriptErrors } = watched();
        expect(unchecked, "pages visited without an axe check (call expectAccessible)").toEqual([]);
        expect(scriptErrors, "errors thrown by the page's scripts").toEqual([]);
      }
      await context.close();
    }
  },
  db: async ({}, use) => {
    const db = new Database(process.env.E2E_DATABASE_PATH!);
    db.pragma("busy_timeout = 5000");
    await use(db);
    db.close();
  },
  createStaffUser: async ({ db }, use) => {
    await use(async ({ role = "staff", password = "correct horse battery" } = {}) => {
      const username = `e2e-${randomUUID().slice(0, 8)}`;
      db.prepare("insert into staff_users (id, username, display_name, password_hash, role, duty) values (?, ?, ?, ?, ?, ?)").run(
        randomUUID(),
        username,
        `テスト ${username}`,
        await hashPassword(password),
        role,
        role === "admin" ? "admin" : "reviewer",
      );
      return { username, password };
    });
  },
});

export { expect };

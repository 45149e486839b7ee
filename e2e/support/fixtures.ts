import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { hashPassword } from "../../app/auth/password.server";
import { checkServedDocuments, recordDocuments } from "./html";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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
  return await new AxeBuilder({ page: mirror }).withTags(AXE_TAGS).analyze();
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
  await checkServedDocuments(page);
  const results = javaScriptOff.has(page) ? await analyzeWithoutJavaScript(page) : await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  checkedUrls.get(page)?.add(withoutHash(page.url()));
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export type StaffRole = "staff" | "admin";

/** Starts recording the main-frame URLs a page visits; returns those not checked by expectAccessible. */
function watchVisits(page: Page) {
  recordDocuments(page);
  const visited: string[] = [];
  checkedUrls.set(page, new Set());
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(withoutHash(frame.url()));
  });
  return () => {
    const checked = checkedUrls.get(page)!;
    return [...new Set(visited)].filter((url) => url !== "about:blank" && !checked.has(url));
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
    const unchecked = watchVisits(page);
    await use(page);
    if (testInfo.status === testInfo.expectedStatus) {
      expect(unchecked(), "pages visited without an axe check (call expectAccessible)").toEqual([]);
    }
  },
  openPage: async ({ browser }, use, testInfo) => {
    const opened: { context: BrowserContext; unchecked: () => string[] }[] = [];
    await use(async (options) => {
      const { baseURL, viewport, locale, userAgent, deviceScaleFactor } = testInfo.project.use;
      const context = await browser.newContext({ baseURL, viewport, locale, userAgent, deviceScaleFactor, ...options });
      const page = await context.newPage();
      if (options?.javaScriptEnabled === false) javaScriptOff.add(page);
      opened.push({ context, unchecked: watchVisits(page) });
      return page;
    });
    for (const { context, unchecked } of opened) {
      if (testInfo.status === testInfo.expectedStatus) {
        expect(unchecked(), "pages visited without an axe check (call expectAccessible)").toEqual([]);
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

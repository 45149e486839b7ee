/**
 * Only administrators reach /admin/**. The routes are read from app/routes at test time, so a route another engineer
 * adds later is covered without touching this file.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectValidHtml } from "./support/html";
import { signInAsResident, signInAsStaff } from "./support/journey";
import { expect, test } from "./support/fixtures";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../app/routes");
const DUMMY = "e2e-dummy";

/** `page`: the route renders a page (a default export); a resource route (a file, a PDF) answers 403 as plain text. */
type AdminRoute = { file: string; url: string; hasAction: boolean; page: boolean };

/** Remix's flat route file name (without extension) as a URL: "admin.staff.$id" → /admin/staff/e2e-dummy. */
function urlOf(base: string): { path: string; index: boolean } {
  // Square brackets escape what they hold ("[.]", "$versionId[.json]"): their dots are part of the segment.
  const segments = base.replace(/\[([^\]]*)\]/g, (_, held: string) => held.replaceAll(".", "\u0000")).split(".");
  const parts: string[] = [];
  let index = false;
  for (const raw of segments) {
    const segment = raw.replaceAll("\u0000", ".");
    if (segment === "_index") index = true;
    else if (segment.startsWith("_"))
      continue; // a pathless layout
    else {
      const name = segment.replace(/_$/, "").replace(/^\((.*)\)$/, "$1");
      parts.push(name.replace(/^\$[A-Za-z0-9_]+/, DUMMY));
    }
  }
  return { path: `/${parts.join("/")}`, index };
}

function adminRoutes(): AdminRoute[] {
  return fs
    .readdirSync(ROUTES_DIR, { withFileTypes: true })
    .flatMap((entry) => {
      const isRouteFile = entry.isFile() && /\.(tsx?|jsx?)$/.test(entry.name) && !/\.test\.(tsx?|jsx?)$/.test(entry.name);
      const routeInDir = entry.isDirectory()
        ? ["route.tsx", "route.ts", "route.jsx", "route.js"].find((f) => fs.existsSync(path.join(ROUTES_DIR, entry.name, f)))
        : undefined;
      if (!isRouteFile && !routeInDir) return [];
      const base = isRouteFile ? entry.name.replace(/\.(tsx?|jsx?)$/, "") : entry.name;
      if (!/^admin($|[._])/.test(base)) return [];
      const file = routeInDir ? path.join(entry.name, routeInDir) : entry.name;
      const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
      const hasAction = /export\s+(async\s+)?(function|const|let)\s+action\b|export\s*\{[^}]*\baction\b/.test(source);
      const page = /export\s+default\b/.test(source);
      const { path: url, index } = urlOf(base);
      // A POST to a URL that has both a layout and an index route reaches the index route only with ?index.
      return [{ file, url: index ? `${url}?index` : url, hasAction, page }];
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

const routes = adminRoutes();
const FORBIDDEN_TITLE = "このページを表示する権限がありません";

test("the admin routes are found in app/routes", () => {
  const files = routes.map((r) => r.file);
  expect(files).toEqual(expect.arrayContaining(["admin.tsx", "admin._index.tsx", "admin.staff._index.tsx", "admin.staff.new.tsx", "admin.staff.$id.tsx"]));
  expect(routes.find((r) => r.file === "admin.staff.$id.tsx")!.url).toBe(`/admin/staff/${DUMMY}`);
  expect(routes.find((r) => r.file === "admin._index.tsx")!.url).toBe("/admin?index");
  expect(routes.find((r) => r.file === "admin.forms.$formId.versions.$versionId[.json].ts")).toMatchObject({
    url: `/admin/forms/${DUMMY}/versions/${DUMMY}.json`,
    page: false,
  });
});

/** A form that would do something if it got through: make someone an administrator, create an account. */
const INTRUDING_FORM = { intent: "duty", duty: "admin", username: "e2e-intruder", displayName: "x" };

/** A POST as a browser on our own pages sends it: the CSRF check lets it through, so a 403 is the role's. */
function post(request: APIRequestContext, baseURL: string, url: string, form: Record<string, string> = INTRUDING_FORM) {
  return request.post(url, { form, headers: { Origin: baseURL }, maxRedirects: 0 });
}

async function expectForbiddenEverywhere(page: Page, baseURL: string) {
  for (const route of routes) {
    const get = await page.request.get(route.url, { maxRedirects: 0 });
    expect(get.status(), `GET ${route.url} (${route.file})`).toBe(403);
    if (route.page) {
      const body = await get.body();
      expect(body.toString("utf8"), `GET ${route.url}`).toContain(FORBIDDEN_TITLE);
      await expectValidHtml(body, route.url);
    }

    const res = await post(page.request, baseURL, route.url);
    // A route without an action answers a POST with 405 (Remix) before any code of ours runs.
    expect(res.status(), `POST ${route.url} (${route.file})`).toBe(route.hasAction ? 403 : 405);
    if (route.hasAction && route.page) expect((await res.text()).includes(FORBIDDEN_TITLE), `POST ${route.url}`).toBe(true);
  }
}

test("a clerk gets 403 on every admin route, GET and POST", async ({ page, baseURL, db }) => {
  await signInAsStaff(page, "counter1");
  await expectForbiddenEverywhere(page, baseURL!);
  // The refused requests changed nothing.
  expect(db.prepare("select count(*) as n from staff_users where username = 'e2e-intruder'").get()).toEqual({ n: 0 });
  expect(db.prepare("select role from staff_users where username = 'counter1'").get()).toEqual({ role: "staff" });
});

test("a resident gets 403 on every admin route, GET and POST", async ({ page, baseURL }) => {
  await signInAsResident(page, "山﨑 美咲");
  await expectForbiddenEverywhere(page, baseURL!);
});

test("no one signed in is sent to the staff sign-in, GET and POST", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  try {
    for (const route of routes) {
      const get = await api.get(route.url, { maxRedirects: 0 });
      expect(get.status(), `GET ${route.url}`).toBe(302);
      expect(get.headers().location, `GET ${route.url}`).toMatch(/^\/staff\/login\?redirectTo=%2Fadmin/);
      if (!route.hasAction) continue;
      const res = await post(api, baseURL!, route.url);
      expect(res.status(), `POST ${route.url}`).toBe(302);
      expect(res.headers().location, `POST ${route.url}`).toMatch(/^\/staff\/login\?/);
    }
  } finally {
    await api.dispose();
  }
});

test("an administrator gets past the guard on every admin route (the 403s above are the role's)", async ({ page, baseURL }) => {
  await signInAsStaff(page, "admin1");
  for (const route of routes) {
    const get = await page.request.get(route.url, { maxRedirects: 0 });
    expect(get.status(), `GET ${route.url}`).not.toBe(403);
    expect(get.status(), `GET ${route.url}`).toBeLessThan(500);
    if (!route.hasAction) continue;
    // Dummy ids and a form that asks for nothing known: "not found" or "invalid", never "forbidden", never a crash.
    const res = await post(page.request, baseURL!, route.url, { intent: "e2e-nothing" });
    expect(res.status(), `POST ${route.url}`).not.toBe(403);
    expect(res.status(), `POST ${route.url}`).toBeLessThan(500);
  }
});

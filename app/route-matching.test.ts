/**
 * The server's route matching with patches/@remix-run+router (ADR 0041): a route tree is flattened and ranked once,
 * not on each of the six matches a page render makes, and matches stay what they were.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { AgnosticRouteObject, AgnosticRouteMatch } from "@remix-run/router";

// The server loads the CommonJS build (the browser's ESM build is not patched and not measured).
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as {
  matchRoutes: (routes: AgnosticRouteObject[], location: string) => AgnosticRouteMatch[] | null;
};

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "form", path: "procedures/:formId" },
      { id: "step", path: "procedures/:formId/steps/:stepId" },
      {
        id: "staff",
        path: "staff",
        children: [
          { id: "staff-index", index: true },
          { id: "detail", path: "submissions/:id" },
        ],
      },
      { id: "splat", path: "*" },
    ],
  },
];

/** A tree whose every array counts how often it is walked with forEach (what flattening does). */
function counted(routes: AgnosticRouteObject[], walks = { count: 0 }): AgnosticRouteObject[] {
  const inner = routes.map((r) => (r.children ? { ...r, children: counted(r.children, walks) } : r)) as AgnosticRouteObject[];
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key === "forEach") walks.count += 1;
      return Reflect.get(target, key, receiver);
    },
  });
}

const ids = (matches: AgnosticRouteMatch[] | null) => matches?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("finds the same routes and parameters as before", () => {
    const routes = tree();
    expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
    expect(matchRoutes(routes, "/procedures/juminhyo/steps/applicant")?.at(-1)?.params).toEqual({ formId: "juminhyo", stepId: "applicant" });
    expect(ids(matchRoutes(routes, "/PROCEDURES/juminhyo"))).toEqual(["root", "form"]);
    expect(ids(matchRoutes(routes, "/staff/submissions/42"))).toEqual(["root", "staff", "detail"]);
    expect(ids(matchRoutes(routes, "/nowhere/at/all"))).toEqual(["root", "splat"]);
  });

  it("flattens a tree once, however often it is matched", () => {
    const walks = { count: 0 };
    const routes = counted(tree(), walks);
    matchRoutes(routes, "/procedures/juminhyo/steps/applicant");
    const once = walks.count;
    expect(once).toBeGreaterThan(0);
    for (const path of ["/", "/procedures/juminhyo", "/procedures", "/staff/submissions/1"]) matchRoutes(routes, path);
    expect(walks.count).toBe(once);
  });

  it("sees routes added to a tree in place (lazy route discovery patches children in)", () => {
    const routes = tree();
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "splat"]);
    routes[0]!.children!.find((r) => r.id === "staff")!.children!.push({ id: "account", path: "account" });
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "staff", "account"]);
  });
});

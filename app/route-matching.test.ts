/**
 * The server's route matching with patches/ (ADR 0041): a route tree is flattened and ranked once, not on each of the
 * six matches a page render makes; a path matched before is not matched again; the route objects of a render are made
 * once per build; and matches stay what they were.
 */
import { createRequire } from "node:module";
import { createElement, useContext } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import type { AgnosticRouteObject, AgnosticRouteMatch } from "@remix-run/router";
import type * as ReactRouter from "react-router";

// The server loads the CommonJS build (the browser's ESM build is not patched and not measured).
const require = createRequire(import.meta.url);
const { matchRoutes, createStaticHandler } = require("@remix-run/router") as {
  matchRoutes: (routes: AgnosticRouteObject[], location: string) => AgnosticRouteMatch[] | null;
  createStaticHandler: (routes: AgnosticRouteObject[]) => { query: (request: Request) => Promise<unknown> };
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
    expect(matchRoutes(routes, "/procedures/any-procedure/steps/a-step")?.at(-1)?.params).toEqual({ formId: "any-procedure", stepId: "a-step" });
    expect(ids(matchRoutes(routes, "/PROCEDURES/any-procedure"))).toEqual(["root", "form"]);
    expect(ids(matchRoutes(routes, "/staff/submissions/42"))).toEqual(["root", "staff", "detail"]);
    expect(ids(matchRoutes(routes, "/nowhere/at/all"))).toEqual(["root", "splat"]);
  });

  it("flattens a tree once, however often it is matched", () => {
    const walks = { count: 0 };
    const routes = counted(tree(), walks);
    matchRoutes(routes, "/procedures/any-procedure/steps/a-step");
    const once = walks.count;
    expect(once).toBeGreaterThan(0);
    for (const path of ["/", "/procedures/any-procedure", "/procedures", "/staff/submissions/1"]) matchRoutes(routes, path);
    expect(walks.count).toBe(once);
  });

  it("sees routes added to a tree in place (lazy route discovery patches children in)", () => {
    const routes = tree();
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "splat"]);
    routes[0]!.children!.find((r) => r.id === "staff")!.children!.push({ id: "account", path: "account" });
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "staff", "account"]);
  });

  it("matches a path once: asked again, it hands out a copy of what it found", () => {
    const routes = tree();
    const first = matchRoutes(routes, "/procedures/any-procedure/steps/a-step")!;
    const tried = vi.spyOn(String.prototype, "match");
    const again = matchRoutes(routes, "/procedures/any-procedure/steps/a-step")!;
    expect(tried).not.toHaveBeenCalled();
    tried.mockRestore();
    expect(again).toEqual(first);
    // A caller that changes its matches changes only its own; one answer's matches still share their params.
    (again[1]!.params as Record<string, string>).stepId = "changed";
    again.pop();
    expect(again[0]!.params.stepId).toBe("changed");
    expect(matchRoutes(routes, "/procedures/any-procedure/steps/a-step")).toEqual(first);
    expect(matchRoutes(routes, "/procedures/any-procedure/steps/a-step")?.at(-1)?.params).toEqual({ formId: "any-procedure", stepId: "a-step" });
  });

  it("keeps paths apart: another path, or a route added since, is matched anew", () => {
    const routes = tree();
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "splat"]);
    expect(ids(matchRoutes(routes, "/staff/submissions/7"))).toEqual(["root", "staff", "detail"]);
    routes[0]!.children!.find((r) => r.id === "staff")!.children!.push({ id: "account", path: "account" });
    expect(ids(matchRoutes(routes, "/staff/account"))).toEqual(["root", "staff", "account"]);
    expect(matchRoutes(routes, "/staff/submissions/8")?.at(-1)?.params).toEqual({ id: "8" });
  });

  it("renders every request of a build with the same route objects (RemixServer and the static router)", async () => {
    const { RemixServer } = require("@remix-run/react") as typeof RemixReact;
    const { UNSAFE_DataRouterContext } = require("react-router") as typeof ReactRouter;
    const seen: unknown[] = [];
    function Root() {
      seen.push(useContext(UNSAFE_DataRouterContext)?.router.routes);
      return createElement("p", null, "root");
    }
    const manifestRoutes = {
      root: {
        id: "root",
        path: "",
        hasLoader: false,
        hasAction: false,
        hasClientLoader: false,
        hasClientAction: false,
        hasErrorBoundary: false,
        module: "/root.js",
      },
    };
    const routeModules = { root: { default: Root } };
    const future = { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: false, v3_lazyRouteDiscovery: false };
    const render = async () => {
      const staticHandlerContext = await createStaticHandler([{ id: "root", path: "" }]).query(new Request("http://localhost/"));
      const context = {
        manifest: { routes: manifestRoutes, entry: { module: "/entry.js", imports: [] }, url: "/manifest.js", version: "1" },
        routeModules,
        staticHandlerContext,
        future,
        isSpaMode: false,
        serverHandoffString: "{}",
        criticalCss: undefined,
        renderMeta: {},
      };
      return renderToString(createElement(RemixServer, { context: context as never, url: "http://localhost/" }));
    };
    expect(await render()).toContain("root");
    expect(await render()).toContain("root");
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeDefined();
    expect(seen[1]).toBe(seen[0]);
  });
});

/**
 * What the browser downloads, read from the built assets (`remix build`): per route, the gzipped JavaScript a page of
 * that route loads (the entry, the route's chain of modules and their chunks), and which source modules
 * end up in client chunks (build/metafile.js.json). Used by `npm run bench` and e2e/light-pages.spec.ts.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.join(import.meta.dirname, "..");

type Manifest = {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
};

function manifest(project: string): Manifest {
  const dir = path.join(project, "public/build");
  const file = fs.readdirSync(dir).find((f) => f.startsWith("manifest-") && f.endsWith(".js"));
  if (!file) throw new Error("No public/build/manifest-*.js: run `npm run build` first");
  return JSON.parse(
    fs
      .readFileSync(path.join(dir, file), "utf8")
      .replace(/^window\.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  );
}

/** Gzipped size of a built file, computed once: most pages share the same large chunks. */
const gzippedSizes = new Map<string, number>();
function gzipped(project: string, url: string) {
  const file = path.join(project, "public", url);
  let size = gzippedSizes.get(file);
  if (size === undefined) gzippedSizes.set(file, (size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length));
  return size;
}

/** Routes only staff use: their pages are not a resident's download. */
export const STAFF_ROUTE = /^routes\/(admin|staff|counter)/;

/** A route with a component renders a page; one without (a PDF, the language switch) is a resource route. */
function hasPage(project: string, route: { id: string }) {
  const source = [".tsx", ".ts"].map((ext) => path.join(project, "app", route.id + ext)).find((f) => fs.existsSync(f));
  // A route laid out otherwise (a folder, a re-exported default) must not drop out of the measure unnoticed.
  if (source === undefined) throw new Error(`No source file for ${route.id} in ${project}/app`);
  return /^export default /m.test(fs.readFileSync(source, "utf8"));
}

/** Gzipped bytes of JavaScript each route's page loads, largest first (resource routes load none and are left out). */
export function javaScriptPerRoute(project = root): { route: string; bytes: number; files: string[] }[] {
  const m = manifest(project);
  const pageRoutes = Object.values(m.routes).filter((route) => hasPage(project, route));
  return pageRoutes
    .map((route) => {
      // Not manifest-*.js: with lazy route discovery the page carries its part of the route manifest inline.
      const files = new Set([m.entry.module, ...m.entry.imports]);
      for (let r: typeof route | undefined = route; r; r = r.parentId ? m.routes[r.parentId] : undefined) {
        files.add(r.module);
        for (const chunk of r.imports ?? []) files.add(chunk);
      }
      return { route: route.id, bytes: [...files].reduce((sum, f) => sum + gzipped(project, f), 0), files: [...files] };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** Source modules of db/, *.server modules and server-only packages that are in a chunk the browser loads. */
export function serverCodeInClientChunks(): string[] {
  const meta = JSON.parse(fs.readFileSync(path.join(root, "build/metafile.js.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const serverOnly = /(^|\/)db\/|\.server\.[jt]sx?$|node_modules\/(drizzle-orm|better-sqlite3|sharp|pdf-lib|piscina|pino|otpauth|express)\//;
  return Object.entries(meta.outputs).flatMap(([output, { inputs }]) =>
    Object.keys(inputs)
      .filter((input) => !input.startsWith("empty-module:") && serverOnly.test(input))
      .map((input) => `${input} in ${path.basename(output)}`),
  );
}

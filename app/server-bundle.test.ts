/**
 * What remix.config.js compiles into the server build instead of leaving it to Node's module loader (ADR 0046).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "../remix.config.js";

const root = path.join(import.meta.dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const bundled = (name: string) => (config.serverDependenciesToBundle as RegExp[]).some((pattern) => pattern.test(name));

/** Above this, a package.json read again for each file loaded from the package costs more than the file itself. */
const LARGE_PACKAGE_JSON = 64 * 1024;

describe("the server build", () => {
  it("compiles in every dependency whose package.json Node would read again for each of its files", () => {
    // Node 24 works out each ES module file's package scope from its package.json, deserialised anew each time:
    // drizzle-orm's is 179 KB and the server loaded 450 of its files, 160 MB of garbage before the first request and
    // 300 MB resident at rest (159 MB once compiled in).
    const large = Object.keys(pkg.dependencies).filter((name) => fs.statSync(path.join(root, "node_modules", name, "package.json")).size > LARGE_PACKAGE_JSON);
    expect(large).toContain("drizzle-orm");
    for (const name of large) expect(bundled(name), `${name} is not in serverDependenciesToBundle`).toBe(true);
  });
});

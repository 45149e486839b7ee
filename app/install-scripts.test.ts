/**
 * npm runs a dependency's install script only when package.json's `allowScripts` names it (npm 12 blocks the rest, and
 * .npmrc makes npm 11 fail instead of warning). This reads the lock file and the installed packages, so a new
 * dependency with a script is caught by the unit tests on any npm (ADR 0044).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, unknown>;
const allowScripts = (read("package.json").allowScripts ?? {}) as Record<string, boolean>;
const locked = read("package-lock.json").packages as Record<string, { hasInstallScript?: boolean }>;
/**
 * Names of the locked packages with an install script ("node_modules/a/node_modules/@b/c" → "@b/c"). A binding.gyp
 * counts: npm 11.19's strict check then assumes `node-gyp rebuild` and fails the install, even where the package says
 * `gypfile: false` and npm would run nothing (better-sqlite3 13 keeps one beside its prebuilt binaries).
 */
const withInstallScripts = [
  ...new Set(
    Object.entries(locked)
      .filter(([where, entry]) => where && (entry.hasInstallScript || fs.existsSync(path.join(root, where, "binding.gyp"))))
      .map(([where]) => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length)),
  ),
];

describe("dependencies' install scripts", () => {
  it("are each approved or denied in package.json", () => {
    expect(withInstallScripts.filter((name) => !(name in allowScripts))).toEqual([]);
  });

  it("do not compile SQLite: better-sqlite3 runs no script and loads a prebuilt binary for Linux x64 and arm64", () => {
    const dir = path.join(root, "node_modules/better-sqlite3");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
      gypfile?: boolean;
      scripts?: Record<string, string>;
    };
    expect(manifest.gypfile).toBe(false);
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    for (const platform of ["linux-x64", "linux-arm64"]) expect(fs.existsSync(path.join(dir, `prebuilds/${platform}.node`)), platform).toBe(true);
    // Denied, so that npm's strict check (which sees its binding.gyp) lets the install through.
    expect(allowScripts["better-sqlite3"]).toBe(false);
  });

  it("list no package the lock file no longer has", () => {
    expect(Object.keys(allowScripts).filter((name) => !withInstallScripts.includes(name))).toEqual([]);
  });

  it("fail the install when unreviewed, instead of warning", () => {
    expect(fs.readFileSync(path.join(root, ".npmrc"), "utf8")).toMatch(/^strict-allow-scripts=true$/m);
  });
});

/**
 * .ci/node (ADR 0045), sourced by .ci/run and the npm scripts: it finds the Node.js major in .nvmrc and fetches it when
 * the machine has another.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.join(import.meta.dirname, "..", ".ci/node");

describe(".ci/node", () => {
  it("stops, fetching nothing, when sourced outside a project folder (it would take the newest Node.js of all)", () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-ci-node-"));
    const cache = path.join(elsewhere, "cache");
    const run = spawnSync("sh", ["-c", `. "${script}"`], {
      cwd: elsewhere,
      env: { ...process.env, XDG_CACHE_HOME: cache, GIT_CEILING_DIRECTORIES: path.dirname(elsewhere) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("No .nvmrc in");
    expect(fs.existsSync(cache)).toBe(false);
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it("puts the .nvmrc major on PATH in the project folder", () => {
    const run = spawnSync("sh", ["-c", `. "${script}" && node -p process.versions.node`], {
      cwd: path.dirname(script),
      encoding: "utf8",
      timeout: 120_000,
    });
    const want = fs
      .readFileSync(path.join(path.dirname(script), "..", ".nvmrc"), "utf8")
      .trim()
      .replace(/^v/, "");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)!.split(".")[0]).toBe(want);
  });
});

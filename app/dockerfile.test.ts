/**
 * The Dockerfile is built and run by scripts/check-image.sh where Docker is (CI has no Docker daemon), so what can go
 * wrong without a build is checked here: the install must see every file `npm ci` runs (its postinstall applies
 * patches/, ADR 0041), every file copied must exist, the image must start with safe defaults (issue 13), and the
 * operator's commands must still run once development dependencies are pruned.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_FILES } from "./backoffice/pdf-fonts.server";

const root = path.join(import.meta.dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
// A line ending in a backslash goes on in the next one.
const lines = fs
  .readFileSync(path.join(root, "Dockerfile"), "utf8")
  .replace(/\\\n\s*/g, "")
  .split("\n")
  .filter((l) => l.trim() && !l.trim().startsWith("#"));
// Lines before the first FROM (ARG) belong to no stage.
const stages = lines.reduce<string[][]>((all, l) => (l.startsWith("FROM ") ? [...all, [l]] : (all.at(-1)?.push(l), all)), []);
/** The sources of a stage's COPY lines from the build context (not --from another stage; flags such as --chown left out). */
const copied = (stage: string[]) =>
  stage
    .filter((l) => l.startsWith("COPY ") && !l.includes("--from="))
    .flatMap((l) => l.split(/\s+/).slice(1, -1))
    .filter((word) => !word.startsWith("--"));

describe("the Dockerfile", () => {
  const [build, run] = stages;

  it("copies what npm ci needs before it runs: the lock file, npm's settings, and the patches its postinstall applies", () => {
    const install = build!.findIndex((l) => /^RUN npm ci\b/.test(l));
    expect(install).toBeGreaterThan(0);
    const before = copied(build!.slice(0, install));
    expect(before).toEqual(expect.arrayContaining(["package.json", "package-lock.json"]));
    if (fs.existsSync(path.join(root, ".npmrc"))) expect(before).toContain(".npmrc");
    if (/patch-package/.test(pkg.scripts.postinstall ?? "")) expect(before).toContain("patches");
  });

  it("runs on the Node.js major the suite runs on (.nvmrc)", () => {
    const nvmrc = fs.readFileSync(path.join(root, ".nvmrc"), "utf8").trim();
    for (const stage of stages) expect(stage[0]).toMatch(new RegExp(`^FROM node:${nvmrc}-`));
  });

  it("copies only files that exist", () => {
    for (const source of copied(build!).filter((s) => s !== ".")) expect(fs.existsSync(path.join(root, source)), source).toBe(true);
  });

  it("runs in production with the demo off, as an unprivileged user, and reports readiness", () => {
    const env = run!.filter((l) => l.startsWith("ENV ")).join(" ");
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/DEMO=off/);
    expect(run).toContain("USER node");
    expect(run!.find((l) => l.startsWith("HEALTHCHECK"))).toContain("/readyz");
  });

  it("leaves development dependencies behind, but not what the commands of docs/operations.md run with", () => {
    const buildStage = build!.join("\n");
    expect(buildStage).toMatch(/npm run build && npm prune --omit=dev/);
    const operations = fs.readFileSync(path.join(root, "docs/operations.md"), "utf8");
    const commands = [...new Set([...operations.matchAll(/npm run\s+([\w:-]+)/g)].map((m) => m[1]!))].filter((c) => c !== "build");
    expect(commands).toEqual(expect.arrayContaining(["create-admin", "backup", "restore", "audit:verify", "retention"]));
    for (const command of commands) {
      const program = pkg.scripts[command]?.split(/\s+/)[0];
      expect(program === "node" || (program !== undefined && program in pkg.dependencies), `npm run ${command}: ${program}`).toBe(true);
    }
  });

  it("keeps the font files the staff printouts read, and of the font packages nothing else", () => {
    const buildStage = build!.join("\n");
    const find = /find (node_modules\/@expo-google-fonts) -name '\*\.ttf' ! -name '([^']+)' -delete/.exec(buildStage);
    expect(find, "the find that leaves the unused font weights behind").not.toBeNull();
    const kept = new RegExp(`^${find![2]!.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
    for (const file of FONT_FILES) {
      expect(file.startsWith("@expo-google-fonts/"), file).toBe(true);
      expect(path.basename(file), file).toMatch(kept);
    }
    // Every font package installed is one the printouts read: none is there only to be emptied.
    const packages = Object.keys(pkg.dependencies).filter((d) => d.startsWith("@expo-google-fonts/"));
    expect(packages.sort()).toEqual([...new Set(FONT_FILES.map((f) => f.split("/").slice(0, 2).join("/")))].sort());
    // What the pattern deletes is most of those packages, so the line is worth having.
    const fontFiles = packages.flatMap((p) =>
      fs.readdirSync(path.join(root, "node_modules", p), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ttf")),
    );
    expect(fontFiles.filter((f) => !kept.test(path.basename(f))).length).toBeGreaterThan(fontFiles.length / 2);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "./resources";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("translations", () => {
  it.each(Object.keys(resources).filter((l) => l !== "ja"))("%s has exactly the keys ja has, and no placeholder ja does not give", (lng) => {
    const own = resources[lng as keyof typeof resources].common;
    expect(keys(own).sort()).toEqual(keys(resources.ja.common).sort());
    const value = (root: unknown, key: string) => String(key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], root));
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    // A translation may leave one out (the 和暦 example is for Japanese readers only), never invent one.
    const differing = keys(resources.ja.common).filter((k) =>
      placeholders(value(own, k)).some((p) => !placeholders(value(resources.ja.common, k)).includes(p)),
    );
    expect(differing).toEqual([]);
  });

  it("every language is named in its own name in every language's switch", () => {
    for (const lng of Object.keys(resources) as (keyof typeof resources)[])
      expect(Object.keys(resources[lng].common.language.names).sort()).toEqual(Object.keys(resources).sort());
  });

  it("no translation is empty", () => {
    for (const lng of Object.keys(resources) as (keyof typeof resources)[]) {
      const flat = keys(resources[lng].common).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resources[lng].common));
      expect(flat.filter((v) => typeof v !== "string" || v.trim() === "")).toEqual([]);
    }
  });

  it("every literal key used with t() in app/ exists in ja", () => {
    const known = new Set(keys(resources.ja.common));
    const appDir = path.resolve(import.meta.dirname, "..");
    const used = sourceFiles(appDir).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)].map((m) => `${path.relative(appDir, file)}: ${m[1]}`),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => !known.has(u.split(": ")[1]!))).toEqual([]);
  });
});

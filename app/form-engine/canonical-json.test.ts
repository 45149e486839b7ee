import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonical JSON", () => {
  it("sorts keys at every level and keeps the text stored definition hashes were made from", () => {
    const a = { b: 1, a: [1, "x", { d: null, c: true }], $schema: "s" };
    expect(canonicalJson(a, (k) => k === "$schema")).toBe('{"a":[1,"x",{"c":true,"d":null}],"b":1}');
    expect(canonicalJson({ a: [1, "x", { c: true, d: null }], b: 1 })).toBe(canonicalJson({ b: 1, a: [1, "x", { d: null, c: true }] }));
  });
  it("drops what `omit` names", () => {
    const omit = (k: string, v: unknown) => k.startsWith("_") || v === "";
    expect(canonicalJson({ x: "1", _offered: 0, y: "" }, omit)).toBe(canonicalJson({ x: "1" }, omit));
  });
});

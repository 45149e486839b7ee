import { describe, expect, it } from "vitest";
import { parseDefinition } from "./definition";

const minimal = () => ({
  id: "sample",
  version: "1",
  title: "見本",
  description: "見本の手続き",
  guidance: { duration: "1分" },
  declaration: "誤りはありません",
  afterSubmit: ["連絡します"],
  steps: [
    { id: "one", title: "一", fields: [{ type: "yesNo", name: "pet", label: "ペットはいますか" }] },
    { id: "two", title: "二", showIf: { field: "pet", op: "eq", value: "yes" }, fields: [{ type: "text", name: "petName", label: "名前" }] },
  ],
});

describe("definition meta-schema", () => {
  it("accepts a minimal definition", () => {
    expect(parseDefinition(minimal()).ok).toBe(true);
  });

  it("rejects a reference to a field that does not exist, with its path", () => {
    const def = minimal();
    def.steps[1]!.showIf = { field: "cat", op: "eq", value: "yes" };
    expect(parseDefinition(def)).toEqual({ ok: false, problems: ['steps.1.showIf: condition refers to a field that does not exist: "cat"'] });
  });

  it("rejects duplicate field names, with the path of the second", () => {
    const def = minimal();
    def.steps[1]!.fields.push({ type: "text", name: "pet", label: "重複" });
    const result = parseDefinition(def);
    expect(result.ok ? [] : result.problems).toContain('steps.1.fields.1.name: duplicate field name "pet"');
  });

  it("rejects a condition on a later step's field", () => {
    const def = minimal();
    (def.steps[0]!.fields[0] as Record<string, unknown>).showIf = { field: "petName", op: "notEmpty" };
    expect(parseDefinition(def)).toEqual({ ok: false, problems: ['steps.0.fields.0.showIf: condition refers to "petName", a field on a later step'] });
  });

  it("rejects unknown field types and missing Japanese text", () => {
    const def = minimal();
    (def.steps[0]!.fields[0] as Record<string, unknown>).type = "slider";
    (def as Record<string, unknown>).title = { en: "Sample" };
    const result = parseDefinition(def);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith("steps.0.fields.0.type"))).toBe(true);
    expect(problems.some((p) => p.startsWith("title"))).toBe(true);
  });
});

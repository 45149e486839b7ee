import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinition } from "./definition";
import { definitionTexts } from "./texts";

const tennyu = () => {
  const r = parseDefinition(JSON.parse(fs.readFileSync("forms/tennyu.json", "utf8")));
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.definition;
};

describe("definitionTexts", () => {
  it("finds the texts of the form, its steps, fields, options, group items and afterSubmit, and nothing else", () => {
    const texts = definitionTexts(tennyu());
    const paths = texts.map((t) => t.path.join("."));
    expect(paths).toContain("title");
    expect(paths).toContain("guidance.duration");
    expect(paths).toContain("steps.0.title");
    expect(paths).toContain("steps.0.fields.0.label");
    expect(paths).toContain("steps.0.fields.0.prefill.mark");
    expect(paths).toContain("steps.0.fields.1.options.0.label");
    expect(paths).toContain("steps.3.fields.0.itemLabel");
    expect(paths).toContain("steps.3.fields.0.fields.0.label");
    expect(paths).toContain("declaration");
    expect(paths).toContain("afterSubmit.0");
    // names, ids, values, paths and conditions are not texts
    expect(paths.filter((p) => /\.(name|id|type|value|path|showIf.*)$/.test(p))).toEqual([]);
    expect(texts.every((t) => typeof t.text === "string" || typeof t.text.ja === "string")).toBe(true);
  });
});

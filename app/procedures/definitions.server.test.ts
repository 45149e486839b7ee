import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { definitionJsonSchema, parseDefinition } from "./definitions.server";

const formsDir = path.resolve(import.meta.dirname, "../../forms");
const shipped = fs.readdirSync(formsDir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(formsDir, f), "utf8")) as Record<string, unknown>;

describe("shipped definitions, with the registered prefill sources", () => {
  it.each(shipped)("accepts the shipped form %s", (file) => {
    const result = parseDefinition(load(file));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("ships the three anchor procedures and those a family move-in brings with it", () => {
    expect(shipped.sort()).toEqual(["hoikusho.json", "jidou-teate.json", "juminhyo.json", "kodomo-iryouhi.json", "kokuho-kanyu.json", "tennyu.json"]);
  });

  it("has its generated JSON Schema committed and up to date (npm run forms:schema)", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(formsDir, "definition.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(definitionJsonSchema())));
  });
});

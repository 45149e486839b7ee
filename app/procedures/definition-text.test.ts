import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { testT } from "../test/i18n";
import { describeTextProblem, MAX_DEFINITION_TEXT_LENGTH, parseDefinitionText, positionAt, positionOfPath } from "./definition-text";
import { parseDefinitionText as parseWithSources } from "./definitions.server";

const juminhyo = fs.readFileSync("forms/juminhyo.json", "utf8");
/** The line (from 1) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split("\n").length;

describe("parseDefinitionText", () => {
  it("accepts every shipped form, with the app's prefill sources", () => {
    for (const file of ["juminhyo", "tennyu", "hoikusho"]) {
      const r = parseWithSources(fs.readFileSync(`forms/${file}.json`, "utf8"));
      expect(r.ok, file).toBe(true);
    }
  });

  it("names the line, column and path of a JSON syntax error", () => {
    const text = '{\n  "id": "x",\n  "steps": [\n    { "id": "a" "title": "t" }\n  ]\n}\n';
    const r = parseDefinitionText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ kind: "syntax", code: "CommaExpected", line: 4, column: 17, path: ["steps", 0, "title"] });
  });

  it("reports a trailing comma and a comment, which JSON does not allow", () => {
    const trailing = parseDefinitionText('{\n  "id": "x",\n}');
    expect(!trailing.ok && trailing.problems[0]).toMatchObject({ kind: "syntax", line: 3 });
    const comment = parseDefinitionText('{\n  // note\n  "id": "x"\n}');
    expect(!comment.ok && comment.problems[0]).toMatchObject({ kind: "syntax", code: "InvalidCommentToken", line: 2 });
  });

  it("reports a key given twice (JSON.parse would keep the last one silently)", () => {
    const r = parseDefinitionText('{\n  "id": "a",\n  "id": "b"\n}');
    expect(!r.ok && r.problems).toEqual([expect.objectContaining({ kind: "syntax", code: "DuplicateKey", line: 3, column: 3 })]);
  });

  it("reports empty text and text that is too long, without parsing it", () => {
    expect(parseDefinitionText("").ok).toBe(false);
    const r = parseDefinitionText(" ".repeat(MAX_DEFINITION_TEXT_LENGTH + 1));
    expect(!r.ok && r.problems).toEqual([expect.objectContaining({ code: "TooLong", line: 1 })]);
  });

  it("reads a file saved with a byte order mark", () => {
    expect(parseDefinitionText(`\uFEFF${juminhyo}`).ok).toBe(true);
  });

  it("puts every meta-schema problem on the line of its node, with the step and the question", () => {
    const json = JSON.parse(juminhyo);
    json.steps[1].fields[1].bogus = true; // copies
    delete json.steps[0].fields[3].label; // applicantPhone
    json.steps[2].fields[0].fields[1].label = { en: "Date of birth" }; // persons.birthDate: no ja
    const text = JSON.stringify(json, null, 2);
    const r = parseDefinitionText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({
        kind: "schema",
        path: ["steps", 0, "fields", 3, "label"],
        message: "required",
        stepId: "applicant",
        fieldName: "applicantPhone",
        line: lineOf(text, '"name": "applicantPhone"') - 2, // the field's opening brace
      }),
      expect.objectContaining({
        path: ["steps", 1, "fields", 1, "bogus"],
        message: 'unknown key "bogus"',
        stepId: "request",
        fieldName: "copies",
        question: "必要な通数",
        line: lineOf(text, '"bogus"'),
        column: 11,
      }),
      expect.objectContaining({
        path: ["steps", 2, "fields", 0, "fields", 1, "label", "ja"],
        stepId: "persons",
        fieldName: "persons",
        itemFieldName: "birthDate",
        line: lineOf(text, '"en": "Date of birth"', text.indexOf('"id": "persons"')) - 1, // the label key
      }),
    ]);
  });

  it("names the path of a reference problem found after the shape (a condition on an unknown field)", () => {
    const json = JSON.parse(juminhyo);
    json.steps[1].fields[4].showIf = { field: "nope", op: "eq", value: "x" };
    const text = JSON.stringify(json, null, 2);
    const r = parseDefinitionText(text);
    expect(!r.ok && r.problems).toEqual([
      expect.objectContaining({
        path: ["steps", 1, "fields", 4, "showIf"],
        fieldName: "purposeOther",
        line: lineOf(text, '"showIf"', text.indexOf('"purposeOther"')),
      }),
    ]);
  });

  it("checks bindings only against the sources it is given", () => {
    const json = JSON.parse(juminhyo);
    json.steps[0].fields[3].prefill.path = "profile.fax";
    const text = JSON.stringify(json, null, 2);
    expect(parseDefinitionText(text).ok).toBe(true);
    const r = parseWithSources(text);
    expect(!r.ok && r.problems[0]).toMatchObject({ path: ["steps", 0, "fields", 3, "prefill", "path"], line: lineOf(text, "profile.fax") });
  });
});

describe("positions", () => {
  it("counts lines and columns from 1", () => {
    expect(positionAt("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });

  it("finds a path in a text, or the nearest node above a missing one", () => {
    expect(positionOfPath(juminhyo, ["steps", 1, "id"])).toEqual({ line: lineOf(juminhyo, '"id": "request"'), column: 7 });
    expect(positionOfPath(juminhyo, ["steps", 1, "nothing"])?.line).toBe(lineOf(juminhyo, '"id": "request"') - 1);
  });
});

describe("describeTextProblem", () => {
  it("says every problem in ja and en", () => {
    const texts = ['{"a": 1,}', "{/* x */}", '{"a" 1}', '{"a": [1}', '{"a": "b', '{"a": 01}', "{} {}", '{"a":1,"a":2}', "[", '{"a": "\\q"}', "{}"];
    const problems = texts.flatMap((t) => {
      const r = parseDefinitionText(t);
      return r.ok ? [] : r.problems;
    });
    expect(new Set(problems.map((p) => p.code ?? p.kind)).size).toBeGreaterThan(8);
    for (const lng of ["ja", "en"] as const)
      for (const p of problems) {
        const { key, params } = describeTextProblem(p);
        const words = `${testT(lng)("admin.definitionText.at", params)} ${testT(lng)(key, params)}`;
        expect(words, `${lng} ${key}`).not.toMatch(/admin\.|\{\{/);
      }
    expect(testT("ja")("admin.definitionText.at", describeTextProblem(problems[0]!).params)).toBe("1行目 9文字目");
  });
});

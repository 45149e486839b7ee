import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Condition } from "../../../form-engine/conditions";
import { baseField, defineFieldType } from "../../../form-engine/field-type";
import { defineFieldView } from "../../../form-engine/field-view";
import { options } from "../../../form-engine/fields/choices.rules";
import { getFieldType } from "../../../form-engine/field-types";
import { localizedText } from "../../../form-engine/localized-schema";
import { createProcedure, getFormDraft, publishFormDraft, saveFormDraft, startEditing } from "../../../procedures/lifecycle.server";
import { useTestDatabase } from "../../../test/db";
import { testT } from "../../../test/i18n";
import { addStaff } from "../../../test/submissions";
import { applyConditionCommand, conditionEntries, formOf, hasMenus, questionsBefore, readCondition } from "./condition-editor";
import { postQuestion, showQuestion } from "./question-actions.server";
import { editableProperties, questionSkeleton } from "./properties";
import { applyCommand, duplicateOptionValues, readQuestion, type QuestionDraft } from "./question-form";

const t = testT();

/** A field type the builder has never heard of: its editor comes from its schema alone. */
const fakeDefinition = z
  .object({
    ...baseField,
    type: z.literal("stamp"),
    colour: z.enum(["red", "blue"]),
    size: z.number().int().min(1).max(9).default(3),
    round: z.boolean().default(false),
    caption: localizedText,
    shapes: options,
    note: z.string().optional(),
    layout: z.object({ grid: z.array(z.number()) }).optional(),
  })
  .strict();
const fakeType = defineFieldType(
  defineFieldView<z.infer<typeof fakeDefinition>>({ type: "stamp", hasValue: true, normalize: (raw) => raw, format: (v) => String(v), Render: () => <p /> }),
  { definition: fakeDefinition, schema: () => z.string() },
);

describe("properties from a field type's own schema", () => {
  it("gives a new field type an editor for each of its properties", () => {
    const kinds = Object.fromEntries(editableProperties(fakeType).map((p) => [p.key, p.kind]));
    expect(kinds).toEqual({
      name: "name",
      label: "localized",
      hint: "localized",
      required: "boolean",
      showIf: "condition",
      requiredIf: "condition",
      prefill: "prefill",
      colour: "enum",
      size: "number",
      round: "boolean",
      caption: "localized",
      shapes: "options",
      note: "text",
      layout: "json",
    });
    const size = editableProperties(fakeType).find((p) => p.key === "size")!;
    expect(size).toMatchObject({ integer: true, min: 1, max: 9, default: 3, required: false });
    expect(editableProperties(fakeType).find((p) => p.key === "colour")).toMatchObject({ enum: ["red", "blue"], required: true });
  });

  it("reads the fake type's form back into a definition its schema accepts", () => {
    const props = editableProperties(fakeType);
    const form = formOf([
      ["name", "stamp1"],
      ["p.label.ja", "印"],
      ["p.label.en", "Stamp"],
      ["p.colour", "blue"],
      ["p.size", "5"],
      ["p.round", "yes"],
      ["p.required", "yes"],
      ["p.caption.ja", "見出し"],
      ["opt.shapes.0.value", "circle"],
      ["opt.shapes.0.label.ja", "丸"],
      ["p.note", ""],
    ]);
    const read = readQuestion(form, { type: "stamp", name: "x", label: "x", layout: { grid: [1] } }, props, ["ja", "en"], true);
    expect(read).toEqual({
      type: "stamp",
      name: "stamp1",
      label: { ja: "印", en: "Stamp" },
      colour: "blue",
      size: 5,
      round: true,
      caption: { ja: "見出し" },
      shapes: [{ value: "circle", label: { ja: "丸" } }],
      layout: { grid: [1] },
    });
    expect(fakeType.definition.safeParse(read).success).toBe(true);
  });

  it("gives every registered type a skeleton with its required properties", () => {
    const props = editableProperties(getFieldType("radio"));
    expect(props.find((p) => p.key === "options")?.kind).toBe("options");
    expect(questionSkeleton(getFieldType("radio"), "q", "質問", (n) => `選択肢${n}`)).toEqual({
      type: "radio",
      name: "q",
      label: { ja: "質問" },
      options: [{ value: "option1", label: { ja: "選択肢1" } }],
    });
    expect(getFieldType("radio").definition.safeParse(questionSkeleton(getFieldType("radio"), "q", "質問", String)).success).toBe(true);
  });
});

/** Every condition in the shipped procedures, where it stands. */
function shippedConditions(): [string, Condition][] {
  const out: [string, Condition][] = [];
  const dir = path.resolve(import.meta.dirname, "../../../../forms");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))) {
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}.${i}`));
      else if (node && typeof node === "object")
        for (const [key, value] of Object.entries(node)) {
          if (["showIf", "requiredIf", "when", "filter"].includes(key)) out.push([`${file}${at}.${key}`, value as Condition]);
          else walk(value, `${at}.${key}`);
        }
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), "");
  }
  return out;
}

describe("condition editor", () => {
  const conditions = shippedConditions();

  it("finds the shipped conditions", () => expect(conditions.length).toBeGreaterThan(20));

  it.each(conditions)("reads %s into menus and out again unchanged", (_where, condition) => {
    const back = readCondition(formOf(conditionEntries(condition, "p.showIf")), "p.showIf");
    expect(back).toEqual(condition);
    expect(JSON.stringify(back)).toBe(JSON.stringify(condition));
    expect(hasMenus(condition)).toBe(true);
  });

  it("builds a condition from menus: question, operator, values", () => {
    let c = applyConditionCommand(undefined, "p.showIf", "add", "p.showIf");
    expect(c).toEqual({ field: "", op: "eq", value: "" });
    // The page posts the menus as chosen: a question with options and two of them ticked.
    c = readCondition(
      formOf([
        ["p.showIf.kind", "compare"],
        ["p.showIf.field", "purpose"],
        ["p.showIf.op", "in"],
        ["p.showIf.values", "bank"],
        ["p.showIf.values", "other"],
      ]),
      "p.showIf",
    );
    expect(c).toEqual({ field: "purpose", op: "in", value: ["bank", "other"] });
    c = applyConditionCommand(c, "p.showIf", "add", "p.showIf");
    expect(c).toEqual({
      all: [
        { field: "purpose", op: "in", value: ["bank", "other"] },
        { field: "", op: "eq", value: "" },
      ],
    });
    c = applyConditionCommand(c, "p.showIf", "add", "p.showIf");
    expect((c as { all: Condition[] }).all).toHaveLength(3);
    c = applyConditionCommand(c, "p.showIf", "remove", "p.showIf.1");
    c = applyConditionCommand(c, "p.showIf", "remove", "p.showIf.1");
    // A list of one is that condition again.
    expect(c).toEqual({ field: "purpose", op: "in", value: ["bank", "other"] });
    expect(applyConditionCommand(c, "p.showIf", "remove", "p.showIf")).toBeUndefined();
    // No value for "is answered"; numbers stay numbers for "less than"; a typed list is split.
    expect(
      readCondition(
        formOf([
          ["c.kind", "compare"],
          ["c.field", "x"],
          ["c.op", "notEmpty"],
          ["c.value", "ignored"],
        ]),
        "c",
      ),
    ).toEqual({ field: "x", op: "notEmpty" });
    expect(
      readCondition(
        formOf([
          ["c.kind", "compare"],
          ["c.field", "x"],
          ["c.op", "lt"],
          ["c.value", "120"],
        ]),
        "c",
      ),
    ).toEqual({ field: "x", op: "lt", value: 120 });
    expect(
      readCondition(
        formOf([
          ["c.kind", "compare"],
          ["c.field", "x"],
          ["c.op", "notIn"],
          ["c.value", "a, b、c"],
        ]),
        "c",
      ),
    ).toEqual({ field: "x", op: "notIn", value: ["a", "b", "c"] });
    // 「当てはまらないとき」 and "some item of a group".
    expect(
      readCondition(
        formOf([
          ["c.negate", "yes"],
          ["c.kind", "compare"],
          ["c.field", "guardians"],
          ["c.op", "someItem"],
          ["c.where.kind", "compare"],
          ["c.where.field", "reason"],
          ["c.where.op", "eq"],
          ["c.where.value", "work"],
        ]),
        "c",
      ),
    ).toEqual({ not: { someItem: { group: "guardians", where: { field: "reason", op: "eq", value: "work" } } } });
  });

  it("offers the questions before this one, by label, with their choices", () => {
    const def = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../../forms/juminhyo.json"), "utf8"));
    const questions = questionsBefore(def.steps, { stepIndex: 1, fieldIndex: 4 }, "ja", t);
    const names = questions.map((q) => q.name);
    expect(names).toContain("purpose");
    expect(names).not.toContain(def.steps[1].fields[4].name);
    expect(names).not.toContain(def.steps[2].fields[0].name);
    const purpose = questions.find((q) => q.name === "purpose")!;
    expect(purpose.label).toBe(def.steps[1].fields.find((f: { name: string }) => f.name === "purpose").label.ja);
    expect(purpose.choices?.map((c) => c.value)).toContain("other");
  });
});

describe("options editor", () => {
  it("adds, moves and removes options, and finds duplicate values", () => {
    const props = editableProperties(getFieldType("radio"));
    let q: QuestionDraft = { type: "radio", name: "r", label: "R", options: [{ value: "a", label: "A" }] };
    const blank = (n: number) => ({ value: `option${n}`, label: { ja: `選択肢${n}` } });
    q = applyCommand(q, { verb: "opt", what: "add", key: "options", index: 0 }, props, blank);
    q = applyCommand(q, { verb: "opt", what: "up", key: "options", index: 1 }, props, blank);
    expect((q.options as { value: string }[]).map((o) => o.value)).toEqual(["option2", "a"]);
    q = applyCommand(q, { verb: "opt", what: "remove", key: "options", index: 0 }, props, blank);
    expect((q.options as { value: string }[]).map((o) => o.value)).toEqual(["a"]);
    expect(duplicateOptionValues([{ value: "a" }, { value: "b" }, { value: "a" }])).toEqual([2]);
  });
});

describe("saving a question into the working copy", () => {
  const admin = { staffId: "admin-1" };
  const ref = { formId: "sample", stepId: "step-1", name: "question1" };
  beforeEach(() => {
    useTestDatabase();
    addStaff("admin-1");
    createProcedure({ formId: "sample", title: "見本" }, admin);
  });
  const page = () => {
    const shown = showQuestion(ref, "ja", t);
    if (shown.kind !== "page") throw new Error("no page");
    return shown.page;
  };
  const post = (entries: [string, string][]) => postQuestion(ref, formOf([["updatedAt", String(page().updatedAt)], ...entries]), admin, "ja", t);

  it("saves label, hint and required, with the concurrency check", () => {
    const result = post([
      ["_action", "save"],
      ["name", "question1"],
      ["p.label.ja", "お名前"],
      ["p.hint.ja", "戸籍のとおり"],
      ["p.maxLength", "100"],
    ]);
    expect(result).toEqual({ kind: "redirect", to: "/admin/forms/sample/edit/steps/step-1/questions/question1?saved=1" });
    const saved = (getFormDraft("sample")!.definition as { steps: { fields: unknown[] }[] }).steps[0]!.fields[0];
    expect(saved).toEqual({ type: "text", name: "question1", label: { ja: "お名前" }, hint: { ja: "戸籍のとおり" }, required: false, maxLength: 100 });
    // A page loaded before someone else saved is refused, not silently overwritten.
    const stale = postQuestion(
      ref,
      formOf([
        ["updatedAt", "1"],
        ["_action", "save"],
        ["name", "question1"],
        ["p.label.ja", "X"],
      ]),
      admin,
      "ja",
      t,
    );
    expect(stale).toMatchObject({ kind: "page", status: 409 });
  });

  it("refuses an invalid question, naming it, and stores nothing", () => {
    const before = JSON.stringify(getFormDraft("sample")!.definition);
    const result = post([
      ["_action", "save"],
      ["name", "1bad"],
      ["p.label.ja", ""],
      ["p.maxLength", "many"],
      ["p.required", "yes"],
    ]);
    expect(result.kind).toBe("page");
    if (result.kind !== "page") return;
    expect(result.status).toBe(400);
    expect(result.errors.map((e) => e.target)).toEqual(expect.arrayContaining(["q-name", "q-p-label-ja", "q-p-maxLength"]));
    expect(result.errors.every((e) => e.message.includes("1bad"))).toBe(true);
    expect(JSON.stringify(getFormDraft("sample")!.definition)).toBe(before);
  });

  it("locks the name once a version with it was published, and explains why", () => {
    expect(page().nameEditable).toBe(true);
    publishFormDraft("sample", admin);
    startEditing("sample", admin);
    expect(page().nameEditable).toBe(false);
    post([
      ["_action", "save"],
      ["name", "renamed"],
      ["p.label.ja", "質問1"],
      ["p.required", "yes"],
    ]);
    expect(JSON.stringify(getFormDraft("sample")!.definition)).toContain('"name":"question1"');
  });

  it("edits a group's own questions on their own page", () => {
    const def = structuredClone(getFormDraft("sample")!.definition) as { steps: { fields: unknown[] }[] };
    def.steps[0]!.fields.push({ type: "group", name: "people", label: "人", itemLabel: "人", fields: [{ type: "text", name: "who", label: "誰" }] });
    saveFormDraft("sample", def, admin);
    const groupRef = { formId: "sample", stepId: "step-1", name: "people" };
    const updatedAt = () => String(getFormDraft("sample")!.updatedAt.getTime());
    const added = postQuestion(
      groupRef,
      formOf([
        ["updatedAt", updatedAt()],
        ["_action", "child:add"],
        ["name", "people"],
        ["child.type", "yesNo"],
        ["p.label.ja", "人"],
        ["p.itemLabel.ja", "人"],
        ["p.required", "yes"],
      ]),
      admin,
      "ja",
      t,
    );
    expect(added).toMatchObject({ kind: "redirect" });
    const childRef = { ...groupRef, child: "question2" };
    const child = showQuestion(childRef, "ja", t);
    expect(child.kind === "page" && child.page.parent?.name).toBe("people");
    expect(child.kind === "page" && child.page.conditionQuestions.map((q) => q.name)).toEqual(["who", "question1"]);
  });
});

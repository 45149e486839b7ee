import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prefillSources } from "../prefill/prefill-sources.server";
import { testT } from "../test/i18n";
import { canHold, lintDefinition, MAX_QUESTIONS_PER_STEP, normaliseText, type LintFinding } from "./lint";
import { lintDefinition as lintWithSources } from "./definitions.server";

const ctx = { catalog: prefillSources.catalog };
/** Definitions under test are edited freely, as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A small valid form in ja and en: a contact step and a request step. */
function form(edit: (d: Record<string, Loose>) => void = () => {}) {
  const d: Record<string, Loose> = {
    id: "sample",
    version: "1",
    title: { ja: "見本の手続き", en: "Sample" },
    description: { ja: "説明", en: "About" },
    guidance: { duration: { ja: "5分", en: "5 minutes" } },
    steps: [
      {
        id: "contact",
        title: { ja: "連絡先", en: "Contact" },
        fields: [
          { type: "phone", name: "phone", label: { ja: "電話番号", en: "Phone" }, prefill: { path: "profile.phone" } },
          { type: "yesNo", name: "hasEmail", label: { ja: "メールを使いますか", en: "Do you use e-mail?" } },
          { type: "email", name: "email", label: { ja: "メールアドレス", en: "E-mail" }, showIf: { field: "hasEmail", op: "eq", value: "yes" } },
        ],
      },
      {
        id: "request",
        title: { ja: "請求の内容", en: "Request" },
        fields: [
          {
            type: "radio",
            name: "purpose",
            label: { ja: "使いみち", en: "Purpose" },
            options: [
              { value: "work", label: { ja: "仕事", en: "Work" } },
              { value: "other", label: { ja: "その他", en: "Other" } },
            ],
          },
          {
            type: "text",
            name: "purposeOther",
            label: { ja: "その他の使いみち", en: "Other purpose" },
            showIf: { field: "purpose", op: "eq", value: "other" },
          },
        ],
      },
    ],
    declaration: { ja: "誓います", en: "I declare" },
    afterSubmit: [{ ja: "お待ちください", en: "Please wait" }],
  };
  edit(d);
  return d;
}

const rules = (findings: LintFinding[]) => findings.map((f) => `${f.rule} ${f.path.join(".")}`);

describe("lintDefinition", () => {
  it("finds nothing in a clean form", () => {
    expect(lintDefinition(form(), ctx)).toEqual({ errors: [], warnings: [] });
  });

  it("finds no error in the shipped forms", () => {
    for (const file of fs.readdirSync("forms").filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))) {
      expect(lintWithSources(JSON.parse(fs.readFileSync(`forms/${file}`, "utf8"))).errors, file).toEqual([]);
    }
  });

  it("gives meta-schema problems as errors, pointing to the step and question, and runs no other rule", () => {
    const r = lintDefinition(
      form((d) => {
        d.steps[1].fields[0].options[0].value = "";
        d.title = { ja: "見本" }; // would be missing nothing anyway
      }),
      ctx,
    );
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        rule: "schema",
        severity: "error",
        path: ["steps", 1, "fields", 0, "options", 0, "value"],
        stepId: "request",
        fieldName: "purpose",
        message: { key: "admin.lint.schema", params: { path: "steps.1.fields.0.options.0.value", detail: expect.any(String) } },
      }),
    ]);
  });

  describe("a text missing in a declared language", () => {
    it("is an error naming the question, the step or the part of the form", () => {
      const r = lintDefinition(
        form((d) => {
          d.steps[0].fields[0].label = "電話番号";
          d.steps[1].title = { ja: "請求の内容", en: " " };
          d.declaration = "誓います";
          d.steps[1].fields[0].options[1].label = { ja: "その他" };
        }),
        ctx,
      );
      expect(r.errors.map((f) => [f.path.join("."), f.message])).toEqual([
        ["steps.0.fields.0.label", { key: "admin.lint.missingText.question", params: { question: "電話番号", language: "en" } }],
        ["steps.1.title", { key: "admin.lint.missingText.step", params: { step: "請求の内容", language: "en" } }],
        ["steps.1.fields.0.options.1.label", { key: "admin.lint.missingText.question", params: { question: "使いみち", language: "en" } }],
        ["declaration", { key: "admin.lint.missingText.form", params: { part: "declaration", language: "en" } }],
      ]);
      expect(r.errors[0]).toMatchObject({ rule: "missingText", stepId: "contact", fieldName: "phone" });
    });

    it("follows `languages` when the form declares them, else the languages of the title", () => {
      const jaOnly = form((d) => {
        d.languages = ["ja"];
        d.steps[0].fields[0].label = "電話番号";
      });
      expect(lintDefinition(jaOnly, ctx).errors).toEqual([]);
      const untranslatedTitle = form((d) => {
        d.title = "見本の手続き";
        d.steps[0].fields[0].label = "電話番号";
      });
      expect(lintDefinition(untranslatedTitle, ctx).errors).toEqual([]);
      const threeLanguages = form((d) => (d.languages = ["ja", "en", "zh"]));
      expect(lintDefinition(threeLanguages, ctx).errors.length).toBeGreaterThan(10);
      expect(lintDefinition(threeLanguages, ctx).errors.every((f) => f.message.params.language === "zh")).toBe(true);
    });

    it("does not ask for a translation of the printed form's title (the PDF is always Japanese)", () => {
      expect(
        lintDefinition(
          form((d) => (d.pdf = { title: "見本請求書" })),
          ctx,
        ).errors,
      ).toEqual([]);
    });
  });

  describe("personal data without an autocomplete token", () => {
    it("warns for a field bound to the resident's own data that renders no token", () => {
      const r = lintDefinition(
        form((d) =>
          d.steps[0].fields.push(
            { type: "date", name: "birth", label: { ja: "生年月日", en: "Date of birth" }, prefill: { path: "identity.birthDate", mode: "fixed" } },
            { type: "text", name: "employer", label: { ja: "勤務先", en: "Employer" }, prefill: { path: "profile.employer" } },
            { type: "text", name: "employer2", label: { ja: "勤務先", en: "Employer" }, autocomplete: "off", prefill: { path: "profile.employer" } },
          ),
        ),
        ctx,
      );
      expect(r.errors).toEqual([]);
      expect(r.warnings.map((f) => [f.rule, f.fieldName, f.message])).toEqual([
        ["autocomplete", "birth", { key: "admin.lint.autocomplete", params: { question: "生年月日" } }],
        ["autocomplete", "employer", { key: "admin.lint.autocomplete", params: { question: "勤務先" } }],
        ["autocomplete", "employer2", { key: "admin.lint.autocomplete", params: { question: "勤務先" } }],
      ]);
    });

    it("is satisfied by the token (birthDate, autocomplete) and ignores data that is not the resident's own", () => {
      const r = lintDefinition(
        form((d) =>
          d.steps[0].fields.push(
            {
              type: "date",
              name: "birth",
              birthDate: true,
              label: { ja: "生年月日", en: "Date of birth" },
              prefill: { path: "identity.birthDate", mode: "fixed" },
            },
            { type: "text", name: "employer", autocomplete: "organization", label: { ja: "勤務先", en: "Employer" }, prefill: { path: "profile.employer" } },
            { type: "date", name: "moveDate", label: { ja: "異動日", en: "Move date" }, prefill: { path: "moveIn.plannedMoveDate" } },
            { type: "text", name: "headName", autocomplete: "off", label: { ja: "世帯主", en: "Head" }, prefill: { path: "moveIn.headName" } },
          ),
        ),
        ctx,
      );
      expect(r.warnings).toEqual([]);
    });
  });

  describe("a hint that repeats its label", () => {
    it.each([
      ["電話番号", "電話番号"],
      ["電話番号", " 電話番号。"],
      ["電話番号", "電話番号を入力してください"],
      ["ＡＢＣ番号", "abc番号"],
    ])("warns for label %s with hint %s", (label, hint) => {
      const r = lintDefinition(
        form((d) => Object.assign(d.steps[0].fields[0], { label: { ja: label, en: "Phone" }, hint: { ja: hint, en: "Daytime" } })),
        ctx,
      );
      expect(r.warnings.map((f) => [f.rule, f.path.join("."), f.message.params])).toEqual([["hintRepeatsLabel", "steps.0.fields.0.hint", { question: label }]]);
    });

    it("warns in any language the label and hint share", () => {
      const r = lintDefinition(
        form((d) => (d.steps[0].fields[0].hint = { ja: "日中につながる番号", en: "Phone." })),
        ctx,
      );
      expect(rules(r.warnings)).toEqual(["hintRepeatsLabel steps.0.fields.0.hint"]);
    });

    it("does not warn for a hint that says more", () => {
      const r = lintDefinition(
        form((d) => (d.steps[0].fields[0].hint = { ja: "日中につながる電話番号", en: "A number we can call in the day" })),
        ctx,
      );
      expect(r.warnings).toEqual([]);
    });

    it("normalises width, case, spaces and punctuation", () => {
      expect(normaliseText("Ｐｈｏｎｅ　番号（任意）。")).toBe("phone番号任意");
    });
  });

  describe("a step with too many questions", () => {
    const texts = (i: number) => ({ ja: `質問${i}`, en: `Question ${i}` });
    const many = (n: number, extra: object = {}) =>
      Array.from({ length: n }, (_, i) => ({ type: "text", name: `q${i}`, label: texts(i), required: false, ...extra }));

    it(`warns above ${MAX_QUESTIONS_PER_STEP} questions always shown`, () => {
      const r = lintDefinition(
        form((d) => d.steps.push({ id: "many", title: { ja: "多い", en: "Many" }, fields: many(MAX_QUESTIONS_PER_STEP + 1) })),
        ctx,
      );
      expect(r.warnings.map((f) => [f.rule, f.stepId, f.message])).toEqual([
        ["tooManyQuestions", "many", { key: "admin.lint.tooManyQuestions", params: { step: "多い", count: 8, max: 7 } }],
      ]);
    });

    it("counts the questions of each group item, and not conditional questions or guidance", () => {
      const group = { type: "group", name: "people", label: texts(99), itemLabel: texts(98), fields: many(4).map((f) => ({ ...f, name: `g${f.name}` })) };
      const guidance = { type: "guidance", name: "note", label: texts(97) };
      const conditional = many(3, { showIf: { field: "hasEmail", op: "eq", value: "yes" } }).map((f) => ({ ...f, name: `c${f.name}` }));
      const fields = [...many(3), group, guidance, ...conditional];
      expect(
        lintDefinition(
          form((d) => d.steps.push({ id: "ok", title: texts(1), fields })),
          ctx,
        ).warnings,
      ).toEqual([]);
      const more = [...many(4), group];
      expect(
        rules(
          lintDefinition(
            form((d) => d.steps.push({ id: "more", title: texts(1), fields: more })),
            ctx,
          ).warnings,
        ),
      ).toEqual(["tooManyQuestions steps.2"]);
    });
  });

  describe("a condition that can never hold", () => {
    const withCondition = (cond: object, at: "field" | "step" | "afterSubmit" = "field") =>
      lintDefinition(
        form((d) => {
          if (at === "field") d.steps[1].fields[1].showIf = cond;
          if (at === "step") d.steps[1].showIf = cond;
          if (at === "afterSubmit") d.afterSubmit.push({ text: { ja: "案内", en: "Note" }, showIf: cond });
        }),
        ctx,
      );

    it("is an error when it names a value not among the options", () => {
      const r = withCondition({ field: "purpose", op: "eq", value: "travel" });
      expect(r.errors.map((f) => [f.rule, f.path.join("."), f.fieldName, f.message])).toEqual([
        [
          "impossibleCondition",
          "steps.1.fields.1.showIf",
          "purposeOther",
          { key: "admin.lint.impossibleCondition.questionValue", params: { question: "その他の使いみち", target: "使いみち", value: "travel" } },
        ],
      ]);
    });

    it("is an error when a yes/no is compared with anything but yes or no", () => {
      const r = withCondition({ field: "hasEmail", op: "eq", value: "true" }, "step");
      expect(r.errors.map((f) => [f.path.join("."), f.message])).toEqual([
        ["steps.1.showIf", { key: "admin.lint.impossibleCondition.stepValue", params: { step: "請求の内容", target: "メールを使いますか", value: "true" } }],
      ]);
    });

    it("is an error for contradictory comparisons in `all`", () => {
      const r = withCondition(
        {
          all: [
            { field: "purpose", op: "eq", value: "work" },
            { field: "purpose", op: "eq", value: "other" },
          ],
        },
        "afterSubmit",
      );
      expect(r.errors.map((f) => [f.path.join("."), f.message])).toEqual([
        ["afterSubmit.1.showIf", { key: "admin.lint.impossibleCondition.afterSubmit", params: { item: 2 } }],
      ]);
    });

    it("finds contradictions on a field without options too, and in group items", () => {
      expect(
        rules(
          withCondition({
            all: [
              { field: "phone", op: "eq", value: "0312345678" },
              { field: "phone", op: "isEmpty" },
            ],
          }).errors,
        ),
      ).toEqual(["impossibleCondition steps.1.fields.1.showIf"]);
      expect(
        rules(
          withCondition({
            all: [
              { field: "phone", op: "gt", value: 5 },
              { field: "phone", op: "lt", value: 3 },
            ],
          }).errors,
        ),
      ).toEqual(["impossibleCondition steps.1.fields.1.showIf"]);
    });

    it("accepts conditions that can hold", () => {
      for (const cond of [
        { field: "purpose", op: "eq", value: "other" },
        { field: "purpose", op: "neq", value: "travel" },
        {
          any: [
            { field: "purpose", op: "eq", value: "travel" },
            { field: "hasEmail", op: "eq", value: "yes" },
          ],
        },
        { not: { field: "purpose", op: "eq", value: "travel" } },
        {
          all: [
            { field: "phone", op: "gt", value: 3 },
            { field: "phone", op: "lt", value: 4 },
          ],
        },
        { field: "purpose", op: "in", value: ["work", "travel"] },
      ])
        expect(withCondition(cond).errors, JSON.stringify(cond)).toEqual([]);
    });
  });

  describe("canHold", () => {
    const children = [
      { type: "yesNo", name: "foreign", label: "外国籍" },
      {
        type: "checkboxes",
        name: "needs",
        label: "必要",
        options: [
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ],
      },
    ];
    const fields: Record<string, Loose> = {
      people: { type: "group", name: "people", label: "人", itemLabel: "人", fields: children },
      ...Object.fromEntries(children.map((c) => [c.name, c])),
    };
    const resolve = (name: string) => fields[name];

    it("looks into group items: some item can meet a possible condition, never an impossible one", () => {
      expect(canHold({ someItem: { group: "people", where: { field: "foreign", op: "eq", value: "yes" } } }, resolve)).toBe(true);
      expect(canHold({ someItem: { group: "people", where: { field: "foreign", op: "eq", value: "maybe" } } }, resolve)).toBe(false);
      // every item of none is vacuously true
      expect(canHold({ everyItem: { group: "people", where: { field: "foreign", op: "eq", value: "maybe" } } }, resolve)).toBe(true);
    });

    it("knows a list answer holds several choices", () => {
      expect(
        canHold(
          {
            all: [
              { field: "needs", op: "includes", value: "a" },
              { field: "needs", op: "includes", value: "b" },
            ],
          },
          resolve,
        ),
      ).toBe(true);
      expect(canHold({ field: "needs", op: "includes", value: "c" }, resolve)).toBe(false);
      expect(canHold({ field: "needs", op: "eq", value: "a" }, resolve)).toBe(false);
    });
  });

  it("errs on duplicate option values, at the second one", () => {
    const r = lintDefinition(
      form((d) => d.steps[1].fields[0].options.push({ value: "work", label: { ja: "勤め", en: "Job" } })),
      ctx,
    );
    expect(r.errors.map((f) => [f.rule, f.path.join("."), f.message])).toEqual([
      ["duplicateOption", "steps.1.fields.0.options.2.value", { key: "admin.lint.duplicateOption", params: { question: "使いみち", value: "work" } }],
    ]);
  });

  describe("a fixed binding on what the resident must be able to correct", () => {
    it("is an error for contact data and plans, not for the city's records", () => {
      const r = lintDefinition(
        form((d) => {
          d.steps[0].fields[0].prefill.mode = "fixed"; // profile.phone
          d.steps[0].fields.push(
            { type: "date", name: "moveDate", label: { ja: "異動日", en: "Move date" }, prefill: { path: "moveIn.plannedMoveDate", mode: "fixed" } },
            { type: "personName", name: "name", label: { ja: "氏名", en: "Name" }, prefill: { path: "registry.person.name", mode: "fixed" } },
          );
        }),
        ctx,
      );
      expect(r.errors.map((f) => [f.rule, f.path.join("."), f.message])).toEqual([
        [
          "fixedCorrectable",
          "steps.0.fields.0.prefill.mode",
          { key: "admin.lint.fixedCorrectable", params: { question: "電話番号", source: "profile.phone" } },
        ],
        [
          "fixedCorrectable",
          "steps.0.fields.3.prefill.mode",
          { key: "admin.lint.fixedCorrectable", params: { question: "異動日", source: "moveIn.plannedMoveDate" } },
        ],
      ]);
    });

    it("is decided by the sources: the catalog lists what is authoritative", () => {
      expect(prefillSources.catalog.authoritative).toEqual(expect.arrayContaining(["identity.name", "registry.person.address"]));
      expect(prefillSources.catalog.authoritative).not.toContain("profile.phone");
      expect(prefillSources.catalog.authoritative).not.toContain("moveIn.plannedMoveDate");
    });
  });

  it("has every message in ja and en, with every value filled in", () => {
    const [i18nJa, i18nEn] = [{ t: testT("ja") }, { t: testT("en") }];
    const findings = lintDefinition(
      form((d) => {
        d.steps[0].fields[0].label = "電話番号";
        d.steps[0].title = "連絡先";
        d.description = "説明";
        d.steps[0].fields[0].prefill.mode = "fixed";
        d.steps[0].fields[1].hint = { ja: "メールを使いますか", en: "Use e-mail?" };
        d.steps[1].fields[0].options.push({ value: "work", label: { ja: "勤め", en: "Job" } });
        d.steps[1].showIf = { field: "hasEmail", op: "eq", value: "x" };
        d.steps[1].fields[1].showIf = {
          all: [
            { field: "purpose", op: "eq", value: "work" },
            { field: "purpose", op: "eq", value: "other" },
          ],
        };
        d.afterSubmit.push({ text: { ja: "案内", en: "Note" }, showIf: { field: "purpose", op: "eq", value: "x" } });
        d.steps[0].fields.push({ type: "text", name: "employer", label: { ja: "勤務先", en: "Employer" }, prefill: { path: "profile.employer" } });
        d.steps.push({
          id: "many",
          title: { ja: "多い", en: "Many" },
          fields: Array.from({ length: 8 }, (_, i) => ({ type: "text", name: `q${i}`, label: { ja: `質問${i}`, en: `Q${i}` } })),
        });
      }),
      ctx,
    );
    const all = [...findings.errors, ...findings.warnings];
    expect(new Set(all.map((f) => f.rule))).toEqual(
      new Set(["missingText", "fixedCorrectable", "hintRepeatsLabel", "duplicateOption", "impossibleCondition", "autocomplete", "tooManyQuestions"]),
    );
    const ja2 = all.map((f) => i18nJa.t(f.message.key, f.message.params));
    const en = all.map((f) => i18nEn.t(f.message.key, f.message.params));
    for (const text of [...ja2, ...en]) expect(text).not.toMatch(/admin\.lint|\{\{|\$t\(/);
    expect(ja2).toContain("質問『電話番号』の英語の文言がありません");
    const schema = lintDefinition({}, ctx).errors[0]!;
    expect(i18nJa.t(schema.message.key, schema.message.params)).not.toMatch(/admin\.lint|\{\{/);
  });
});

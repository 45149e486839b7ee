import { describe, expect, it } from "vitest";
import { evaluate } from "./conditions";
import { parseDefinition, type FormDefinition } from "./definition";
import { firstIncompleteStep, pruneAnswers, rulesOf, stepPosition, validateStep, visibleSteps } from "./engine";
import { decodeMessage } from "./messages";
import { digitsOnly, toKatakana } from "./normalize";
import { getFieldType } from "./field-types";
import { toIsoDate } from "./fields/date";
import { warekiYear } from "../i18n/dates";

describe("conditions", () => {
  const answers = { reason: "work", hours: 120, tags: ["a", "b"], empty: "" };
  it("compares, combines and negates", () => {
    expect(evaluate({ field: "reason", op: "eq", value: "work" }, { answers })).toBe(true);
    expect(evaluate({ field: "reason", op: "in", value: ["study", "work"] }, { answers })).toBe(true);
    expect(evaluate({ field: "hours", op: "gte", value: 64 }, { answers })).toBe(true);
    expect(evaluate({ field: "hours", op: "lt", value: 64 }, { answers })).toBe(false);
    expect(evaluate({ field: "tags", op: "includes", value: "b" }, { answers })).toBe(true);
    expect(evaluate({ field: "empty", op: "isEmpty" }, { answers })).toBe(true);
    expect(evaluate({ field: "missing", op: "notEmpty" }, { answers })).toBe(false);
    expect(evaluate({ all: [{ field: "reason", op: "eq", value: "work" }, { not: { field: "hours", op: "gt", value: 200 } }] }, { answers })).toBe(true);
    expect(
      evaluate(
        {
          any: [
            { field: "reason", op: "eq", value: "x" },
            { field: "reason", op: "neq", value: "work" },
          ],
        },
        { answers },
      ),
    ).toBe(false);
  });
  it("looks in the group item first", () => {
    expect(evaluate({ field: "reason", op: "eq", value: "study" }, { answers, item: { reason: "study" } })).toBe(true);
  });
});

describe("normalisers", () => {
  it("turns hiragana and half-width kana into full-width katakana", () => {
    expect(toKatakana(" やまだ　ﾊﾅｺ ")).toBe("ヤマダ　ハナコ");
  });
  it("strips hyphens, spaces and full-width digits from numbers", () => {
    expect(digitsOnly("０９０ー１２３４－５６７８")).toBe("09012345678");
    expect(digitsOnly("420-0001")).toBe("4200001");
  });
  it("rejects impossible dates and accepts leading zeros or none", () => {
    expect(toIsoDate({ year: "2001", month: "2", day: "30" })).toMatchObject({ invalid: true });
    expect(toIsoDate({ year: "2024", month: "02", day: "29" })).toBe("2024-02-29");
    expect(toIsoDate({ year: "２０２４", month: "3", day: "1" })).toBe("2024-03-01");
    expect(toIsoDate({ year: "", month: "", day: "" })).toBe("");
  });
  it("gives the 和暦 of a year", () => {
    expect(warekiYear(2019)).toBe("令和元年");
    expect(warekiYear(1990)).toBe("平成2年");
  });
});

describe("field types", () => {
  const check = (type: string, def: Record<string, unknown>, raw: unknown) => {
    const ft = getFieldType(type);
    const full = { name: "f", label: "項目", required: true, ...def, type } as never;
    const value = ft.normalize(raw, full);
    const r = ft.schema(full).safeParse(value);
    return { value, ok: r.success, message: r.success ? null : decodeMessage(r.error.issues[0]!.message).key };
  };
  it("phone", () => {
    expect(check("phone", {}, "03-1234-5678")).toMatchObject({ value: "0312345678", ok: true });
    expect(check("phone", {}, "12345")).toMatchObject({ ok: false, message: "validation.phone" });
  });
  it("email", () => {
    expect(check("email", {}, " ＡＢＣ@example.jp ")).toMatchObject({ value: "ABC@example.jp", ok: true });
    expect(check("email", {}, "abc@")).toMatchObject({ ok: false, message: "validation.email" });
  });
  it("number with range", () => {
    expect(check("number", { min: 1, max: 7, integer: true }, "５")).toMatchObject({ value: 5, ok: true });
    expect(check("number", { min: 1, max: 7, integer: true }, "8")).toMatchObject({ ok: false, message: "validation.max" });
    expect(check("number", { integer: true }, "abc")).toMatchObject({ ok: false, message: "validation.number" });
  });
  it("text with pattern and length", () => {
    expect(check("text", { maxLength: 3 }, "abcd")).toMatchObject({ ok: false, message: "validation.tooLong" });
    expect(check("text", { maxLength: 20, pattern: { regex: "[A-Z]{2}\\d{8}[A-Z]{2}", message: "x" } }, "AB12345678CD")).toMatchObject({ ok: true });
    expect(check("text", { maxLength: 20, pattern: { regex: "[A-Z]{2}\\d{8}[A-Z]{2}", message: "x" } }, "AB123")).toMatchObject({
      ok: false,
      message: "validation.pattern",
    });
  });
  it("katakana accepts hiragana", () => {
    expect(check("katakana", { maxLength: 20 }, "たなか")).toMatchObject({ value: "タナカ", ok: true });
    expect(check("katakana", { maxLength: 20 }, "田中")).toMatchObject({ ok: false, message: "validation.katakana" });
  });
  it("address normalises the postal code and requires a real prefecture", () => {
    const a = { postalCode: "〒420-0001", prefecture: "静岡県", city: "まどぐち市", town: "本町1", building: "" };
    expect(check("address", {}, a)).toMatchObject({ ok: true, value: { postalCode: "4200001" } });
    expect(check("address", {}, { ...a, prefecture: "架空県" })).toMatchObject({ ok: false, message: "validation.address.prefectureRequired" });
  });
  it("checkboxes keep the definition's order and refuse unknown options", () => {
    const def = {
      options: [
        { value: "a", label: "A" },
        { value: "b", label: "B" },
      ],
    };
    expect(check("checkboxes", def, ["b", "a"])).toMatchObject({ value: ["a", "b"], ok: true });
    expect(check("checkboxes", def, ["z"])).toMatchObject({ ok: false, message: "validation.choice" });
  });
  it("file uploads: a refused file gets the type or size message; a stored one passes", () => {
    const def = { accept: ["application/pdf"], maxSizeMB: 1 };
    expect(check("file", def, { rejected: "type", name: "x.pdf" })).toMatchObject({ ok: false, message: "validation.fileType" });
    expect(check("file", def, { id: "a", name: "x.pdf", type: "application/pdf", size: 2 * 1024 * 1024 })).toMatchObject({
      ok: false,
      message: "validation.fileSize",
    });
    expect(check("file", def, { id: "a", name: "x.pdf", type: "application/pdf", size: 1000 })).toMatchObject({ ok: true });
    expect(getFieldType("file").isEmpty(getFieldType("file").normalize("forged", def as never))).toBe(true);
  });
  it("person name: 姓 and 名 required, フリガナ converted and checked", () => {
    expect(check("personName", { kana: true }, { family: " 𠮷田 ", given: "茂", familyKana: "よしだ", givenKana: "ｼｹﾞﾙ" })).toMatchObject({
      ok: true,
      value: { family: "𠮷田", given: "茂", familyKana: "ヨシダ", givenKana: "シゲル" },
    });
    expect(check("personName", { kana: true }, { family: "田中", given: "", familyKana: "タナカ", givenKana: "イチロウ" })).toMatchObject({
      ok: false,
      message: "validation.name.givenRequired",
    });
    expect(check("personName", { kana: false }, { family: "NGUYEN", given: "VAN AN" })).toMatchObject({
      ok: true,
      value: { family: "NGUYEN", given: "VAN AN" },
    });
  });
  it("person name with the reading optional: a name as on the 在留カード needs no フリガナ, nor a 名; a kanji name still does", () => {
    const def = { kana: "optional" };
    expect(check("personName", def, { family: "NGUYEN", given: "THI HUONG", familyKana: "", givenKana: "" })).toMatchObject({
      ok: true,
      value: { family: "NGUYEN", given: "THI HUONG", familyKana: "", givenKana: "" },
    });
    expect(check("personName", def, { family: "SUKARNO", given: "", familyKana: "スカルノ", givenKana: "" })).toMatchObject({ ok: true });
    expect(check("personName", def, { family: "田中", given: "一郎", familyKana: "タナカ", givenKana: "" })).toMatchObject({
      ok: false,
      message: "validation.name.givenKanaRequired",
    });
    expect(check("personName", def, { family: "NGUYEN", given: "", familyKana: "abc", givenKana: "" })).toMatchObject({
      ok: false,
      message: "validation.katakana",
    });
    expect(check("personName", def, { family: "", given: "AN", familyKana: "", givenKana: "" })).toMatchObject({
      ok: false,
      message: "validation.name.familyRequired",
    });
  });
  it("date: not in the future, with a clear message", () => {
    expect(check("date", { max: "today", birthDate: true }, { year: "2999", month: "1", day: "1" })).toMatchObject({
      ok: false,
      message: "validation.dateNotFuture",
    });
    expect(check("date", { max: "today", birthDate: true }, { year: "1990", month: "4", day: "1" })).toMatchObject({ ok: true, value: "1990-04-01" });
    expect(check("date", {}, { year: "2023", month: "2", day: "29" })).toMatchObject({ ok: false, message: "validation.date" });
  });
  it("select, radio and yes/no accept only their options", () => {
    const def = { options: [{ value: "a", label: "A" }] };
    expect(check("select", def, "a")).toMatchObject({ ok: true });
    expect(check("radio", def, "b")).toMatchObject({ ok: false, message: "validation.choice" });
    expect(check("yesNo", {}, "yes")).toMatchObject({ ok: true });
    expect(check("yesNo", {}, "maybe")).toMatchObject({ ok: false, message: "validation.choice" });
  });
  it("textarea keeps line breaks and limits length", () => {
    expect(check("textarea", { maxLength: 10, rows: 3 }, "一行目\r\n二行目  ")).toMatchObject({ ok: true, value: "一行目\n二行目" });
    expect(check("textarea", { maxLength: 3, rows: 3 }, "長すぎる文")).toMatchObject({ ok: false, message: "validation.tooLong" });
  });
  it("group: a blank item is left out of the count, and more than the maximum is refused", () => {
    const def = { itemLabel: "人", minItems: 1, maxItems: 2, fields: [{ type: "text", name: "n", label: "名", required: true, maxLength: 10 }] };
    expect(check("group", def, [{ n: "a" }, { n: " " }])).toMatchObject({ ok: true, value: [{ n: "a" }, { n: "", _excluded: true }] });
    expect(check("group", def, [{ n: " " }])).toMatchObject({ ok: false });
    expect(check("group", def, [{ n: "a" }, { n: "b" }, { n: "c" }])).toMatchObject({ ok: false, message: "validation.maxItems" });
  });
  const people = {
    type: "group",
    name: "people",
    label: "人",
    itemLabel: "人",
    minItems: 0,
    maxItems: 5,
    fields: [{ type: "text", name: "n", label: "名", required: true, maxLength: 10 }],
  };
  it("group: people offered from the city's records count only when ticked; the link to the offer is kept", () => {
    const raw = [{ n: "健一", _offered: "0", _include: "yes" }, { n: "葵", _offered: "1" }, { n: "追加" }, { n: "" }];
    const r = validateStep({ fields: [people] } as never, { people: raw }, {});
    expect(r).toEqual({ ok: true, values: { people: [{ _offered: 0, n: "健一" }, { n: "追加" }] } });
    // Stored (normalised) answers read back the same, so submission re-validates them unchanged.
    expect(validateStep({ fields: [people] } as never, r.values, {})).toEqual(r);
  });
  it("group: an error points at the item where it is on the page, whatever was left out before it", () => {
    const raw = [{ n: "健一", _offered: "0" }, { n: "" }, { n: "とても長い名前ですとても長い", _offered: "2", _include: "yes" }];
    const r = validateStep({ fields: [people] } as never, { people: raw }, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([{ path: "people.2.n", target: "people-2-n", message: expect.stringContaining("validation.tooLong") }]);
  });
  it("guidance has nothing to answer", () => {
    expect(getFieldType("guidance").hasValue).toBe(false);
  });
  it("declaration must be agreed", () => {
    expect(check("declaration", {}, "yes")).toMatchObject({ value: true, ok: true });
    expect(check("declaration", {}, undefined)).toMatchObject({ ok: false });
  });
});

const form = (() => {
  const r = parseDefinition({
    id: "pets",
    version: "1",
    title: "ペット",
    description: "見本",
    guidance: { duration: "1分" },
    declaration: "誤りはありません",
    afterSubmit: ["連絡します"],
    steps: [
      { id: "one", title: "一", fields: [{ type: "yesNo", name: "pet", label: "ペットはいますか" }] },
      {
        id: "two",
        title: "二",
        showIf: { field: "pet", op: "eq", value: "yes" },
        fields: [
          { type: "text", name: "petName", label: "名前" },
          { type: "text", name: "vet", label: "動物病院", required: false, showIf: { field: "petName", op: "eq", value: "ポチ" } },
        ],
      },
      { id: "three", title: "三", fields: [{ type: "phone", name: "tel", label: "電話" }] },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join());
  return r.definition as FormDefinition;
})();

describe("journey", () => {
  it("skips steps whose condition does not hold, and counts progress on the route taken", () => {
    expect(visibleSteps(form, { pet: "no" }).map((s) => s.id)).toEqual(["one", "three"]);
    expect(stepPosition(form, { pet: "no" }, "three")).toMatchObject({ number: 2, total: 2 });
    expect(stepPosition(form, { pet: "yes" }, "three")).toMatchObject({ number: 3, total: 3 });
  });
  it("finds the first step not yet completed", () => {
    expect(firstIncompleteStep(form, { pet: "yes" }, ["one"])?.id).toBe("two");
    expect(firstIncompleteStep(form, { pet: "no" }, ["one"])?.id).toBe("three");
  });
  it("drops answers to hidden questions before validation and storage", () => {
    const step = form.steps[1]!;
    const r = validateStep(step, { petName: "タマ", vet: "みどり病院" }, { pet: "yes" });
    expect(r).toEqual({ ok: true, values: { petName: "タマ" } });
    const kept = validateStep(step, { petName: "ポチ", vet: "みどり病院" }, { pet: "yes" });
    expect(kept).toEqual({ ok: true, values: { petName: "ポチ", vet: "みどり病院" } });
    expect(pruneAnswers(form, { pet: "no", petName: "ポチ", tel: "0312345678" })).toEqual({ pet: "no", tel: "0312345678" });
  });
  it("reports each failing field with the input to focus", () => {
    const r = validateStep(form.steps[0]!, {}, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: "pet", target: "pet", message: "validation.choice" }]);
  });
});

describe("a field's rules", () => {
  const name = () => ({ type: "text", name: "nickname", label: "呼び名", required: true, maxLength: 5 }) as never;

  it("are made once per definition, and made again when the definition is changed in place", () => {
    const def = name() as { maxLength: number };
    expect(rulesOf(def as never)).toBe(rulesOf(name()));
    const step = { fields: [def] } as never;
    expect(validateStep(step, { nickname: "たろう" }, {}).ok).toBe(true);
    def.maxLength = 2; // the builder's preview edits a definition where it is
    expect(rulesOf(def as never)).not.toBe(rulesOf(name()));
    expect(validateStep(step, { nickname: "たろう" }, {}).ok).toBe(false);
  });

  it("are made from the definition's text: editing the object they were first made from changes no other's", () => {
    const first = { type: "date", name: "birthDate", label: "生年月日", required: true, max: "today" };
    const born1990 = { birthDate: { era: "western", year: "1990", month: "4", day: "1" } };
    expect(validateStep({ fields: [first] } as never, born1990, {}).ok).toBe(true);
    first.max = "1980-01-01"; // edited where it is, after its rules were made
    expect(validateStep({ fields: [first] } as never, born1990, {}).ok).toBe(false);
    const another = { type: "date", name: "birthDate", label: "生年月日", required: true, max: "today" };
    expect(validateStep({ fields: [another] } as never, born1990, {}).ok).toBe(true);
  });

  it("answer each post alike: kept rules hold no state from an earlier one", () => {
    const date = { type: "date", name: "birthDate", label: "生年月日", required: true, max: "today" } as never;
    const step = { fields: [date] } as never;
    for (let i = 0; i < 3; i++) {
      expect(validateStep(step, { birthDate: { era: "western", year: "1990", month: "4", day: "1" } }, {}).ok).toBe(true);
      const future = validateStep(step, { birthDate: { era: "western", year: "2999", month: "4", day: "1" } }, {});
      expect(future.ok ? [] : future.errors.map((e) => decodeMessage(e.message).key)).toEqual(["validation.dateNotFuture"]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { testT } from "../test/i18n";
import { parseDefinition, type FormDefinition } from "./definition";
import { validateStep } from "./engine";
import { translateErrors } from "./errors";
import { personalToken } from "./field-view";
import { getFieldType } from "./field-types";
import { summarize } from "./summary";

const form = (() => {
  const r = parseDefinition({
    id: "p",
    version: "1",
    title: "p",
    description: "p",
    guidance: { duration: "1" },
    declaration: "d",
    afterSubmit: ["a"],
    steps: [
      {
        id: "one",
        title: "一",
        fields: [
          { type: "personName", name: "me", label: "氏名" },
          {
            type: "group",
            name: "persons",
            label: "異動者",
            itemLabel: "異動者",
            fields: [
              { type: "personName", name: "name", label: "氏名" },
              { type: "yesNo", name: "foreign", label: "外国籍の方ですか" },
            ],
          },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition as FormDefinition;
})();
const step = form.steps[0]!;
const name = (family: string, given: string) => ({ family, given, familyKana: "ア", givenKana: "イ" });

describe("error targets", () => {
  it("link a missing 名 to 名, not to 姓; an empty name to its first input", () => {
    const r = validateStep(
      step,
      { me: { family: "山田", given: "", familyKana: "ヤマダ", givenKana: "ハナコ" }, persons: [{ name: name("伊藤", "湊"), foreign: "no" }] },
      {},
    );
    expect(r.ok ? [] : r.errors.find((e) => e.path === "me")?.target).toBe("me-given");
    const empty = validateStep(step, { persons: [{ name: name("伊藤", "湊"), foreign: "no" }] }, {});
    expect(empty.ok ? [] : empty.errors.find((e) => e.path === "me")?.target).toBe("me-family");
  });
});

describe("people in a list", () => {
  const t = testT("ja");
  const items = getFieldType("group").items!;
  const group = step.fields[1]!;
  it("are named by their name, else by their place", () => {
    expect(items.label(group, 0, { name: name("伊藤", "湊") }, "ja", t)).toBe("伊藤 湊さん");
    expect(items.label(group, 1, {}, "ja", t)).toBe("異動者 2");
    expect(items.label(group, 0, { name: name("伊藤", "湊") }, "en", testT("en"))).toBe("伊藤 湊");
  });

  it("errors name the person the question is about", () => {
    const values = { me: name("伊藤", "健一"), persons: [{ name: name("伊藤", "湊") }, { name: name("伊藤", "葵") }] };
    const r = validateStep(step, values, {});
    if (r.ok) throw new Error("expected errors");
    const messages = translateErrors(step, r.errors, t, "ja", r.values).map((e) => e.message);
    expect(messages).toEqual(["伊藤 湊さんの外国籍の方ですかを選んでください", "伊藤 葵さんの外国籍の方ですかを選んでください"]);
  });

  it("are named on the check page", () => {
    const [section] = summarize(form, { me: name("伊藤", "健一"), persons: [{ name: name("伊藤", "湊"), foreign: "no" }] }, "ja", t);
    expect(section!.rows[1]!.items!.map((i) => i.label)).toEqual(["伊藤 湊さん"]);
  });

  it("turn personal autocomplete off for someone else's data", () => {
    expect(personalToken({}, "family-name")).toBe("family-name");
    expect(personalToken({ forSomeoneElse: true }, "family-name")).toBe("off");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { parseDefinition, type FormDefinition } from "../form-engine/definition";
import { normalizeStep, validateStep, type Answers } from "../form-engine/engine";
import { StepFields } from "../form-engine/render";
import { applyFieldCommand, itemPageOf, listedFields, mergeItemPosts } from "./journey";
import { placePath } from "./paths";

// People in a list are asked one per page once there are two or more (ADR 0014).
const definition = (() => {
  const r = parseDefinition({
    id: "move",
    version: "1",
    title: "転入",
    description: "転入",
    guidance: { duration: "1分" },
    declaration: "誤りはありません",
    afterSubmit: ["連絡します"],
    steps: [
      {
        id: "persons",
        title: "引っ越してきた方",
        fields: [
          {
            type: "group",
            name: "persons",
            label: "引っ越してきた方",
            itemLabel: "異動者",
            maxItems: 4,
            fields: [
              { type: "personName", name: "name", label: "氏名" },
              { type: "yesNo", name: "foreign", label: "外国籍の方ですか" },
              { type: "text", name: "nationality", label: "国籍", showIf: { field: "foreign", op: "eq", value: "yes" } },
            ],
          },
        ],
      },
      {
        id: "facilities",
        title: "希望施設",
        fields: [
          { type: "group", name: "facilities", label: "希望施設", itemLabel: "希望", maxItems: 3, fields: [{ type: "text", name: "facility", label: "施設" }] },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition as FormDefinition;
})();
const step = definition.steps[0]!;
const name = (family: string, given: string) => ({ family, given, familyKana: "イトウ", givenKana: "ミナト" });
const ken = { _offered: 0, name: name("伊藤", "健一"), foreign: "no" };
const minato = { _offered: 1, name: name("伊藤", "湊") };
const shown: Answers = { persons: [ken, minato] };
const t = ((key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key)) as unknown as TFunction;

describe("people asked one per page", () => {
  it("lists a group of people from two people on; one person, or a group of things, is asked on the step", () => {
    expect(listedFields(step, shown)).toEqual(["persons"]);
    expect(listedFields(step, { persons: [{ name: name("伊藤", "健一") }] })).toEqual([]);
    expect(listedFields(definition.steps[1]!, { facilities: [{ facility: "a" }, { facility: "b" }] })).toEqual([]);
  });

  it("knows an item page only for a listed kind of field and a place that exists or comes next", () => {
    expect(itemPageOf(step, shown, "persons.1")).toEqual({ field: "persons", index: 1 });
    expect(itemPageOf(step, shown, "persons.2")).toEqual({ field: "persons", index: 2 });
    expect(itemPageOf(step, shown, "persons.3")).toBeUndefined();
    expect(itemPageOf(step, shown, "persons.-1")).toBeUndefined();
    expect(itemPageOf(step, shown, "owner.0")).toBeUndefined();
    expect(itemPageOf(definition.steps[1]!, { facilities: [] }, "facilities.0")).toBeUndefined();
    expect(placePath("move", { at: "step", stepId: "persons", item: "persons.1", showErrors: true, returnToCheck: true })).toBe(
      "/procedures/move/steps/persons?item=persons.1&errors=1&from=check",
    );
  });

  it("takes only the ticks from a list page, matched by the offered person, never their answers", () => {
    // A crafted post that sends 健一's name from the list page changes nothing but who is ticked.
    const raw = {
      persons: [
        { _offered: "1", _include: "yes" },
        { _offered: "0", name: { family: "X" } },
      ],
    };
    const merged = mergeItemPosts(step, shown, raw, { listed: ["persons"] });
    const values = normalizeStep(step, merged).persons as Answers[];
    expect(values[0]).toMatchObject({ _offered: 0, _excluded: true, name: ken.name });
    expect(values[1]).toMatchObject({ _offered: 1, name: minato.name });
    expect(values[1]).not.toHaveProperty("_excluded");
  });

  it("replaces one item from its own page, keeps which offered person it is, and includes them", () => {
    const unticked = { persons: [ken, { ...minato, _excluded: true }] };
    const raw = { persons: [undefined, { name: name("伊藤", "湊"), foreign: "yes", nationality: "ES", _offered: "0" }] };
    const merged = mergeItemPosts(step, unticked, raw, { listed: [], item: { field: "persons", index: 1 } });
    const values = normalizeStep(step, merged).persons as Answers[];
    expect(values[1]).toEqual({ name: name("伊藤", "湊"), foreign: "yes", nationality: "ES", _offered: 1 });
    expect(values[0]).toMatchObject({ _offered: 0, foreign: "no" });
    // The whole step is still validated as one: 湊 is complete now.
    expect(validateStep(step, merged, {}).ok).toBe(true);
  });

  it("opens a person's page for 「変更」 and a blank page for 「もう1人追加する」, dropping nobody offered", () => {
    expect(applyFieldCommand(step, shown, "edit:persons:1")).toMatchObject({ open: "persons.1", focus: "persons-1" });
    expect(applyFieldCommand(step, shown, "edit:persons:7")).toBeNull();
    const added = applyFieldCommand(step, { persons: [ken, minato, { _excluded: true }] }, "add:persons");
    expect(added).toMatchObject({ open: "persons.2", values: { persons: [ken, minato] } });
    // Not for things: 「もう1つ追加する」 adds an item in place.
    expect(applyFieldCommand(definition.steps[1]!, { facilities: [{ facility: "a" }] }, "add:facilities")).toMatchObject({ focus: "facilities-1" });
  });

  it("renders a short row per person (needing answers marked), or only one person on their own page", () => {
    const list = renderToStaticMarkup(
      <StepFields view={{ fields: step.fields, values: shown, errors: {}, itemPages: { attention: { persons: [1] } } }} lng="ja" t={t} />,
    );
    expect(list).toContain('id="persons-1"');
    expect(list).toContain("field.group.attention");
    expect(list.match(/field\.group\.attention/g)).toHaveLength(1);
    expect(list).toContain('value="edit:persons:0"');
    // No person's inputs on the list: only who is ticked.
    expect(list).not.toContain('name="persons[0][name][family]"');
    expect(list).toContain('name="persons[1][_include]"');
    const own = renderToStaticMarkup(
      <StepFields
        view={{ fields: step.fields, values: shown, errors: {}, itemPages: { attention: {}, only: { field: "persons", index: 1 } } }}
        lng="ja"
        t={t}
      />,
    );
    expect(own).toContain('name="persons[1][name][family]"');
    expect(own).not.toContain('name="persons[0][name][family]"');
    expect(own).not.toContain("_include");
  });
});

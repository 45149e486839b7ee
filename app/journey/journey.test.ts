import { describe, expect, it } from "vitest";
import { parseDefinition, type FormDefinition } from "../form-engine/definition";
import { applyFieldCommand, fieldsShown, journeyOf, pendingFollowUps, type Actor } from "./journey";
import { placePath } from "./paths";

const definition = (() => {
  const r = parseDefinition({
    id: "pets",
    version: "1",
    title: "ペット",
    description: "ペットの届出",
    guidance: { duration: "1分" },
    declaration: "誤りはありません",
    afterSubmit: ["連絡します"],
    steps: [
      { id: "owner", title: "飼い主", fields: [{ type: "text", name: "owner", label: "氏名" }] },
      { id: "pet", title: "ペット", fields: [{ type: "yesNo", name: "hasDog", label: "犬はいますか" }] },
      { id: "dog", title: "犬", showIf: { field: "hasDog", op: "eq", value: "yes" }, fields: [{ type: "text", name: "dogName", label: "犬の名前" }] },
      {
        id: "people",
        title: "家族",
        fields: [
          { type: "yesNo", name: "more", label: "ほかにいますか" },
          { type: "text", name: "note", label: "備考", showIf: { field: "more", op: "eq", value: "yes" } },
          { type: "group", name: "family", label: "家族", itemLabel: "人", minItems: 1, maxItems: 3, fields: [{ type: "text", name: "who", label: "氏名" }] },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition as FormDefinition;
})();

const resident: Actor = { kind: "resident", residentAccountId: "r1" };
const clerk: Actor = { kind: "clerk", staffId: "s1", residentAccountId: "r1" };
const preview: Actor = { kind: "preview", staffId: "a1" };
const full = {
  answers: { owner: "山田", hasDog: "yes", dogName: "ポチ", more: "no", family: [{ who: "花子" }] },
  completedSteps: ["owner", "pet", "dog", "people"],
};

describe("journey", () => {
  it("lets a resident visit completed steps and the first open one, and sends them there otherwise", () => {
    const j = journeyOf(definition, { answers: { owner: "山田" }, completedSteps: ["owner"] }, resident);
    expect(j.visit("owner")).toMatchObject({ ok: true, number: 1, total: 3, back: { at: "start" } });
    expect(j.visit("pet")).toMatchObject({ ok: true, number: 2, back: { at: "step", stepId: "owner" } });
    expect(j.visit("people")).toEqual({ ok: false, goTo: { at: "step", stepId: "pet" } });
    expect(j.visit("nowhere")).toEqual({ ok: false, goTo: { at: "step", stepId: "pet" } });
    // A step whose condition does not hold is not on the route.
    expect(j.visit("dog")).toEqual({ ok: false, goTo: { at: "step", stepId: "pet" } });
  });

  it("lets a clerk and a preview go to any step that applies, in any order", () => {
    const state = { answers: {}, completedSteps: [] };
    expect(journeyOf(definition, state, clerk).visit("people")).toMatchObject({ ok: true, number: 3 });
    expect(journeyOf(definition, state, preview).visit("people")).toMatchObject({ ok: true });
    expect(journeyOf(definition, state, clerk).visit("dog")).toMatchObject({ ok: false });
  });

  it("leads a save to the next step on the route the answers take, or back to the check page", () => {
    const saved = { answers: { owner: "山田", hasDog: "yes" }, completedSteps: ["owner", "pet"] };
    expect(journeyOf(definition, saved, resident).afterSave("pet", false)).toEqual({ at: "step", stepId: "dog", returnToCheck: false });
    // Changed from the check page: a newly applicable step comes first, keeping the way back to the check page.
    expect(journeyOf(definition, saved, resident).afterSave("pet", true)).toEqual({ at: "step", stepId: "dog", returnToCheck: true });
    expect(journeyOf(definition, full, resident).afterSave("pet", true)).toEqual({ at: "check" });
    expect(journeyOf(definition, full, resident).afterSave("people", false)).toEqual({ at: "check" });
    expect(journeyOf(definition, full, resident).visit("dog", true)).toMatchObject({ ok: true, back: { at: "check" } });
  });

  it("opens the check page only when every step that applies is done", () => {
    expect(journeyOf(definition, { answers: { owner: "山田" }, completedSteps: ["owner"] }, resident).checkPage()).toEqual({ at: "step", stepId: "pet" });
    expect(journeyOf(definition, full, resident).checkPage()).toBeNull();
    expect(journeyOf(definition, full, resident).whereToContinue()).toEqual({ at: "check" });
  });

  it("submits only complete, valid answers, and never from a preview", () => {
    expect(journeyOf(definition, full, resident).canSubmit()).toEqual({ ok: true });
    expect(journeyOf(definition, full, clerk).canSubmit()).toEqual({ ok: true });
    expect(journeyOf(definition, full, preview).canSubmit()).toEqual({ ok: false, reason: "preview" });
    const tampered = { ...full, answers: { ...full.answers, dogName: "" } };
    expect(journeyOf(definition, tampered, resident).canSubmit()).toMatchObject({ ok: false, reason: "incomplete", goTo: { at: "step", stepId: "dog" } });
  });

  it("shows a question that depends on an answer on the same page, whatever that answer is", () => {
    const step = definition.steps[3]!;
    expect(fieldsShown(step, { more: "no" }).map((f) => f.name)).toEqual(["more", "note", "family"]);
  });

  it("adds and removes items through the field type's command, keeping what was typed", () => {
    const step = definition.steps[3]!;
    const added = applyFieldCommand(step, { more: "no", family: [{ who: "花子" }] }, "add:family");
    expect(added).toEqual({ values: { more: "no", family: [{ who: "花子" }, {}] }, field: "family", focus: "family-1" });
    const removed = applyFieldCommand(step, { family: [{ who: "花子" }, { who: "太郎" }] }, "remove:family:0");
    expect(removed).toEqual({ values: { family: [{ who: "太郎" }] }, field: "family", focus: "family-field" });
    // An offered person is unticked, never removed; a crafted index removes nothing.
    expect(applyFieldCommand(step, { family: [{ who: "花子", _offered: 0 }] }, "remove:family:0")?.values).toEqual({ family: [{ who: "花子", _offered: 0 }] });
    expect(applyFieldCommand(step, { family: [{ who: "花子" }] }, "remove:family:x")?.values).toEqual({ family: [{ who: "花子" }] });
    // Never more items than the field allows, whatever was posted (the finding: 151 over maxItems were kept).
    const many = Array.from({ length: 160 }, (_, i) => ({ who: `人${i}` }));
    const max = 3; // the family field's maxItems
    expect((applyFieldCommand(step, { family: many }, "add:family")?.values.family as unknown[]).length).toBe(max);
    expect((applyFieldCommand(step, { family: many }, "remove:family:0")?.values.family as unknown[]).length).toBe(max);
    // Not a command, or a command on a field without items: the post is a normal save.
    expect(applyFieldCommand(step, {}, undefined)).toBeNull();
    expect(applyFieldCommand(step, {}, "add:more")).toBeNull();
    expect(applyFieldCommand(step, {}, "launch:family")).toBeNull();
  });

  it("asks next the follow-up questions the answers opened but the page did not show (no JavaScript)", () => {
    const step = definition.steps[3]!;
    // 「ほかにいますか」 is yes: 備考 applies; the page did not ask it, so it comes next.
    expect(pendingFollowUps(step, {}, { more: "yes", family: [{ who: "花子" }] }, new Set())).toEqual(["note"]);
    // Asked on the page (JavaScript showed it): nothing pending. Not opened: nothing pending.
    expect(pendingFollowUps(step, {}, { more: "yes" }, new Set(["note"]))).toEqual([]);
    expect(pendingFollowUps(step, {}, { more: "no" }, new Set())).toEqual([]);
  });

  it("asks follow-ups per item, only for the items whose answers open them", () => {
    const r = parseDefinition({
      ...JSON.parse(JSON.stringify({ id: "g", version: "1", title: "g", description: "g", guidance: { duration: "1" }, declaration: "d", afterSubmit: ["a"] })),
      steps: [
        {
          id: "people",
          title: "人",
          fields: [
            {
              type: "group",
              name: "people",
              label: "人",
              itemLabel: "人",
              fields: [
                { type: "yesNo", name: "works", label: "働いていますか" },
                { type: "text", name: "employer", label: "勤務先", showIf: { field: "works", op: "eq", value: "yes" } },
              ],
            },
          ],
        },
      ],
    });
    if (!r.ok) throw new Error(r.problems.join("; "));
    const step = r.definition.steps[0]!;
    const values = { people: [{ works: "no" }, { works: "yes" }, { works: "yes", _excluded: true }] };
    expect(pendingFollowUps(step, {}, values, new Set())).toEqual(["people.1.employer"]);
    expect(pendingFollowUps(step, {}, values, new Set(["people.1.employer"]))).toEqual([]);
  });

  it("turns places into URLs", () => {
    expect(placePath("pets", { at: "step", stepId: "dog", returnToCheck: true, focus: "dogName" })).toBe(
      "/procedures/pets/steps/dog?from=check&focus=dogName#dogName",
    );
    expect(placePath("pets", { at: "check" })).toBe("/procedures/pets/check");
    expect(placePath("pets", { at: "step", stepId: "people", followUps: true, focus: "note" })).toBe("/procedures/pets/steps/people?more=1&focus=note#note");
    expect(placePath("pets", { at: "start" })).toBe("/procedures/pets");
  });
});

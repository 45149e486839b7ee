import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import type { FormDefinition } from "../form-engine/definition";
import { parseDefinition } from "../procedures/definitions.server";
import { useTestDatabase } from "../test/db";
import { residentAccounts } from "../../db/schema";
import { keepProfile, reusableAnswers } from "../residents/profile.server";
import { provenanceOf } from "./provenance";
import { resolvePrefill } from "./prefill-sources.server";
import type { ResidentAccount } from "./source";

const account = (over: Partial<ResidentAccount>): ResidentAccount => ({
  id: "r",
  provider: "demo",
  subject: "s",
  name: "x",
  nameKana: null,
  birthDate: null,
  sex: null,
  address: null,
  personId: null,
  moveInPersonId: null,
  language: null,
  createdAt: new Date(),
  lastSignInAt: null,
  ...over,
});

const form = (fields: unknown[]) => {
  const r = parseDefinition({
    id: "f",
    version: "1",
    title: "f",
    description: "f",
    guidance: { duration: "1分" },
    declaration: "d",
    afterSubmit: ["a"],
    steps: [{ id: "one", title: "一", fields }],
  });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition as FormDefinition;
};

describe("prefill bindings", () => {
  beforeEach(async () => {
    await seedDemoData(useTestDatabase(), new Date("2026-11-22T00:00:00Z"));
  });

  it("resolves each source for the resident, and filters lists (children under 6)", () => {
    const def = form([
      { type: "personName", name: "me", label: "氏名", prefill: { path: "identity.name", mode: "fixed" } },
      { type: "address", name: "home", label: "住所", prefill: { path: "registry.person.address" } },
      {
        type: "group",
        name: "kids",
        label: "子",
        itemLabel: "子",
        fields: [
          { type: "personName", name: "name", label: "氏名" },
          { type: "date", name: "birth", label: "生年月日" },
        ],
        prefill: { path: "registry.household.members", filter: { field: "ageYears", op: "lt", value: 6 }, map: { name: "name", birth: "birthDate" } },
      },
    ]);
    const prefill = resolvePrefill(def, account({ personId: "p-takahashi-daisuke" }));
    expect(prefill.me).toEqual({ source: "identity", value: { family: "髙橋", given: "大輔", familyKana: "タカハシ", givenKana: "ダイスケ" } });
    expect(prefill.home?.value).toMatchObject({ postalCode: "4200001", town: "本町一丁目2番3号" });
    expect((prefill.kids?.value as { name: { given: string } }[]).map((k) => k.name.given)).toEqual(["陽翔", "結衣"]);
  });

  it("gives the move-in household to a person moving in, and nothing from sources that do not apply", () => {
    const def = form([
      {
        type: "group",
        name: "movers",
        label: "異動者",
        itemLabel: "人",
        fields: [{ type: "text", name: "rel", label: "続柄" }],
        prefill: { path: "moveIn.persons", map: { rel: "relationship" } },
      },
      { type: "address", name: "home", label: "住所", prefill: { path: "registry.person.address" } },
    ]);
    const prefill = resolvePrefill(def, account({ moveInPersonId: "mp-ito-kenichi" }));
    // Each offered person keeps its place in the offer; the signed-in mover's own item is marked.
    expect(prefill.movers?.value).toEqual([
      { rel: "head", _offered: 0, _self: true },
      { rel: "wife", _offered: 1 },
      { rel: "child", _offered: 2 },
      { rel: "child", _offered: 3 },
    ]);
    expect(prefill.home).toBeUndefined();
  });

  it("refuses a binding to a path no source offers, a list bound to a plain field, and a map to a missing key", () => {
    const bad = (fields: unknown[]) => {
      const r = parseDefinition({
        id: "f",
        version: "1",
        title: "f",
        description: "f",
        guidance: { duration: "1" },
        declaration: "d",
        afterSubmit: ["a"],
        steps: [{ id: "one", title: "一", fields }],
      });
      return r.ok ? [] : r.problems;
    };
    expect(bad([{ type: "text", name: "a", label: "A", prefill: { path: "registry.person.shoeSize" } }])[0]).toMatch(/^steps\.0\.fields\.0\.prefill\.path/);
    expect(bad([{ type: "text", name: "a", label: "A", prefill: { path: "moveIn.persons" } }])).toEqual([
      'steps.0.fields.0.prefill.path: "moveIn.persons" is a list: bind it to a group',
    ]);
    expect(
      bad([
        {
          type: "group",
          name: "g",
          label: "G",
          itemLabel: "i",
          fields: [{ type: "text", name: "a", label: "A" }],
          prefill: { path: "moveIn.persons", map: { a: "shoeSize" } },
        },
      ]),
    ).toEqual(['steps.0.fields.0.prefill.map.a: "moveIn.persons" items offer no "shoeSize"']);
  });
});

describe("kept data inside a group", () => {
  let db: ReturnType<typeof useTestDatabase>;
  beforeEach(async () => {
    db = useTestDatabase();
    await seedDemoData(db, new Date("2026-11-22T00:00:00Z"));
  });
  const guardians = (bindings: Record<string, unknown> = { employer: { path: "profile.employer" }, hours: { path: "profile.workHoursPerMonth" } }) =>
    form([
      {
        type: "group",
        name: "guardians",
        label: "保護者",
        itemLabel: "保護者",
        maxItems: 2,
        prefill: { path: "registry.household.members", filter: { field: "relationship", op: "in", value: ["head", "wife"] }, map: { name: "name" } },
        fields: [
          { type: "personName", name: "name", label: "氏名" },
          { type: "text", name: "employer", label: "勤務先", prefill: bindings.employer },
          { type: "number", name: "hours", label: "就労時間", prefill: bindings.hours },
        ],
      },
    ]);

  it("fills the resident's own item (not their spouse's) with what they kept, noting that source per field", () => {
    const resident = account({ personId: "p-takahashi-daisuke" });
    db.insert(residentAccounts).values(resident).run();
    keepProfile(resident.id, { employer: "まどぐち商事", workHoursPerMonth: 160 });
    const prefill = resolvePrefill(guardians(), resident);
    const [own, spouse] = prefill.guardians!.value as Record<string, unknown>[];
    expect(own).toMatchObject({ _offered: 0, _self: true, employer: "まどぐち商事", hours: 160, _sources: { employer: "profile", hours: "profile" } });
    expect(spouse).not.toHaveProperty("employer");
    // Kept again from the answers: only the resident's own item counts.
    const answers = {
      guardians: [
        { _offered: 1, employer: "配偶者の会社", hours: 80 },
        { _offered: 0, employer: "新しい会社", hours: 120 },
      ],
    };
    expect(reusableAnswers(guardians(), answers, prefill)).toEqual({ employer: "新しい会社", workHoursPerMonth: 120 });
  });

  it("refuses item bindings to anything but the resident's own kept data, or in a group with no list of people", () => {
    const problems = (def: () => unknown) => {
      try {
        def();
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problems(() => guardians({ employer: { path: "registry.person.name" } }))).toMatch(/binds only to profile\.\*/);
    expect(problems(() => guardians({ employer: { path: "profile.employer", mode: "fixed" } }))).toMatch(/confirm mode/);
    expect(
      problems(() =>
        form([
          { type: "group", name: "g", label: "G", itemLabel: "i", fields: [{ type: "text", name: "e", label: "E", prefill: { path: "profile.employer" } }] },
        ]),
      ),
    ).toMatch(/no own item to fill/);
  });
});

describe("provenance", () => {
  it("tells typed, prefilled as is, and prefilled-and-changed apart, keeping the original", () => {
    const prefilled = { name: { value: { family: "髙橋", given: "大輔" }, source: "identity" } };
    expect(provenanceOf({ name: { given: "大輔", family: "髙橋" }, phone: "0" }, prefilled)).toEqual({
      name: { kind: "prefilled", source: "identity" },
      phone: { kind: "typed" },
    });
    expect(provenanceOf({ name: { family: "高橋", given: "大輔" } }, prefilled)).toEqual({
      name: { kind: "changed", source: "identity", original: { family: "髙橋", given: "大輔" } },
    });
  });

  it("records a group offered from a list per item and per field, including values from another source", () => {
    const offers = [
      { _offered: 0, _self: true, name: "健一", employer: "商事", _sources: { employer: "profile" } },
      { _offered: 1, name: "美咲" },
    ];
    const saved = [{ _offered: 0, name: "健一", employer: "新会社", hours: 100 }, { name: "追加した人" }];
    expect(provenanceOf({ people: saved }, { people: { value: offers, source: "registry" } })).toEqual({
      people: {
        kind: "items",
        source: "registry",
        items: [
          { name: { kind: "prefilled", source: "registry" }, employer: { kind: "changed", source: "profile", original: "商事" }, hours: { kind: "typed" } },
          null,
        ],
      },
    });
  });
});

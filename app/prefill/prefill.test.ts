import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { parseDefinition, type FormDefinition } from "../form-engine/definition";
import { useTestDatabase } from "../test/db";
import { provenanceOf } from "./provenance";
import { resolvePrefill } from "./registry.server";
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
        fields: [{ type: "personName", name: "name", label: "氏名" }, { type: "date", name: "birth", label: "生年月日" }],
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
      { type: "group", name: "movers", label: "異動者", itemLabel: "人", fields: [{ type: "text", name: "rel", label: "続柄" }], prefill: { path: "moveIn.persons", map: { rel: "relationship" } } },
      { type: "address", name: "home", label: "住所", prefill: { path: "registry.person.address" } },
    ]);
    const prefill = resolvePrefill(def, account({ moveInPersonId: "mp-ito-kenichi" }));
    expect(prefill.movers?.value).toEqual([{ rel: "head" }, { rel: "wife" }, { rel: "child" }, { rel: "child" }]);
    expect(prefill.home).toBeUndefined();
  });

  it("refuses a binding to a path no source offers, a list bound to a plain field, and a map to a missing key", () => {
    const bad = (fields: unknown[]) => {
      const r = parseDefinition({ id: "f", version: "1", title: "f", description: "f", guidance: { duration: "1" }, declaration: "d", afterSubmit: ["a"], steps: [{ id: "one", title: "一", fields }] });
      return r.ok ? [] : r.problems;
    };
    expect(bad([{ type: "text", name: "a", label: "A", prefill: { path: "registry.person.shoeSize" } }])[0]).toMatch(/^steps\.0\.fields\.0\.prefill\.path/);
    expect(bad([{ type: "text", name: "a", label: "A", prefill: { path: "moveIn.persons" } }])).toEqual(['steps.0.fields.0.prefill.path: "moveIn.persons" is a list: bind it to a group']);
    expect(
      bad([{ type: "group", name: "g", label: "G", itemLabel: "i", fields: [{ type: "text", name: "a", label: "A" }], prefill: { path: "moveIn.persons", map: { a: "shoeSize" } } }]),
    ).toEqual(['steps.0.fields.0.prefill.map.a: "moveIn.persons" items offer no "shoeSize"']);
  });
});

describe("provenance", () => {
  it("tells typed, prefilled as is, and prefilled-and-changed apart, keeping the original", () => {
    const prefilled = { name: { value: { family: "髙橋", given: "大輔" }, source: "identity" }, list: { value: [{ a: 1 }], source: "moveIn" } };
    expect(
      provenanceOf({ name: { given: "大輔", family: "髙橋" }, phone: "0", list: [{ a: 1, extra: "added by the resident" }] }, prefilled),
    ).toEqual({ name: { kind: "prefilled", source: "identity" }, phone: { kind: "typed" }, list: { kind: "prefilled", source: "moveIn" } });
    expect(provenanceOf({ name: { family: "高橋", given: "大輔" } }, prefilled)).toEqual({
      name: { kind: "changed", source: "identity", original: { family: "髙橋", given: "大輔" } },
    });
  });
});

import { describe, expect, it, vi } from "vitest";
import { parseDefinition } from "../form-engine/definition";
import { createPrefillSources } from "./prefill";
import { prefillSources } from "./prefill-sources.server";
import type { PrefillSource, ResidentAccount } from "./source";

const resident = { id: "r", name: "山田 花子" } as ResidentAccount;

/** A source as a city would add one: its id, its mark, what it offers and how it finds it. */
const taxSource: PrefillSource = {
  id: "tax",
  labelKey: "prefill.source.tax",
  offers: { income: {}, dependants: { itemKeys: ["name", "age"] } },
  resolve: vi.fn(() => ({
    income: 3_200_000,
    dependants: [
      { name: "太郎", age: 4 },
      { name: "次郎", age: 9 },
    ],
  })),
};

const definitionBinding = (fields: unknown[]) => ({
  id: "f",
  version: "1",
  title: "f",
  description: "f",
  guidance: { duration: "1分" },
  declaration: "d",
  afterSubmit: ["a"],
  steps: [{ id: "one", title: "一", fields }],
});

describe("prefill source registry", () => {
  it("takes a new source with one line, derives the paths the meta-schema accepts, and resolves a binding to it", () => {
    const sources = createPrefillSources([...prefillSources.sources, taxSource]);
    expect(sources.catalog.paths).toEqual(expect.arrayContaining(["tax.income", "tax.dependants", "registry.person.address"]));
    const def = definitionBinding([
      { type: "number", name: "income", label: "所得", prefill: { path: "tax.income" } },
      {
        type: "group",
        name: "kids",
        label: "扶養",
        itemLabel: "人",
        fields: [{ type: "text", name: "who", label: "氏名" }],
        prefill: { path: "tax.dependants", filter: { field: "age", op: "lt", value: 6 }, map: { who: "name" } },
      },
    ]);
    // Without the source the same definition is refused, naming the binding.
    const without = parseDefinition(def, prefillSources.catalog);
    expect(without.ok ? [] : without.problems).toContain('steps.0.fields.0.prefill.path: no prefill source offers "tax.income"');
    const parsed = parseDefinition(def, sources.catalog);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    expect(sources.resolve(parsed.definition, resident)).toEqual({
      income: { value: 3_200_000, source: "tax" },
      kids: { value: [{ who: "太郎", _offered: 0 }], source: "tax" },
    });
    expect(sources.labelKey("tax")).toBe("prefill.source.tax");
  });

  it("asks only the sources a definition binds", () => {
    const unbound: PrefillSource = { id: "unbound", labelKey: "x", offers: { a: {} }, resolve: vi.fn(() => ({ a: 1 })) };
    const sources = createPrefillSources([taxSource, unbound]);
    const parsed = parseDefinition(definitionBinding([{ type: "number", name: "income", label: "所得", prefill: { path: "tax.income" } }]), sources.catalog);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    sources.resolve(parsed.definition, resident);
    expect(unbound.resolve).not.toHaveBeenCalled();
    expect(taxSource.resolve).toHaveBeenCalledWith(resident);
  });

  it("refuses two sources with the same id", () => {
    expect(() => createPrefillSources([taxSource, { ...taxSource }])).toThrow(/same id/);
  });
});

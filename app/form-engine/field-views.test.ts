import { describe, expect, it } from "vitest";
import { fieldTypes, getFieldType } from "./field-types";
import { fieldViewTypes, getFieldView } from "./field-views";

describe("the browser's field views", () => {
  it("list the same types as the server's registry, in the same order", () => {
    expect(fieldViewTypes).toEqual(fieldTypes.map((ft) => ft.type));
  });

  it("are each type's own view: the page renders and reads an answer as the server does", () => {
    for (const type of fieldViewTypes) {
      const view = getFieldView(type);
      const full = getFieldType(type);
      // The group's view is made by a factory for each list of leaf types: the same code, not the same closure.
      for (const hook of ["Render", "normalize", "isEmpty", "firstInputId"] as const) expect(String(view[hook])).toBe(String(full[hook]));
      // A type that adds to its definition for the page (forPage) formats there from what it added: tested below.
      if (!full.forPage) expect(String(view.format)).toBe(String(full.format));
      expect(view.hasValue).toBe(full.hasValue);
    }
  });

  it("carry no rules: the meta-schema and the answer's schema stay on the server", () => {
    for (const type of fieldViewTypes) {
      expect(getFieldView(type)).not.toHaveProperty("definition");
      expect(getFieldView(type)).not.toHaveProperty("schema");
    }
  });
});

describe("a list the server sends with the definition (forPage)", () => {
  const def = { type: "country", name: "nationality", label: "国籍・地域", required: true } as never;
  const t = ((k: string) => k) as never;

  it("names a country on the page as the server names it, in the reader's language", () => {
    const country = getFieldType("country");
    for (const lng of ["ja", "en"]) {
      const onPage = country.forPage!(def, lng);
      for (const code of ["VN", "BR", "XC", "FR"]) expect(getFieldView("country").format(code, onPage, lng, t)).toBe(country.format(code, def, lng, t));
    }
  });

  it("offers the common countries first and every other once, none of them 日本", () => {
    const onPage = getFieldType("country").forPage!(def, "ja") as unknown as { names: { common: [string, string][]; all: [string, string][] } };
    const codes = [...onPage.names.common, ...onPage.names.all].map(([c]) => c);
    expect(onPage.names.common[0]).toEqual(["CN", "中華人民共和国"]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain("JP");
    expect(codes.length).toBeGreaterThan(240);
  });
});

import qs from "qs";
import { describe, expect, it } from "vitest";
import { readFormData } from "./read-form";

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const serverParse = (entries: [string, string][]) => qs.parse(new URLSearchParams(entries).toString(), { depth: 6, arrayLimit: 100, allowSparse: true });

describe("the browser's reading of a step form", () => {
  it("shapes answers as the server's parse does: nested parts, items in their places, repeated names as lists", () => {
    const entries: [string, string][] = [
      ["moveDate[era]", "reiwa"],
      ["moveDate[year]", "8"],
      ["persons[0][name][family]", "伊藤"],
      ["persons[0][name][given]", "湊"],
      ["persons[1][relation]", "子"],
      ["reasons", "work"],
      ["reasons", "illness"],
      ["single", "x"],
      ["_asked", "persons.1.school"],
    ];
    expect(readFormData(form(entries))).toEqual(serverParse(entries));
  });

  it("reads the files a field keeps (`keep[]`) as a list, one kept file too", () => {
    for (const entries of [
      [["certificate[keep][]", "f1"]],
      [
        ["certificate[keep][]", "f1"],
        ["certificate[keep][]", "f2"],
      ],
      [
        ["guardians[0][certificate][keep][]", "f1"],
        ["guardians[0][name]", "x"],
      ],
    ] as [string, string][][])
      expect(readFormData(form(entries))).toEqual(serverParse(entries));
  });

  it("keeps a person's own page's item in its place (a sparse list, as the server reads it)", () => {
    const entries: [string, string][] = [["persons[2][relation]", "子"]];
    const read = readFormData(form(entries)) as { persons: unknown[] };
    expect(read).toEqual(serverParse(entries));
    expect(read.persons).toHaveLength(3);
    expect(0 in read.persons).toBe(false);
  });

  it("reads chosen files as pending beside the files already kept, and never writes to a prototype", () => {
    const read = readFormData(
      form([
        ["certificate[keep]", "f1"],
        ["certificate", new File(["%PDF"], "給与;賞与.pdf", { type: "application/pdf" })],
        ["__proto__[polluted]", "yes"],
        ["constructor[prototype][polluted]", "yes"],
      ]),
    );
    expect(read).toEqual({ certificate: { keep: "f1", files: [{ pending: true, name: "給与;賞与.pdf", type: "application/pdf", size: 4 }] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

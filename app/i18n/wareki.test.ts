import { describe, expect, it } from "vitest";
import { eraOf, erasOfYear, inEra, parseYearText, readYear } from "./wareki";

describe("reading a year as people write it", () => {
  it.each([
    ["1990", undefined, 1990],
    ["１９９０", undefined, 1990],
    ["1990年", undefined, 1990],
    ["S30", "showa", 30],
    ["s30", "showa", 30],
    ["昭和30", "showa", 30],
    ["昭30", "showa", 30],
    ["㍼30", "showa", 30],
    ["Ｈ２", "heisei", 2],
    ["平成元", "heisei", 1],
    ["R1", "reiwa", 1],
    ["令和元年", "reiwa", 1],
    [" T 15 ", "taisho", 15],
  ])("%s", (text, era, n) => {
    expect(parseYearText(text)).toMatchObject({ era, n });
  });

  it("is not a year", () => {
    for (const text of ["", "abc", "昭和", "X30", "12345"]) expect(parseYearText(text)).toBeUndefined();
  });

  it("reads 西暦, a chosen era, and an era typed in the box", () => {
    expect(readYear("western", "1955")).toEqual({ western: 1955 });
    expect(readYear("showa", "30")).toEqual({ western: 1955, era: "showa", eraYear: 30 });
    expect(readYear("western", "昭和30")).toEqual({ western: 1955, era: "showa", eraYear: 30 });
    expect(readYear(undefined, "S30")).toEqual({ western: 1955, era: "showa", eraYear: 30 });
    expect(readYear("reiwa", "元")).toEqual({ western: 2019, era: "reiwa", eraYear: 1 });
    // Four digits are 西暦 even with an era chosen, as long as the era was in force that year.
    expect(readYear("showa", "1955")).toEqual({ western: 1955 });
    expect(readYear("heisei", "2019")).toEqual({ western: 2019 });
  });

  it("says what is wrong in words", () => {
    expect(readYear("western", "30")).toEqual({ problem: "westernDigits" });
    expect(readYear("western", "元")).toEqual({ problem: "westernDigits" });
    expect(readYear("heisei", "S30")).toEqual({ problem: "conflict", typed: "昭和30年", western: 1955, chosen: "平成" });
    expect(readYear("heisei", "1955")).toEqual({ problem: "mismatch", western: 1955, wareki: "昭和30年", chosen: "平成" });
    expect(readYear("showa", "65")).toEqual({ problem: "eraRange", era: "昭和", last: 64, lastWestern: 1989 });
    expect(readYear("heisei", "32")).toEqual({ problem: "eraRange", era: "平成", last: 31, lastWestern: 2019 });
    expect(readYear("showa", "0")).toEqual({ problem: "format" });
  });
});

describe("the eras", () => {
  it("knows the days they change", () => {
    expect(eraOf("1989-01-07")).toEqual({ era: "showa", year: 64 });
    expect(eraOf("1989-01-08")).toEqual({ era: "heisei", year: 1 });
    expect(eraOf("2019-04-30")).toEqual({ era: "heisei", year: 31 });
    expect(eraOf("2019-05-01")).toEqual({ era: "reiwa", year: 1 });
    expect(eraOf("1926-12-24")).toEqual({ era: "taisho", year: 15 });
    expect(eraOf("1926-12-25")).toEqual({ era: "showa", year: 1 });
    expect(eraOf("1850-01-01")).toBeUndefined();
  });
  it("lists every era of a year and whether a day or month lies in one", () => {
    expect(erasOfYear(1989)).toEqual([
      { era: "showa", year: 64 },
      { era: "heisei", year: 1 },
    ]);
    expect(inEra("showa", "1989-01-07")).toBe(true);
    expect(inEra("showa", "1989-01-08")).toBe(false);
    expect(inEra("showa", "1989-01")).toBe(true);
    expect(inEra("heisei", "2019-05")).toBe(false);
    expect(inEra("reiwa", "2019-04-30")).toBe(false);
  });
});

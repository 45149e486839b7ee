/** Issue 10, point 10: 郵便番号 → 住所 from Japan Post's data shipped in the package (no outside call). */
import { describe, expect, it } from "vitest";
import { lookupPostalCode } from "./postal-code.server";

describe("lookupPostalCode", () => {
  it("finds the one address of a code", () => {
    expect(lookupPostalCode("1040061")).toEqual([{ prefecture: "東京都", city: "中央区", town: "銀座" }]);
    expect(lookupPostalCode("5300001")).toEqual([{ prefecture: "大阪府", city: "大阪市北区", town: "梅田" }]);
  });

  it("offers every 町域 a shared code covers", () => {
    const found = lookupPostalCode("4520961");
    expect(found.length).toBeGreaterThan(50);
    expect(new Set(found.map((a) => `${a.prefecture}${a.city}`))).toEqual(new Set(["愛知県清須市"]));
    expect(found.map((a) => a.town)).toContain("春日夢の森");
  });

  it("gives the city with no 町域 where Japan Post lists none (以下に掲載がない場合)", () => {
    expect(lookupPostalCode("1000000")).toEqual([{ prefecture: "東京都", city: "千代田区", town: "" }]);
  });

  it("finds nothing for an unknown code or anything that is not 7 digits", () => {
    expect(lookupPostalCode("9999999")).toEqual([]);
    expect(lookupPostalCode("104-0061")).toEqual([]);
    expect(lookupPostalCode("../../etc/passwd")).toEqual([]);
  });
});

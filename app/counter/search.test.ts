import { describe, expect, it } from "vitest";
import { ageOn, foldForSearch, matchesTerms, parseBirthDate, parseCounterQuery } from "./search";

const takahashi = { name: "髙橋 大輔", kana: "タカハシ ダイスケ", address: "静岡県みどり市本町一丁目2番3号" };

describe("counter search", () => {
  it.each(["高橋", "髙橋", "たかはし", "ﾀｶﾊｼ", "タカハシ", "高橋 大輔", "たかはし だいすけ", "だいすけ", "本町一丁目"])("finds 髙橋 大輔 by %s", (typed) => {
    const q = parseCounterQuery(typed);
    expect(q.kind).toBe("text");
    expect(matchesTerms(takahashi, (q as { terms: string[] }).terms)).toBe(true);
  });

  it("does not find 髙橋 by another name, and needs every word", () => {
    expect(matchesTerms(takahashi, (parseCounterQuery("高田") as { terms: string[] }).terms)).toBe(false);
    expect(matchesTerms(takahashi, (parseCounterQuery("高橋 ゆみ") as { terms: string[] }).terms)).toBe(false);
  });

  it("folds 異体字 to their common forms (﨑/崎, 𠮷/吉)", () => {
    expect(foldForSearch("山﨑")).toBe(foldForSearch("山崎"));
    expect(foldForSearch("𠮷田")).toBe("吉田");
    expect(foldForSearch("髙橋")).toBe("高橋");
  });

  it.each([
    ["1988-05-14", "1988-05-14"],
    ["1988/5/14", "1988-05-14"],
    ["１９８８年５月１４日", "1988-05-14"],
    ["昭和63年5月14日", "1988-05-14"],
    ["S63.5.14", "1988-05-14"],
    ["H2/1/5", "1990-01-05"],
    ["令和元年5月1日", "2019-05-01"],
  ])("reads the date of birth %s (西暦 or 和暦)", (typed, iso) => {
    expect(parseCounterQuery(typed)).toEqual({ kind: "birthDate", birthDate: iso });
  });

  it("refuses dates that do not exist", () => {
    expect(parseBirthDate("平成31年5月1日")).toBeNull(); // it is 令和元年5月1日
    expect(parseBirthDate("1988-02-30")).toBeNull();
  });

  it("reads a 受付番号 as typed (lower case, no hyphen, full width), but not a name of eight letters", () => {
    expect(parseCounterQuery("abcd-2345")).toEqual({ kind: "receipt", receipt: "ABCD-2345" });
    expect(parseCounterQuery("ＡＢＣＤ２３４５")).toEqual({ kind: "receipt", receipt: "ABCD-2345" });
    expect(parseCounterQuery("NGUYENVA").kind).toBe("text");
  });

  it("an empty or blank query is empty", () => {
    expect(parseCounterQuery("")).toEqual({ kind: "empty" });
    expect(parseCounterQuery("　 ")).toEqual({ kind: "empty" });
  });

  it("counts full years of age", () => {
    expect(ageOn("1988-05-14", "2026-05-13")).toBe(37);
    expect(ageOn("1988-05-14", "2026-05-14")).toBe(38);
  });
});

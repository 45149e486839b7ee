import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { testT } from "../test/i18n";
import { csvHeader, csvRows, type CsvSubmission } from "./csv.server";

const t = testT("ja");

const row = (answers: Record<string, unknown>, over: Partial<CsvSubmission> = {}): CsvSubmission => ({
  receiptNumber: "ABCD-EFGH",
  submittedAt: new Date("2026-11-22T05:03:00Z"),
  status: "received",
  assigneeName: null,
  applicantName: "髙橋 大輔",
  definition: shippedDefinition("hoikusho"),
  answers,
  ...over,
});

describe("queue CSV", () => {
  it("starts with a BOM, uses CRLF, and has Japanese headers in definition order", () => {
    const def = shippedDefinition("hoikusho");
    const text = csvHeader(def, t) + csvRows(def, [row(hoikushoAnswers())], t);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(3); // header, one row, and the final line end
    const [header, values] = parse(text.slice(1)) as string[][];
    expect(header!.slice(0, 9)).toEqual([
      "受付番号",
      "受付日時",
      "受付日時（ISO）",
      "状態",
      "担当",
      "申請者",
      "申込区分",
      "入所を希望する月",
      "入所するお子さん 1 お子さんの氏名",
    ]);
    expect(values!.slice(0, 8)).toEqual([
      "ABCD-EFGH",
      "2026/11/22 14:03",
      "2026-11-22T14:03:00+09:00",
      "受付",
      "",
      "髙橋 大輔",
      "新規",
      "令和9年4月（2027年）",
    ]);
    // A group: one column per item and field, so the second guardian's employer is a cell of its own.
    const cell = (label: string) => values![header!.indexOf(label)];
    expect(header!.filter((h) => h.startsWith("保護者 "))).toContain("保護者 2 勤務先の名称");
    expect(header!.some((h) => h.startsWith("保護者 3 "))).toBe(false); // at most two guardians: no empty third
    expect(cell("保護者 1 勤務先の名称")).toBe("まどぐち商事株式会社");
    expect(cell("入所するお子さん 1 お子さんの氏名")).toContain("髙橋 陽翔");
    // A date: Japanese, and ISO beside it for sorting and formulas.
    const born = header!.indexOf("入所するお子さん 1 お子さんの生年月日");
    expect(header![born + 1]).toBe("入所するお子さん 1 お子さんの生年月日（ISO）");
    expect(values![born]).toMatch(/令和4年6月21日/);
    expect(values![born + 1]).toBe("2022-06-21");
  });

  it("neutralises formulas (= + - @, full-width too) and keeps quotes and line breaks inside their cell", () => {
    const def = shippedDefinition("hoikusho");
    const answers = hoikushoAnswers();
    const cases = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "＝1+1", '普通の"引用"と\n改行'];
    const text = csvRows(
      def,
      cases.map((c) => row({ ...answers, facilities: [{ facility: "midori", reason: c }] }, { applicantName: c })),
      t,
    );
    const rows = parse(text) as string[][];
    rows.forEach((r, i) => {
      const applicant = r[5]!; // after 受付日時 and its ISO column
      if (i < 5) expect(applicant).toBe(`'${cases[i]}`);
      else expect(applicant).toBe(cases[i]);
    });
  });
});

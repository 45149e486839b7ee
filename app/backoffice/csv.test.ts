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
    expect(header!.slice(0, 8)).toEqual(["受付番号", "受付日時", "状態", "担当", "申請者", "申込区分", "入所を希望する月", "入所するお子さん"]);
    expect(values!.slice(0, 7)).toEqual(["ABCD-EFGH", "2026/11/22 14:03", "受付", "", "髙橋 大輔", "新規", "令和9年4月（2027年）"]);
    // A group is one cell, one line per item.
    const guardians = values![header!.indexOf("保護者")]!;
    expect(guardians.split("\n")).toHaveLength(2);
    expect(guardians).toContain("勤務先の名称：まどぐち商事株式会社");
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
      const applicant = r[4]!;
      if (i < 5) expect(applicant).toBe(`'${cases[i]}`);
      else expect(applicant).toBe(cases[i]);
    });
  });
});

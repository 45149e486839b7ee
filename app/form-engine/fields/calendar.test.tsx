/**
 * 和暦 input (issue 10, point 3): the date and year-month types read 西暦 or 元号 + 年 — chosen next to the year or
 * typed in it — and refuse what does not exist with a message that says why in words.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { testT } from "../../test/i18n";
import { decodeMessage } from "../messages";
import { getFieldType } from "../field-types";
import { requiredMessageOf } from "../field-type";
import { offeredMonths } from "./year-month";
import { isoThisMonth, isoToday } from "../../i18n/dates";

const t = testT("ja");

/** Normalises posted parts and validates them as the server does; the message as the resident reads it. */
function answer(type: "date" | "yearMonth", parts: Record<string, string>, def: Record<string, unknown> = {}) {
  const ft = getFieldType(type);
  const full = { name: "birth", label: "生年月日", required: true, ...def, type } as never;
  const value = ft.normalize(parts, full);
  const r = ft.schema(full).safeParse(value);
  if (r.success) return { value, message: null };
  const m = decodeMessage(r.error.issues[0]!.message);
  return { value, message: t(m.key, { ...m.params, label: "生年月日" }) };
}
const date = (era: string, year: string, month = "4", day = "1", def?: Record<string, unknown>) => answer("date", { era, year, month, day }, def);

describe("date: 元号 + 年 or 西暦", () => {
  it("accepts 西暦 as before, without an era choice too", () => {
    expect(date("western", "1955").value).toBe("1955-04-01");
    expect(answer("date", { year: "１９５５", month: "０４", day: "１日" }).value).toBe("1955-04-01");
  });

  it.each([
    ["昭和30", "western"],
    ["S30", "western"],
    ["s30", "western"],
    ["30", "showa"],
    ["昭和30年", "showa"],
  ])("accepts %s (era choice %s) as 1955", (year, era) => {
    expect(date(era, year)).toEqual({ value: "1955-04-01", message: null });
  });

  it.each([
    ["Ｈ２", "western", "1990-04-01"],
    ["平成元", "western", "1989-04-01"],
    ["R1", "western", "2019-05-01"],
    ["令和元年", "western", "2019-05-01"],
    ["元", "reiwa", "2019-05-01"],
  ])("accepts %s (era choice %s)", (year, era, iso) => {
    const [, m, d] = iso.split("-");
    expect(date(era, year, String(Number(m)), String(Number(d)))).toEqual({ value: iso, message: null });
  });

  it("no longer calls 「昭和30」 an unreal date (the issue's finding)", () => {
    expect(date("western", "昭和30").message).toBeNull();
  });

  it("explains a mismatch between era and 西暦 in words", () => {
    expect(date("heisei", "S30").message).toBe("生年月日の年と元号が合いません。昭和30年は1955年ですが、元号の欄は「平成」です");
    expect(date("heisei", "1955").message).toBe("生年月日の年と元号が合いません。1955年は昭和30年で、平成ではありません");
  });

  it("refuses a day outside its era and names the day it is", () => {
    expect(date("heisei", "31", "5", "1").message).toBe("生年月日を確かめてください。平成31年5月1日は令和元年5月1日です");
    expect(date("showa", "64", "1", "8").message).toBe("生年月日を確かめてください。昭和64年1月8日は平成元年1月8日です");
    expect(date("reiwa", "1", "4", "30").message).toBe("生年月日を確かめてください。令和元年4月30日は平成31年4月30日です");
    expect(date("showa", "64", "1", "7").value).toBe("1989-01-07");
    expect(date("heisei", "31", "4", "30").value).toBe("2019-04-30");
  });

  it("refuses a year past the end of its era", () => {
    expect(date("showa", "65").message).toBe("生年月日の年を確かめてください。昭和は64年（1989年）までです");
  });

  it("asks for four digits or an era when 西暦 is chosen and the year is short", () => {
    expect(date("western", "30").message).toBe("生年月日の年は、西暦なら4桁で入力してください。和暦なら元号を選ぶか、「昭和30」のように元号を付けてください");
  });

  it("still refuses impossible days and keeps what was typed", () => {
    const r = date("showa", "30", "2", "30");
    expect(r.message).toBe("生年月日は実在する日付を入力してください");
    expect(r.value).toMatchObject({ invalid: true, parts: { era: "showa", year: "30", month: "2", day: "30" } });
  });

  it("keeps min and max", () => {
    expect(date("reiwa", "50", "1", "1", { max: "today" }).message).toBe("生年月日は今日以前の日付を入力してください");
  });
});

describe("yearMonth", () => {
  const month = (era: string, year: string, m: string, def: Record<string, unknown> = {}) => answer("yearMonth", { era, year, month: m }, def);

  it("stores YYYY-MM from 西暦 or 和暦", () => {
    expect(month("western", "2027", "4").value).toBe("2027-04");
    expect(month("reiwa", "9", "4").value).toBe("2027-04");
    expect(month("western", "R9", "４月").value).toBe("2027-04");
  });

  it("refuses a month outside its era, and one in the past when min is today", () => {
    expect(month("heisei", "31", "5").message).toBe("生年月日を確かめてください。平成31年5月は令和元年5月です");
    expect(month("showa", "64", "1").value).toBe("1989-01");
    expect(month("western", "2000", "4", { min: "today" }).message).toBe("生年月日は今月以降の月を入力してください");
    expect(month("western", isoThisMonth().slice(0, 4), String(Number(isoThisMonth().slice(5))), { min: "today" }).message).toBeNull();
    expect(month("western", "2027", "13").message).toBe("生年月日は実在する年と月を入力してください");
  });

  it("is shown as a month", () => {
    const ft = getFieldType("yearMonth");
    expect(ft.format("2027-04", {} as never, "ja", t)).toBe("令和9年4月（2027年）");
    expect(ft.format("2027-04", {} as never, "en", t)).toBe("April 2027");
  });
});

describe("yearMonth offered as the coming months (offerMonths)", () => {
  const render = (def: Record<string, unknown>, value?: unknown) => {
    const ft = getFieldType("yearMonth");
    const full = { name: "m", label: "入所を希望する月", required: true, ...def, type: "yearMonth" } as never;
    return renderToStaticMarkup(<ft.Render def={full} id="m" name="m" value={value} required lng="ja" t={t} />);
  };
  const values = (html: string) => [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);

  it("lists N months from the lower bound, in 和暦 with 西暦, as one select; typed 元号・年・月 otherwise", () => {
    expect(offeredMonths({ min: "2026-11", offerMonths: 3 }, undefined)).toEqual(["2026-11", "2026-12", "2027-01"]);
    const html = render({ min: "2027-03", offerMonths: 2 }, "2027-04");
    expect(values(html)).toEqual(["", "2027-03", "2027-04"]);
    expect(html).toContain('<option value="2027-04" selected="">令和9年4月（2027年）</option>');
    expect(html).not.toContain('name="m[year]"');
    expect(render({ min: "today" })).toContain('name="m[year]"');
    expect(getFieldType("yearMonth").firstInputId("m", { offerMonths: 2 } as never)).toBe("m");
  });

  it("keeps a saved month the list no longer holds (a draft resumed later), for the server to say why it is refused", () => {
    expect(values(render({ min: "today", offerMonths: 2 }, "2001-04"))[1]).toBe("2001-04");
    expect(answer("yearMonth", {}, { min: "today", offerMonths: 2 }).value).toBe("");
    // Nothing chosen is asked for as a choice, a month typed as missing.
    expect(requiredMessageOf(getFieldType("yearMonth"), { offerMonths: 2 } as never)).toBe("validation.choice");
    expect(requiredMessageOf(getFieldType("yearMonth"), {} as never)).toBe("validation.required");
  });
});

describe("the date input's hints", () => {
  const render = (def: Record<string, unknown>, value?: unknown) => {
    const ft = getFieldType("date");
    const full = { name: "d", label: "日付", required: true, birthDate: false, ...def, type: "date" } as never;
    return renderToStaticMarkup(<ft.Render def={full} id="d" name="d" value={value} required lng="ja" t={t} />);
  };

  it("gives the definition's example in 西暦 and 和暦", () => {
    expect(render({ example: "1985-07-20" })).toContain("例：1985年7月20日、または 昭和60年7月20日");
    const today = isoToday();
    expect(render({ example: "today" })).toContain(`例：${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`);
    expect(render({})).not.toContain("例：");
  });

  it("does not promise the live aid before JavaScript runs, and gives the aid for what was sent", () => {
    const empty = render({});
    expect(empty).not.toContain("表示します");
    expect(render({}, { invalid: true, parts: { era: "showa", year: "30", month: "2", day: "30" }, reason: "" })).toContain("昭和30年は1955年です");
    expect(render({}, "1990-04-01")).toContain("1990年は平成2年です");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serverResources } from "./resources.server";
import { formatDate, formatDateTime, formatYearMonth, inJapan, isoDateInJapan, isoToday, sortableDateTime, warekiDate, warekiYear } from "./dates";

describe("one date display", () => {
  it("puts 和暦 first in Japanese, with the 西暦 year as an aid", () => {
    expect(formatDate("1987-03-19", "ja")).toBe("昭和62年3月19日（1987年）");
    expect(formatDate("2019-05-01", "ja")).toBe("令和元年5月1日（2019年）");
    expect(formatDate("2019-04-30", "ja")).toBe("平成31年4月30日（2019年）");
    expect(formatDate("1989-01-07", "ja")).toBe("昭和64年1月7日（1989年）");
    expect(formatYearMonth("2027-04", "ja")).toBe("令和9年4月（2027年）");
  });
  it("uses the local style in other languages, without 和暦", () => {
    expect(formatDate("1987-03-19", "en")).toBe("19 March 1987");
    expect(formatYearMonth("2027-04", "en")).toBe("April 2027");
  });
  it("writes dates with the language's own words, whatever the runtime's Intl knows (Chromium has no नेपाली dates)", () => {
    serverResources();
    expect(formatDate("1985-07-20", "ne")).toBe("1985 जुलाई 20");
    expect(formatDate("1985-07-20", "vi")).toBe("20 tháng 7, 1985");
    expect(formatDate("1985-07-20", "pt-BR")).toBe("20 de julho de 1985");
    expect(formatYearMonth("2027-04", "ko")).toBe("2027년 4월");
    expect(formatDate("1987-03-19", "en")).toBe("19 March 1987");
    // 日本語 keeps its 和暦; やさしい日本語 writes 西暦 the Japanese way.
    expect(formatDate("1987-03-19", "ja")).toBe("昭和62年3月19日（1987年）");
    expect(formatDate("1987-03-19", "ja-x-easy")).toBe("1987年3月19日");
  });
  it("shows a moment on the city's clock the same way", () => {
    const at = new Date("2026-11-23T04:08:00Z");
    expect(formatDateTime(at, "ja")).toBe("令和8年11月23日 13:08");
    expect(formatDateTime(at.toISOString())).toBe("令和8年11月23日 13:08");
    expect(formatDateTime(at, "en")).toBe("23 November 2026, 13:08");
    // 00:30 in Tokyo is still the day before in UTC.
    expect(formatDateTime(new Date("2026-11-21T15:30:00Z"), "ja")).toBe("令和8年11月22日 00:30");
    expect(sortableDateTime(at)).toBe("2026/11/23 13:08");
  });
  it("gives the day in Japan", () => {
    expect(isoDateInJapan(new Date("2026-11-22T16:30:00Z"))).toBe("2026-11-23");
    expect(isoToday(new Date("2026-11-22T14:59:00Z"))).toBe("2026-11-22");
  });
  it("writes 元年", () => {
    expect(warekiYear(2019)).toBe("令和元年");
    expect(warekiDate("1989-01-08")).toBe("平成元年1月8日");
  });
});

describe("the city's clock", () => {
  // The oracle: Intl's time zone data, read through another formatter than the module's ("2026-11-23 13:08:00").
  const byIntl = (ms: number) => {
    const s = new Date(ms).toLocaleString("sv-SE", { timeZone: "Asia/Tokyo" });
    return { day: s.slice(0, 10), time: s.slice(11, 16) };
  };

  it("reads any moment as Intl's Asia/Tokyo does, summer time of 1948–1951 included", () => {
    const moments = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(moments, (at) => {
        expect(inJapan(at)).toEqual(byIntl(at.getTime()));
      }),
      { numRuns: 5000 },
    );
    // A summer-time hour: 1949-05-01 00:30 UTC was 10:30 in Japan, not 09:30.
    expect(inJapan("1949-05-01T00:30:00Z")).toEqual({ day: "1949-05-01", time: "10:30" });
    expect(inJapan("2026-11-23T14:59:59.999Z")).toEqual({ day: "2026-11-23", time: "23:59" });
    expect(inJapan("2026-11-23T15:00:00Z")).toEqual({ day: "2026-11-24", time: "00:00" });
  });
});

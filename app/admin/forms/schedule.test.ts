import { describe, expect, it } from "vitest";
import { jstFields, parseJstDateTime } from "./schedule";

const now = new Date("2026-12-01T00:00:00Z"); // 2026-12-01 09:00 JST

describe("parseJstDateTime", () => {
  it("reads the date and time as Japan's clock", () => {
    expect(parseJstDateTime({ date: "2026-12-24", time: "09:30" }, now)).toEqual({ ok: true, at: new Date("2026-12-24T00:30:00Z") });
    // Midnight JST is the previous day in UTC.
    expect(parseJstDateTime({ date: "2027-01-01", time: "00:00" }, now)).toEqual({ ok: true, at: new Date("2026-12-31T15:00:00Z") });
  });

  it("accepts full-width digits and slashes typed with a Japanese keyboard", () => {
    expect(parseJstDateTime({ date: "２０２６/１２/２４", time: "０９：３０" }, now)).toEqual({ ok: true, at: new Date("2026-12-24T00:30:00Z") });
  });

  it("refuses a missing, malformed or impossible date or time", () => {
    expect(parseJstDateTime({ date: "", time: "09:00" }, now)).toEqual({ ok: false, problem: "missing" });
    expect(parseJstDateTime({ date: "2026-12-24", time: " " }, now)).toEqual({ ok: false, problem: "missing" });
    expect(parseJstDateTime({ date: "24.12.2026", time: "09:00" }, now)).toEqual({ ok: false, problem: "invalid" });
    expect(parseJstDateTime({ date: "2027-02-30", time: "09:00" }, now)).toEqual({ ok: false, problem: "invalid" });
    expect(parseJstDateTime({ date: "2026-12-24", time: "24:00" }, now)).toEqual({ ok: false, problem: "invalid" });
    expect(parseJstDateTime({ date: "2026-12-24", time: "9時" }, now)).toEqual({ ok: false, problem: "invalid" });
  });

  it("refuses a moment that is not in the future (Japan's 08:59 is before the server's 00:00 UTC)", () => {
    expect(parseJstDateTime({ date: "2026-12-01", time: "08:59" }, now)).toEqual({ ok: false, problem: "inPast" });
    expect(parseJstDateTime({ date: "2026-12-01", time: "09:00" }, now)).toEqual({ ok: false, problem: "inPast" });
    expect(parseJstDateTime({ date: "2026-12-01", time: "09:01" }, now).ok).toBe(true);
  });

  it("jstFields gives back what was typed", () => {
    expect(jstFields(new Date("2026-12-31T15:00:00Z"))).toEqual({ date: "2027-01-01", time: "00:00" });
  });
});

import { describe, expect, it } from "vitest";
import { isFault, requestEntry } from "./log.server";

describe("logs", () => {
  it("record a request without its query, body or who made it", () => {
    const entry = requestEntry({ method: "GET", originalUrl: "/counter?q=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E" }, { statusCode: 200 }, 12.4);
    expect(entry).toEqual({ method: "GET", path: "/counter", status: 200, ms: 12 });
    expect(JSON.stringify(entry)).not.toContain("%E5");
  });

  it("give a page not found no stack trace; a fault keeps it", () => {
    expect(isFault({ status: 404, statusText: "Not Found" })).toBe(false);
    expect(isFault(new Error("boom"))).toBe(true);
    expect(isFault({ status: 500 })).toBe(true);
  });
});

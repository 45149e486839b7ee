import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./csrf.server";

const origin = "https://madoguchi.example.jp";
const headers = (h: Record<string, string>) => new Headers(h);

describe("checkSameOrigin", () => {
  it("lets safe methods through", () => {
    expect(checkSameOrigin("GET", headers({ origin: "https://evil.example" }), origin).ok).toBe(true);
  });

  it("accepts a POST from our own origin", () => {
    expect(checkSameOrigin("POST", headers({ origin, "sec-fetch-site": "same-origin" }), origin).ok).toBe(true);
    expect(checkSameOrigin("POST", headers({ origin }), origin).ok).toBe(true);
    expect(checkSameOrigin("POST", headers({ "sec-fetch-site": "same-origin" }), origin).ok).toBe(true);
  });

  it("refuses another origin, a sibling site, and a request that says nothing", () => {
    expect(checkSameOrigin("POST", headers({ origin: "https://evil.example" }), origin).ok).toBe(false);
    expect(checkSameOrigin("POST", headers({ origin, "sec-fetch-site": "same-site" }), origin).ok).toBe(false);
    expect(checkSameOrigin("DELETE", headers({ "sec-fetch-site": "cross-site" }), origin).ok).toBe(false);
    expect(checkSameOrigin("POST", headers({}), origin)).toEqual({ ok: false, reason: "neither Origin nor Sec-Fetch-Site was sent" });
    expect(checkSameOrigin("POST", headers({ origin: "null" }), origin).ok).toBe(false);
  });
});

import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { crossSiteStaffGet, PERMISSIONS_POLICY, securityHeaders } from "./headers.server";

function headersFor(path: string, options: { production?: boolean; secure?: boolean } = {}) {
  const headers = new Map<string, string>();
  const res = {
    locals: { cspNonce: "n" },
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  securityHeaders({ production: options.production ?? false })(
    { path, headers: {}, secure: options.secure ?? false } as IncomingMessage & { path: string; secure: boolean },
    res,
    () => {},
  );
  return headers;
}

describe("framing", () => {
  it("no page may be framed, except the administrator's preview by our own pages", () => {
    expect(headersFor("/procedures/juminhyo").get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(headersFor("/admin/forms/juminhyo/edit").get("x-frame-options")).toBe("DENY");
    const preview = headersFor("/admin/forms/juminhyo/preview/steps/one");
    expect(preview.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(preview.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(headersFor("/admin/forms/juminhyo/previewer").get("x-frame-options")).toBe("DENY");
  });
});

describe("headers every response carries", () => {
  it("a Permissions-Policy that turns off what no page uses", () => {
    expect(headersFor("/").get("permissions-policy")).toBe(PERMISSIONS_POLICY);
    expect(PERMISSIONS_POLICY).toContain("camera=()");
    expect(PERMISSIONS_POLICY).toContain("geolocation=()");
  });

  it("HSTS only on a response that came over HTTPS (found: sent over HTTP too)", () => {
    expect(headersFor("/", { production: true, secure: true }).get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(headersFor("/", { production: true, secure: false }).has("strict-transport-security")).toBe(false);
    expect(headersFor("/", { production: false, secure: true }).has("strict-transport-security")).toBe(false);
  });
});

describe("a cross-site GET into a staff area", () => {
  const request = (method: string, path: string, site?: string) => ({
    method,
    path,
    originalUrl: `${path}?q=1`,
    get: (n: string) => (n === "sec-fetch-site" ? site : undefined),
  });

  it("is held (found: an export and an audited view answered another site's link)", () => {
    expect(crossSiteStaffGet(request("GET", "/staff/export", "cross-site"))).toBe("/staff/export?q=1");
    expect(crossSiteStaffGet(request("GET", "/staff/submissions/abc", "cross-site"))).toBe("/staff/submissions/abc?q=1");
    expect(crossSiteStaffGet(request("GET", "/counter", "cross-site"))).toBe("/counter?q=1");
    expect(crossSiteStaffGet(request("HEAD", "/admin", "cross-site"))).toBe("/admin?q=1");
  });

  it("passes when it comes from our pages, is typed in, from an old browser, or is not in a staff area", () => {
    expect(crossSiteStaffGet(request("GET", "/staff/export", "same-origin"))).toBeNull();
    expect(crossSiteStaffGet(request("GET", "/staff/export", "none"))).toBeNull();
    expect(crossSiteStaffGet(request("GET", "/staff/export"))).toBeNull();
    expect(crossSiteStaffGet(request("GET", "/procedures/juminhyo", "cross-site"))).toBeNull();
    expect(crossSiteStaffGet(request("GET", "/staffing", "cross-site"))).toBeNull();
    // A POST is the same-origin check's (csrf.server.ts).
    expect(crossSiteStaffGet(request("POST", "/staff/export", "cross-site"))).toBeNull();
  });
});

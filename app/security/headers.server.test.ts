import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "./headers.server";

function headersFor(path: string) {
  const headers = new Map<string, string>();
  const res = {
    locals: { cspNonce: "n" },
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  securityHeaders({ production: false })({ path, headers: {} } as IncomingMessage & { path: string }, res, () => {});
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

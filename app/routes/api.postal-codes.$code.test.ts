import { describe, expect, it } from "vitest";
import { loader } from "./api.postal-codes.$code";

const ask = (code: string) =>
  loader({ params: { code }, request: new Request(`http://localhost/api/postal-codes/${code}`), context: { cspNonce: "", clientIp: "127.0.0.1" } });

describe("the postal code resource route", () => {
  // Anything but a Response from a resource route makes Remix 2 log a warning on every lookup (seen in the e2e log).
  it("answers a Response with the addresses, cached a day", async () => {
    const res = ask("4200034");
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=86400");
    expect(await res.json()).toEqual({ addresses: [{ prefecture: "静岡県", city: "静岡市葵区", town: "常磐町" }] });
  });

  it("answers 400 with no addresses to a code that is not seven digits", async () => {
    const res = ask("42000");
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ addresses: [] });
  });
});

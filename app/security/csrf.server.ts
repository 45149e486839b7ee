/**
 * CSRF protection by a strict same-origin check on every state-changing request (ADR 0002).
 * Browsers send Sec-Fetch-Site and Origin on POST; a request from another site, or one that carries
 * neither header, is refused before any action runs.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkSameOrigin(method: string, headers: { get(name: string): string | null | undefined }, expectedOrigin: string): CsrfVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return { ok: false, reason: `Sec-Fetch-Site is ${fetchSite}` };
  const origin = headers.get("origin");
  if (origin) {
    return origin === expectedOrigin ? { ok: true } : { ok: false, reason: `Origin ${origin} is not ${expectedOrigin}` };
  }
  // Sec-Fetch-Site: same-origin without an Origin header can only come from a browser on our own pages.
  if (fetchSite === "same-origin") return { ok: true };
  return { ok: false, reason: "neither Origin nor Sec-Fetch-Site was sent" };
}

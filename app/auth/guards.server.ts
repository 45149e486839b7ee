import { redirect } from "@remix-run/node";
import { getPrincipal, type Principal } from "./session.server";

type StaffPrincipal = Extract<Principal, { role: "staff" | "admin" }>;
type ResidentPrincipal = Extract<Principal, { role: "resident" }>;

/** A stand-in origin: a path is resolved against it, and anything that leaves it is another site. */
const OWN_ORIGIN = "https://madoguchi.invalid";

/**
 * Where to come back to after signing in: only a path of this site, never another. The value is parsed as a browser
 * would read it: a browser drops tabs and line breaks from a URL (so 「/\t/evil.example」 is 「//evil.example」) and
 * reads \ as /, so a value with control characters is refused and the parsed URL must stay on this origin.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || [...value].some((ch) => ch < " " || ch === "\u007f")) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

function signInRedirect(request: Request, loginPath: string): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`${loginPath}?${new URLSearchParams({ redirectTo: back })}`);
}

const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

/** Staff area (窓口 and 審査 staff, and administrators). */
export async function requireStaff(request: Request): Promise<StaffPrincipal> {
  const principal = await getPrincipal(request);
  if (!principal) throw signInRedirect(request, "/staff/login");
  if (principal.role === "resident") throw forbidden();
  return principal;
}

export async function requireAdmin(request: Request): Promise<StaffPrincipal> {
  const principal = await getPrincipal(request);
  if (!principal) throw signInRedirect(request, "/staff/login");
  if (principal.role !== "admin") throw forbidden();
  return principal;
}

export async function requireResident(request: Request): Promise<ResidentPrincipal> {
  const principal = await getPrincipal(request);
  if (!principal) throw signInRedirect(request, "/login");
  if (principal.role !== "resident") throw forbidden();
  return principal;
}

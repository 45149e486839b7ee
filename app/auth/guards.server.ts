import { redirect } from "@remix-run/node";
import { getPrincipal, type Principal } from "./session.server";

type StaffPrincipal = Extract<Principal, { role: "staff" | "admin" }>;
type ResidentPrincipal = Extract<Principal, { role: "resident" }>;

/** Where to come back to after signing in: only a local path, never another site. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
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

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { actorOf, recordAudit } from "../audit/audit.server";
import { endSession, getPrincipal } from "../auth/session.server";

// Signing out changes state, so it is a POST; a GET just goes home.
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal) recordAudit({ actor: actorOf(principal), action: "auth.sign_out" });
  const setCookie = await endSession(request);
  const to = principal && principal.role !== "resident" ? "/staff/login?signed-out" : "/?signed-out";
  return redirect(to, { headers: { "Set-Cookie": setCookie } });
}

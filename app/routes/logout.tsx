import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { actorOf, recordAudit } from "../audit/audit.server";
import { endSession, getPrincipal } from "../auth/session.server";
import { readFormBody } from "../security/form-body.server";

// Signing out changes state, so it is a POST; a GET just goes home.
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  await readFormBody(request); // the button sends nothing, but what is sent must be a form
  const principal = await getPrincipal(request);
  if (principal) recordAudit({ actor: actorOf(principal), action: "auth.sign_out" });
  const setCookie = await endSession(request);
  const to = principal && principal.role !== "resident" ? "/staff/login?signed-out" : "/?signed-out";
  return redirect(to, { headers: { "Set-Cookie": setCookie } });
}

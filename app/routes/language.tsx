import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "../auth/guards.server";
import { rememberLanguage } from "../auth/resident-sign-in.server";
import { getPrincipal } from "../auth/session.server";
import { languageCookie } from "../i18n/i18next.server";
import { isLanguage } from "../i18n/languages.server";
import { readFormBody } from "../security/form-body.server";

export const loader = () => redirect("/");

/** The language switch posts here; the choice is kept in a cookie and the person returns to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormBody(request);
  const lng = form.get("lng");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(lng)) return redirect(back);
  const principal = await getPrincipal(request);
  if (principal?.role === "resident") rememberLanguage(principal.resident.id, lng);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "../auth/guards.server";
import { isSupportedLanguage } from "../i18n/config";
import { languageCookie } from "../i18n/i18next.server";

export const loader = () => redirect("/");

/** The language switch posts here; the choice is kept in a cookie and the person returns to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isSupportedLanguage(lng)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}

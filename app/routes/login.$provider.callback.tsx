import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeRedirectPath } from "../auth/guards.server";
import { getEnabledProvider } from "../auth/identity/identity-providers.server";
import { signInResident } from "../auth/resident-sign-in.server";
import { getT } from "../i18n/i18next.server";
import { allow, tooManyRequests } from "../security/throttle.server";
import { pageTitle } from "../i18n/title";

/** The return from any identity provider: GET for redirect-based providers (OIDC), POST for form-based ones. */
async function complete(request: Request, providerId: string | undefined, clientIp: string) {
  const provider = providerId ? getEnabledProvider(providerId) : undefined;
  if (!provider) throw new Response("Not Found", { status: 404 });
  const result = await provider.complete(request);
  if (!(await allow("residentSignIn", clientIp))) throw tooManyRequests();
  if (result.ok) {
    const headers = new Headers();
    for (const cookie of await signInResident(request, result.identity)) headers.append("Set-Cookie", cookie);
    throw redirect(safeRedirectPath(result.redirectTo, "/mypage"), { headers });
  }
  const t = await getT(request);
  return { title: pageTitle(t, t("login.failedTitle"), { error: true }), errorKey: result.errorKey };
}

export const loader = ({ request, params, context }: LoaderFunctionArgs) => complete(request, params.provider, context.clientIp);
export const action = ({ request, params, context }: ActionFunctionArgs) => complete(request, params.provider, context.clientIp);

export default function LoginCallback() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const result = actionData ?? loaderData;
  return (
    <div className="narrow">
      <h1>{t("login.failedTitle")}</h1>
      <p>{t(result.errorKey)}</p>
      <p>
        <Link to="/login">{t("login.tryAgain")}</Link>
      </p>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeRedirectPath } from "../auth/guards.server";
import { getPrincipal } from "../auth/session.server";
import { signInStaff, staffSignInSchema } from "../auth/staff-sign-in.server";
import { pendingSignInCookie, type PendingSignIn } from "../auth/totp.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { TextField } from "../ui/field";
import { readFormBody } from "../security/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (principal && principal.role !== "resident") throw redirect(safeRedirectPath(redirectTo, "/staff"));
  const t = await getT(request);
  return { title: pageTitle(t, t("staffLogin.title")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const form = await readFormBody(request);
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/staff");
  const parsed = staffSignInSchema.safeParse({ username: form.get("username") ?? "", password: form.get("password") ?? "" });
  const failure = (status: number, fieldErrors: Record<string, string>, formError?: string) =>
    data(
      {
        title: pageTitle(t, t("staffLogin.title"), { error: true }),
        username: typeof form.get("username") === "string" ? String(form.get("username")) : "",
        fieldErrors,
        formError,
      },
      { status },
    );
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= t(issue.message);
    return failure(400, fieldErrors);
  }
  const result = await signInStaff(request, parsed.data, context.clientIp);
  if (result.ok === "secondFactor") {
    const { staffId, username, passwordMark } = result;
    const pending: PendingSignIn = { staffId, username, passwordMark, redirectTo, until: Date.now() + 300_000 };
    throw redirect("/staff/login/code", { headers: { "Set-Cookie": await pendingSignInCookie().serialize(pending) } });
  }
  if (result.ok) throw redirect(redirectTo, { headers: { "Set-Cookie": result.setCookie } });
  if (result.reason === "locked") {
    return failure(429, {}, t("staffLogin.errors.locked", { minutes: Math.max(1, Math.ceil(result.waitMs / 60_000)) }));
  }
  return failure(401, {}, t("staffLogin.errors.invalid"));
}

export default function StaffLogin() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const summary = [
    ...(actionData?.formError ? [{ target: "username", message: actionData.formError }] : []),
    ...Object.entries(fieldErrors).map(([field, message]) => ({ target: field, message })),
  ];
  return (
    <div className="narrow">
      <ErrorSummary errors={summary} />
      <h1>{t("staffLogin.title")}</h1>
      <p>{t("staffLogin.intro")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          id="username"
          name="username"
          label={t("staffLogin.username")}
          required
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={actionData?.username}
          error={fieldErrors.username}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("staffLogin.password")}
          required
          autoComplete="current-password"
          error={fieldErrors.password}
        />
        <button type="submit" className="button">
          {t("staffLogin.submit")}
        </button>
      </Form>
    </div>
  );
}

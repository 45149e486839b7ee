import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signInStaffWithCode } from "../auth/staff-sign-in.server";
import { pendingSignInCookie, readPendingSignIn } from "../auth/totp.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { readFormBody } from "../security/form-body.server";
import { ErrorSummary } from "../ui/error-summary";
import { TextField } from "../ui/field";

/** The second step of a staff sign-in with TOTP: the code from the person's authenticator app. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readPendingSignIn(request))) throw redirect("/staff/login");
  const t = await getT(request);
  return { title: pageTitle(t, t("staffLogin.code.title")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormBody(request);
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/staff/login");
  const t = await getT(request);
  const code = String(form.get("code") ?? "").trim();
  const failure = (status: number, key: string, params?: Record<string, unknown>) =>
    data({ title: pageTitle(t, t("staffLogin.code.title"), { error: true }), error: t(key, params) }, { status });
  if (!code) return failure(400, "staffLogin.code.required");
  const result = await signInStaffWithCode(request, pending, code, context.clientIp);
  if (result.ok === true) {
    const headers = new Headers({ "Set-Cookie": result.setCookie });
    headers.append("Set-Cookie", await pendingSignInCookie().serialize("", { maxAge: 0 }));
    throw redirect(pending.redirectTo, { headers });
  }
  if (result.ok === false && result.reason === "restart")
    throw redirect("/staff/login", { headers: { "Set-Cookie": await pendingSignInCookie().serialize("", { maxAge: 0 }) } });
  if (result.ok === false && result.reason === "locked")
    return failure(429, "staffLogin.errors.locked", { minutes: Math.max(1, Math.ceil(result.waitMs / 60_000)) });
  return failure(401, "staffLogin.code.invalid");
}

export default function StaffLoginCode() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <ErrorSummary errors={actionData?.error ? [{ target: "code", message: actionData.error }] : []} />
      <h1>{t("staffLogin.code.title")}</h1>
      <p>{t("staffLogin.code.intro")}</p>
      <Form method="post" noValidate>
        <TextField
          id="code"
          name="code"
          label={t("staffLogin.code.label")}
          hint={t("staffLogin.code.hint")}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          error={actionData?.error}
        />
        <button type="submit" className="button">
          {t("staffLogin.code.submit")}
        </button>
      </Form>
      <p>
        <Link to="/staff/login">{t("staffLogin.code.back")}</Link>
      </p>
    </div>
  );
}

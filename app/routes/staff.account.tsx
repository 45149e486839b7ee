import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { disableSecondFactor, enableSecondFactor, hasSecondFactor, isCurrentCode, isTotpSecret, newTotpSecret, totpUri } from "../auth/totp.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { readFormBody } from "../security/form-body.server";
import { qrCodeSvg } from "../submissions/receipt-qr.server";
import { ErrorSummary } from "../ui/error-summary";
import { TextField } from "../ui/field";

// The setup key is a secret: nothing of this page may be cached.
const NO_STORE = { "Cache-Control": "no-store" };
export const headers = () => NO_STORE;

/** A staff member's own account: the optional second factor (TOTP), set up with an authenticator app. */
async function view(request: Request, error?: string, secret?: string) {
  const principal = await requireStaff(request);
  const t = await getT(request);
  const on = hasSecondFactor(principal.staff.id);
  // A new key for each setup page; the one shown is posted back with the first code (a malformed one is replaced).
  const key = on ? null : secret && isTotpSecret(secret) ? secret : newTotpSecret();
  return {
    title: pageTitle(t, t("staffAccount.title"), { error: Boolean(error) }),
    on,
    error: error ? t(error) : null,
    setup: key ? { key, qr: await qrCodeSvg(totpUri(key, principal.staff.username), t("staffAccount.qrLabel"), "account-qr__code") } : null,
  };
}

export const loader = async ({ request }: LoaderFunctionArgs) => data(await view(request), { headers: NO_STORE });

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireStaff(request);
  const form = await readFormBody(request);
  const code = String(form.get("code") ?? "");
  const id = principal.staff.id;
  if (form.get("intent") === "disable") {
    if (!isCurrentCode(id, code)) return data(await view(request, "staffAccount.invalid"), { status: 400, headers: NO_STORE });
    disableSecondFactor(id, { role: principal.role, id });
    throw redirect("/staff/account?done=disabled");
  }
  const key = String(form.get("key") ?? "");
  if (!enableSecondFactor(id, key, code)) return data(await view(request, "staffAccount.invalid", key), { status: 400, headers: NO_STORE });
  throw redirect("/staff/account?done=enabled");
}

export default function StaffAccount() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = actionData ?? loaderData;
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // The code from the app: to turn the second factor on, and to turn it off.
  const codeField = (
    <TextField
      id="code"
      name="code"
      label={t("staffAccount.code")}
      hint={t("staffAccount.codeHint")}
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      error={page.error ?? undefined}
    />
  );
  const done = !actionData && ["enabled", "disabled"].includes(params.get("done") ?? "") ? params.get("done") : null;
  return (
    <div className="narrow">
      <p className="back-link">
        <Link to="/staff">{t("staffAccount.back")}</Link>
      </p>
      <ErrorSummary errors={page.error ? [{ target: "code", message: page.error }] : []} />
      {done ? (
        <p className="notice" role="status">
          {t(`staffAccount.${done}`)}
        </p>
      ) : null}
      <h1>{t("staffAccount.title")}</h1>
      <h2>{t("staffAccount.secondFactor")}</h2>
      {page.setup ? (
        <>
          <p>{t("staffAccount.off")}</p>
          <p>{t("staffAccount.setupSteps")}</p>
          <figure className="account-qr">
            {/* Markup made on the server from the setup URI and an escaped label only. */}
            <div dangerouslySetInnerHTML={{ __html: page.setup.qr }} />
            <figcaption>
              {t("staffAccount.manualKey")} <code className="account-qr__key">{page.setup.key}</code>
            </figcaption>
          </figure>
          <Form method="post" noValidate>
            <input type="hidden" name="key" value={page.setup.key} />
            {codeField}
            <button type="submit" className="button">
              {t("staffAccount.enable")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("staffAccount.on")}</p>
          <Form method="post" noValidate className="box" aria-labelledby="disable-title">
            <h3 id="disable-title">{t("staffAccount.disable")}</h3>
            <p>{t("staffAccount.disableIntro")}</p>
            <input type="hidden" name="intent" value="disable" />
            {codeField}
            <button type="submit" className="button button--secondary">
              {t("staffAccount.disable")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

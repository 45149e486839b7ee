import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";
import {
  changeDuty,
  changeDutySchema,
  getStaffAccount,
  resetStaffPassword,
  setAccountDisabled,
  unlockStaffAccount,
  type AccountActor,
  type AccountProblem,
} from "../auth/staff-accounts.server";
import { disableSecondFactor, hasSecondFactor } from "../auth/totp.server";
import { formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary, type SummaryError } from "../ui/error-summary";
import { describedBy, errorId } from "../ui/field";
import { DutyRadios, OneTimePassword } from "../ui/staff-account";
import { readFormBody } from "../security/form-body.server";

// A reset password is shown in the response to the POST: nothing of it may be cached.
const NO_STORE = { "Cache-Control": "no-store" };
export const headers = () => NO_STORE;

const INTENTS = ["duty", "disable", "enable", "reset", "unlock", "secondFactor"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: unknown): value is Intent => INTENTS.includes(value as Intent);

async function view(request: Request, id: string, errors: SummaryError[] = []) {
  const principal = await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const account = getStaffAccount(id);
  if (!account) throw new Response("Not Found", { status: 404 });
  const when = (at: Date | null) => (at ? formatDateTime(at, lng) : null);
  return {
    kind: "page" as const,
    title: pageTitle(t, account.displayName, { error: errors.length > 0 }),
    errors,
    self: account.id === principal.staff.id,
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      duty: account.duty,
      disabled: account.disabled,
      lockedUntil: when(account.lockedUntil),
      secondFactor: hasSecondFactor(account.id),
      lastSignInAt: when(account.lastSignInAt),
      createdAt: when(account.createdAt)!,
    },
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, params.id!);

/** Where each problem is shown: the control the administrator used. */
const PROBLEM_TARGET: Record<Intent, string> = {
  duty: "duty",
  disable: "disable",
  enable: "enable",
  reset: "reset",
  unlock: "unlock",
  secondFactor: "secondFactor",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id!;
  const principal = await requireAdmin(request);
  const actor: AccountActor = { id: principal.staff.id, sessionIdHash: principal.sessionIdHash };
  const form = await readFormBody(request);
  const intent = form.get("intent");
  const { t } = await getLocaleT(request);
  const refuse = async (status: number, target: string, messageKey: string) =>
    data(await view(request, id, [{ target, message: t(messageKey) }]), { status, headers: NO_STORE });
  const fail = (intent: Intent, problem: AccountProblem) => {
    if (problem === "notFound") throw new Response("Not Found", { status: 404 });
    if (problem === "forbidden") throw new Response("Forbidden", { status: 403 });
    return refuse(409, PROBLEM_TARGET[intent], `admin.staff.errors.${problem}`);
  };
  if (!isIntent(intent)) return refuse(400, "duty", "admin.staff.errors.invalid");

  if (intent === "reset") {
    const result = await resetStaffPassword(id, actor);
    if (!result.ok) return fail(intent, result.problem);
    return data(
      {
        kind: "password" as const,
        title: pageTitle(t, t("admin.staff.password.resetTitle")),
        view: { kind: "reset" as const, account: { id, username: result.username, displayName: result.displayName }, password: result.password },
      },
      { headers: NO_STORE },
    );
  }

  let result;
  if (intent === "duty") {
    const parsed = changeDutySchema.safeParse({ duty: form.get("duty") });
    if (!parsed.success) return refuse(400, "duty", "admin.staff.errors.dutyRequired");
    result = changeDuty(id, parsed.data.duty, actor);
    // An administrator who made themself a clerk can no longer see this page.
    if (result.ok && id === actor.id && parsed.data.duty !== "admin") throw redirect("/staff");
  } else if (intent === "unlock") {
    result = unlockStaffAccount(id, actor);
  } else if (intent === "secondFactor") {
    // Someone who lost the phone with their authenticator app signs in with the password again, and sets it up anew.
    if (!getStaffAccount(id)) throw new Response("Not Found", { status: 404 });
    result = { ok: true as const, changed: disableSecondFactor(id, { role: "admin", id: actor.id }) };
  } else {
    result = setAccountDisabled(id, intent === "disable", actor);
  }
  if (!result.ok) return fail(intent, result.problem);
  throw redirect(`/admin/staff/${encodeURIComponent(id)}?done=${intent}`);
}

export default function StaffAccountPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (actionData?.kind === "password") return <OneTimePassword view={actionData.view} />;
  const page = actionData ?? loaderData;
  const { account } = page;
  const doneParam = actionData ? null : params.get("done");
  const done = doneParam && ["duty", "disable", "enable", "unlock", "secondFactor"].includes(doneParam) ? doneParam : null;
  const errorOf = (target: string) => page.errors.find((e) => e.target === target)?.message;
  return (
    <>
      <p className="back-link">
        <Link to="/admin/staff">{t("admin.staff.back")}</Link>
      </p>
      <ErrorSummary errors={page.errors} />
      {done ? (
        <p className="notice" role="status">
          {t(`admin.staff.account.done.${done}`)}
        </p>
      ) : null}
      <p className="caption">{t("admin.staff.title")}</p>
      <h1>
        {account.displayName}
        {page.self ? t("admin.staff.you") : null}
      </h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("admin.staff.username")}</dt>
          <dd>{account.username}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.staff.duty")}</dt>
          <dd>{t(`roles.${account.duty}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.staff.state")}</dt>
          <dd>
            {t(account.disabled ? "admin.staff.disabled" : "admin.staff.active")}
            {account.secondFactor ? (
              <>
                <br />
                {t("admin.staff.secondFactorOn")}
              </>
            ) : null}
            {account.lockedUntil ? (
              <>
                <br />
                <strong>{t("admin.staff.lockedUntil", { until: account.lockedUntil })}</strong>
              </>
            ) : null}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.staff.lastSignIn")}</dt>
          <dd>{account.lastSignInAt ?? t("admin.staff.neverSignedIn")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.staff.createdAt")}</dt>
          <dd>{account.createdAt}</dd>
        </div>
      </dl>

      <Form method="post" className="box" aria-labelledby="duty-title" noValidate>
        <h2 id="duty-title">{t("admin.staff.account.dutyTitle")}</h2>
        <input type="hidden" name="intent" value="duty" />
        <DutyRadios id="duty" value={account.duty} error={errorOf("duty")} hint={t("admin.staff.new.dutyHint")} />
        <button type="submit" className="button button--secondary">
          {t("admin.staff.account.dutySubmit")}
        </button>
      </Form>

      {account.lockedUntil ? (
        <Form method="post" className="box" aria-labelledby="unlock-title">
          <h2 id="unlock-title">{t("admin.staff.account.unlockTitle")}</h2>
          <p>{t("admin.staff.account.unlockText", { until: account.lockedUntil })}</p>
          <ErrorText id="unlock" message={errorOf("unlock")} />
          <button
            type="submit"
            name="intent"
            value="unlock"
            id="unlock"
            className="button button--secondary"
            aria-describedby={describedBy("unlock", null, errorOf("unlock"))}
          >
            {t("admin.staff.account.unlock")}
          </button>
        </Form>
      ) : null}

      {account.secondFactor ? (
        <Form method="post" className="box" aria-labelledby="second-factor-title">
          <h2 id="second-factor-title">{t("admin.staff.account.secondFactorTitle")}</h2>
          <p>{t("admin.staff.account.secondFactorText")}</p>
          <ErrorText id="secondFactor" message={errorOf("secondFactor")} />
          <button
            type="submit"
            name="intent"
            value="secondFactor"
            id="secondFactor"
            className="button button--secondary"
            aria-describedby={describedBy("secondFactor", null, errorOf("secondFactor"))}
          >
            {t("admin.staff.account.secondFactor")}
          </button>
        </Form>
      ) : null}

      <Form method="post" className="box" aria-labelledby="reset-title">
        <h2 id="reset-title">{t("admin.staff.account.resetTitle")}</h2>
        <p>{t("admin.staff.account.resetText")}</p>
        <ErrorText id="reset" message={errorOf("reset")} />
        <button
          type="submit"
          name="intent"
          value="reset"
          id="reset"
          className="button button--secondary"
          aria-describedby={describedBy("reset", null, errorOf("reset"))}
        >
          {t("admin.staff.account.reset")}
        </button>
      </Form>

      {account.disabled ? (
        <Form method="post" className="box" aria-labelledby="enable-title">
          <h2 id="enable-title">{t("admin.staff.account.enableTitle")}</h2>
          <p>{t("admin.staff.account.enableText")}</p>
          <ErrorText id="enable" message={errorOf("enable")} />
          <button
            type="submit"
            name="intent"
            value="enable"
            id="enable"
            className="button button--secondary"
            aria-describedby={describedBy("enable", null, errorOf("enable"))}
          >
            {t("admin.staff.account.enable")}
          </button>
        </Form>
      ) : page.self ? (
        <section className="box" aria-labelledby="disable-title">
          <h2 id="disable-title">{t("admin.staff.account.disableTitle")}</h2>
          <p>{t("admin.staff.account.selfDisable")}</p>
        </section>
      ) : (
        <Form method="post" className="box" aria-labelledby="disable-title">
          <h2 id="disable-title">{t("admin.staff.account.disableTitle")}</h2>
          <p>{t("admin.staff.account.disableText")}</p>
          <ErrorText id="disable" message={errorOf("disable")} />
          <button
            type="submit"
            name="intent"
            value="disable"
            id="disable"
            className="button"
            aria-describedby={describedBy("disable", null, errorOf("disable"))}
          >
            {t("admin.staff.account.disable")}
          </button>
        </Form>
      )}
    </>
  );
}

/** A problem with one of the buttons, beside it (the summary at the top links here). */
function ErrorText({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field__error" id={errorId(id)}>
      <span className="visually-hidden">{t("field.errorPrefix")}</span>
      {message}
    </p>
  );
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";
import { createStaffAccount, newStaffAccountSchema } from "../auth/staff-accounts.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { TextField } from "../ui/field";
import { DutyRadios, OneTimePassword } from "../ui/staff-account";
import { readFormBody } from "../security/form-body.server";

// The response that shows a password must not be kept by the browser or a proxy.
const NO_STORE = { "Cache-Control": "no-store" };
export const headers = () => NO_STORE;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = await getT(request);
  return { title: pageTitle(t, t("admin.staff.new.title")) };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireAdmin(request);
  const t = await getT(request);
  const form = await readFormBody(request);
  const values = { username: text(form, "username").slice(0, 200), displayName: text(form, "displayName").slice(0, 200), duty: text(form, "duty") };
  const failure = (status: number, fieldErrors: Record<string, string>) =>
    data({ kind: "form" as const, title: pageTitle(t, t("admin.staff.new.title"), { error: true }), values, fieldErrors }, { status, headers: NO_STORE });

  const parsed = newStaffAccountSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= t(issue.message);
    return failure(400, fieldErrors);
  }
  const result = await createStaffAccount(parsed.data, { id: principal.staff.id, sessionIdHash: principal.sessionIdHash });
  if (!result.ok) {
    if (result.problem === "usernameTaken") return failure(409, { username: t("admin.staff.errors.usernameTaken") });
    throw new Response("Forbidden", { status: 403 });
  }
  const account = { id: result.id, username: parsed.data.username, displayName: parsed.data.displayName };
  return data(
    {
      kind: "created" as const,
      title: pageTitle(t, t("admin.staff.password.createdTitle")),
      view: { kind: "created" as const, account, password: result.password },
    },
    { headers: NO_STORE },
  );
}

const FIELD_ORDER = ["username", "displayName", "duty"];

export default function NewStaffAccount() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  if (actionData?.kind === "created") return <OneTimePassword view={actionData.view} />;
  const fieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values;
  const summary = FIELD_ORDER.filter((f) => fieldErrors[f]).map((f) => ({ target: f, message: fieldErrors[f]! }));
  return (
    <>
      <p className="back-link">
        <Link to="/admin/staff">{t("admin.staff.back")}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t("admin.staff.new.title")}</h1>
      <p>{t("admin.staff.new.intro")}</p>
      <Form method="post" noValidate>
        <TextField
          id="username"
          name="username"
          label={t("admin.staff.username")}
          hint={t("admin.staff.new.usernameHint")}
          required
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={values?.username}
          error={fieldErrors.username}
        />
        <TextField
          id="displayName"
          name="displayName"
          label={t("admin.staff.displayName")}
          required
          autoComplete="off"
          defaultValue={values?.displayName}
          error={fieldErrors.displayName}
        />
        <DutyRadios id="duty" value={values?.duty} error={fieldErrors.duty} hint={t("admin.staff.new.dutyHint")} />
        <button type="submit" className="button">
          {t("admin.staff.new.submit")}
        </button>
      </Form>
    </>
  );
}

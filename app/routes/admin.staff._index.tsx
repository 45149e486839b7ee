import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";
import { listStaffAccounts } from "../auth/staff-accounts.server";
import { formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const accounts = listStaffAccounts().map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    duty: a.duty,
    disabled: a.disabled,
    lockedUntil: a.lockedUntil ? formatDateTime(a.lockedUntil, lng) : null,
    lastSignInAt: a.lastSignInAt ? formatDateTime(a.lastSignInAt, lng) : null,
  }));
  return { title: pageTitle(t, t("admin.staff.title")), accounts, me: principal.staff.id };
}

export default function StaffAccounts() {
  const { accounts, me } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1 id="accounts-title">{t("admin.staff.title")}</h1>
      <p>
        <Link to="/admin/staff/new" className="button">
          {t("admin.staff.create")}
        </Link>
      </p>
      <div className="table-scroll" role="region" aria-labelledby="accounts-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.staff.username")}</th>
              <th scope="col">{t("admin.staff.displayName")}</th>
              <th scope="col">{t("admin.staff.duty")}</th>
              <th scope="col">{t("admin.staff.state")}</th>
              <th scope="col">{t("admin.staff.lastSignIn")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/admin/staff/${a.id}`}>{a.username}</Link>
                </td>
                <td>
                  {a.displayName}
                  {a.id === me ? t("admin.staff.you") : null}
                </td>
                <td>{t(`roles.${a.duty}`)}</td>
                <td>
                  {t(a.disabled ? "admin.staff.disabled" : "admin.staff.active")}
                  {a.lockedUntil ? (
                    <>
                      <br />
                      <strong>{t("admin.staff.lockedUntil", { until: a.lockedUntil })}</strong>
                    </>
                  ) : null}
                </td>
                <td>{a.lastSignInAt ?? t("admin.staff.neverSignedIn")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

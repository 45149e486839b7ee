import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";
import { listStaffAccounts } from "../auth/staff-accounts.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = await getT(request);
  const accounts = listStaffAccounts();
  return { title: pageTitle(t, t("admin.title")), accounts };
}

export default function Admin() {
  const { accounts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <h2 id="accounts-title">{t("admin.accounts.title")}</h2>
      <div className="table-scroll" role="region" aria-labelledby="accounts-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.accounts.username")}</th>
              <th scope="col">{t("admin.accounts.displayName")}</th>
              <th scope="col">{t("admin.accounts.role")}</th>
              <th scope="col">{t("admin.accounts.status")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username}>
                <td>{a.username}</td>
                <td>{a.displayName}</td>
                <td>{t(`roles.${a.duty}`)}</td>
                <td>{t(a.disabled ? "admin.accounts.disabled" : "admin.accounts.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

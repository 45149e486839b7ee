import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";

/**
 * The administrator's area: a menu above every /admin page. Each child route checks the administrator itself too:
 * Remix runs a child's loader and action without waiting for this one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("admin.nav.label")} className="admin-nav wide">
        <ul className="admin-nav__list">
          <li>
            <NavLink to="/admin" end>
              {t("admin.nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/forms">{t("admin.nav.forms")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/staff">{t("admin.nav.staff")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

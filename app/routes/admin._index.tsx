import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = await getT(request);
  return { title: pageTitle(t, t("admin.title")) };
}

export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.home.intro")}</p>
      <ul className="catalogue">
        <li className="catalogue__item">
          <h2 className="catalogue__title">
            <Link to="/admin/forms">{t("admin.nav.forms")}</Link>
          </h2>
          <p>{t("admin.home.forms")}</p>
        </li>
        <li className="catalogue__item">
          <h2 className="catalogue__title">
            <Link to="/admin/staff">{t("admin.nav.staff")}</Link>
          </h2>
          <p>{t("admin.home.staff")}</p>
        </li>
      </ul>
    </>
  );
}

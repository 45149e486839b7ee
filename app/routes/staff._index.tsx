import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await getT(request);
  return { title: pageTitle(t, t("staff.title")) };
}

export default function StaffQueue() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("staff.title")}</h1>
      <section className="empty-state" aria-labelledby="queue-empty">
        <h2 id="queue-empty">{t("staff.empty.title")}</h2>
        <p>{t("staff.empty.body")}</p>
      </section>
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request);
  // The catalogue is filled by the form engine; until a procedure is published it is empty.
  const procedures: { id: string; title: string; description: string }[] = [];
  return { title: pageTitle(t, t("home.title")), procedures };
}

export default function Home() {
  const { procedures } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      {params.has("signed-out") ? (
        <p className="notice" role="status">
          {t("home.signedOut")}
        </p>
      ) : null}
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {procedures.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t("home.empty.title")}</h2>
          <p>{t("home.empty.body")}</p>
        </section>
      ) : null}
    </>
  );
}

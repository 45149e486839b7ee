import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireResident } from "../auth/guards.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

export async function loader({ request }: LoaderFunctionArgs) {
  const { resident } = await requireResident(request);
  const t = await getT(request);
  return {
    title: pageTitle(t, t("mypage.title")),
    identity: {
      name: resident.name,
      nameKana: resident.nameKana,
      birthDate: resident.birthDate,
      sex: resident.sex,
      address: resident.address,
    },
  };
}

export default function MyPage() {
  const { identity } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t("mypage.identity.name"), identity.nameKana ? `${identity.name}（${identity.nameKana}）` : identity.name],
    [t("mypage.identity.birthDate"), identity.birthDate],
    [t("mypage.identity.sex"), identity.sex ? t(`sex.${identity.sex}`) : null],
    [t("mypage.identity.address"), identity.address],
  ];
  return (
    <>
      <h1>{t("mypage.title")}</h1>
      <h2>{t("mypage.identity.title")}</h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label} className="summary-list__row">
            <dt>{label}</dt>
            <dd>{value ?? t("common.notAnswered")}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t("mypage.identity.correction")}</p>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireResident } from "../auth/guards.server";
import { startPath } from "../journey/paths";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { myPage } from "../residents/my-page.server";
import { withdrawProfile } from "../residents/profile.server";
import { readFormBody } from "../security/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { resident } = await requireResident(request);
  const { t, lng } = await getLocaleT(request);
  return { title: pageTitle(t, t("mypage.title")), ...myPage(resident, lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { resident } = await requireResident(request);
  const form = await readFormBody(request);
  if (form.get("intent") === "withdraw-profile") withdrawProfile(resident.id);
  return redirect("/mypage?withdrawn");
}

export default function MyPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const row = (label: string, value: string | null | undefined) => (
    <div key={label} className="summary-list__row">
      <dt>{label}</dt>
      <dd>{value ?? t("common.notAnswered")}</dd>
    </div>
  );
  return (
    <>
      {params.has("withdrawn") ? (
        <p className="notice" role="status">
          {t("mypage.profile.withdrawn")}
        </p>
      ) : null}
      <h1>{t("mypage.title")}</h1>

      <h2>{t("mypage.applications.title")}</h2>
      {page.drafts.length === 0 && page.submissions.length === 0 ? <p>{t("mypage.applications.none")}</p> : null}
      {page.drafts.length > 0 ? (
        <>
          <h3>{t("home.inProgress")}</h3>
          <ul className="plain-list">
            {page.drafts.map((d) => (
              <li key={d.formId}>
                <Link to={startPath(d.formId)}>{t("home.resume", { title: d.title })}</Link>{" "}
                <span className="muted">{t("mypage.applications.savedOn", { date: d.updatedAt })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.submissions.length > 0 ? (
        <>
          <h3>{t("mypage.applications.submitted")}</h3>
          <ul className="plain-list">
            {page.submissions.map((s) => (
              <li key={s.receiptNumber}>
                <Link to={`/mypage/applications/${s.receiptNumber}`}>{s.title}</Link>
                <br />
                <span>
                  {t("journey.receipt.number")} {s.receiptNumber}・{s.submittedAt}・<strong>{t(`status.${s.status}`)}</strong>
                </span>
                {/* A 補正依頼 waits for the resident: said in words, as a highlighted note with what to do, not a grey status. */}
                {s.status === "needs_correction" ? (
                  <p className="action-needed">
                    <strong>{t("mypage.applications.actionNeeded")}</strong>
                    <br />
                    <Link to={`/mypage/applications/${s.receiptNumber}`}>{t("mypage.applications.actionLink", { receipt: s.receiptNumber })}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {page.registry ? (
        <>
          <h2>{t("mypage.registry.title")}</h2>
          <dl className="summary-list">
            {row(t("mypage.identity.name"), page.registry.name)}
            {row(t("mypage.identity.birthDate"), page.registry.birthDate)}
            {row(t("mypage.identity.sex"), t(`sex.${page.registry.sex}`))}
            {row(t("mypage.identity.address"), page.registry.address)}
          </dl>
          <h3>{t("mypage.registry.household")}</h3>
          <ul className="plain-list">
            {page.registry.members.map((m) => (
              <li key={m.id}>
                {m.name}（{m.relationship}）・{m.birthDate}
              </li>
            ))}
          </ul>
          <p className="field__hint">{t("mypage.identity.correction")}</p>
        </>
      ) : (
        <>
          <h2>{t("mypage.identity.title")}</h2>
          <dl className="summary-list">
            {row(t("mypage.identity.name"), page.identity.nameKana ? `${page.identity.name}（${page.identity.nameKana}）` : page.identity.name)}
            {row(t("mypage.identity.birthDate"), page.identity.birthDate)}
            {row(t("mypage.identity.sex"), page.identity.sex ? t(`sex.${page.identity.sex}`) : null)}
            {row(t("mypage.identity.address"), page.identity.address)}
          </dl>
          <p className="field__hint">{t("mypage.identity.correction")}</p>
        </>
      )}

      <h2>{t("mypage.profile.title")}</h2>
      {page.profile ? (
        <>
          <p>{t("mypage.profile.intro", { date: page.profile.consentedAt })}</p>
          <dl className="summary-list">
            {page.profile.phone ? row(t("profile.keys.phone"), page.profile.phone) : null}
            {page.profile.email ? row(t("profile.keys.email"), page.profile.email) : null}
            {page.profile.employer ? row(t("profile.keys.employer"), page.profile.employer) : null}
            {page.profile.workDaysPerWeek ? row(t("profile.keys.workDaysPerWeek"), t("profile.values.daysPerWeek", { n: page.profile.workDaysPerWeek })) : null}
            {page.profile.workHoursPerMonth
              ? row(t("profile.keys.workHoursPerMonth"), t("profile.values.hoursPerMonth", { n: page.profile.workHoursPerMonth }))
              : null}
          </dl>
          <Form method="post">
            <button type="submit" name="intent" value="withdraw-profile" className="button button--secondary">
              {t("mypage.profile.withdraw")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("mypage.profile.none")}</p>
      )}
    </>
  );
}

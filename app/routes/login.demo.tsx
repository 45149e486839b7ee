import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeRedirectPath } from "../auth/guards.server";
import { DEMO_PROVIDER_ID } from "../auth/identity/demo.server";
import { getEnabledProvider } from "../auth/identity/identity-providers.server";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { formatAddress, fullName, listPendingMovers, listRegistryPersons, previousAddressOf } from "../residents/resident-records.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // The page exists only while the demo provider is on (DEMO=on).
  if (!getEnabledProvider(DEMO_PROVIDER_ID)) throw new Response("Not Found", { status: 404 });
  const t = await getT(request);
  return {
    title: pageTitle(t, t("login.demo.title")),
    callbackPath: `/login/${DEMO_PROVIDER_ID}/callback`,
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/mypage"),
    residents: listRegistryPersons().map(({ person, household }) => ({
      subject: `registry:${person.id}`,
      name: fullName(person),
      birthDate: person.birthDate,
      address: formatAddress(household),
    })),
    movers: listPendingMovers().map(({ person, moveIn }) => ({
      subject: `move-in:${person.id}`,
      name: fullName(person),
      birthDate: person.birthDate,
      address: formatAddress(previousAddressOf(moveIn)),
    })),
  };
}

type Person = { subject: string; name: string; birthDate: string; address: string };

function PersonList({ people, redirectTo, action }: { people: Person[]; redirectTo: string; action: string }) {
  const { t } = useTranslation();
  return (
    <ul className="person-list">
      {people.map((p, i) => {
        const descId = `${p.subject.replace(/[^a-z0-9-]/gi, "-")}-${i}`;
        return (
          <li key={p.subject}>
            <Form method="post" action={action}>
              <input type="hidden" name="subject" value={p.subject} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <button type="submit" className="button button--secondary" aria-describedby={descId}>
                {p.name}
              </button>
              <p id={descId} className="field__hint">
                {t("login.demo.personDetails", { birthDate: p.birthDate, address: p.address })}
              </p>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

export default function DemoLogin() {
  const { residents, movers, redirectTo, callbackPath } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("login.demo.title")}</h1>
      <div className="warning" role="note">
        <p>{t("login.demo.notice")}</p>
      </div>
      <h2>{t("login.demo.residents")}</h2>
      <PersonList people={residents} redirectTo={redirectTo} action={callbackPath} />
      <h2>{t("login.demo.movers")}</h2>
      <p>{t("login.demo.moversHint")}</p>
      <PersonList people={movers} redirectTo={redirectTo} action={callbackPath} />
    </>
  );
}

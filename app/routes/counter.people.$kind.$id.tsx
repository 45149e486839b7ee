import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isPersonKind, type PersonRef } from "../counter/registry.server";
import { IDENTITY_CHECK_METHODS, lookUpPerson, startVisit } from "../counter/visits.server";
import { requireStaff } from "../auth/guards.server";
import { formatDate } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { HouseholdLine } from "../ui/counter-household";
import { ErrorSummary, type SummaryError } from "../ui/error-summary";
import { Field, Fieldset } from "../ui/field";
import { readFormBody } from "../security/form-body.server";

const notFound = () => new Response("Not Found", { status: 404 });

function refOf(params: LoaderFunctionArgs["params"]): PersonRef {
  if (!isPersonKind(params.kind) || !params.id) throw notFound();
  return { kind: params.kind, id: params.id };
}

async function view(request: Request, ref: PersonRef, errors: SummaryError[] = [], values: { identityCheck?: string; identityNote?: string } = {}) {
  const principal = await requireStaff(request);
  const { t, lng } = await getLocaleT(request);
  const person = lookUpPerson({ role: principal.role, id: principal.staff.id }, ref);
  if (!person) throw notFound();
  return {
    title: pageTitle(t, t("counter.person.title", { name: person.name }), { error: errors.length > 0 }),
    person: { ...person, birthDateText: formatDate(person.birthDate, lng), kindLabel: t(`counter.kind.${person.kind}`) },
    methods: IDENTITY_CHECK_METHODS,
    errors,
    values,
  };
}

export const loader = ({ request, params }: LoaderFunctionArgs) => view(request, refOf(params));

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = refOf(params);
  const principal = await requireStaff(request);
  const form = await readFormBody(request);
  const input = { identityCheck: form.get("identityCheck"), identityNote: form.get("identityNote") };
  const result = startVisit({ role: principal.role, id: principal.staff.id }, ref, input);
  if (result.ok) throw redirect(`/counter/visits/${result.visitId}`);
  if (result.problem === "notFound") throw notFound();
  const { t } = await getLocaleT(request);
  const errors = result.errors.map((e) => ({
    target: e.target === "identityNote" ? "identityNote" : "identityCheck-my_number_card",
    message: t(`counter.identity.problem.${e.problem}`),
  }));
  const values = {
    identityCheck: typeof input.identityCheck === "string" ? input.identityCheck : "",
    identityNote: typeof input.identityNote === "string" ? input.identityNote.slice(0, 200) : "",
  };
  return data(await view(request, ref, errors, values), { status: 400 });
}

export default function CounterPerson() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useTranslation();
  const p = page.person;
  const errorOf = (target: string) => page.errors.find((e) => e.target.startsWith(target))?.message;
  return (
    <>
      <ErrorSummary errors={page.errors} />
      <p>
        <Link to="/counter">{t("counter.backToSearch")}</Link>
      </p>
      <h1>{t("counter.person.title", { name: p.name })}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("counter.person.kana")}</dt>
          <dd>{p.kana}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("counter.person.birthDate")}</dt>
          <dd>{t("counter.bornAge", { date: p.birthDateText, count: p.age })}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("counter.person.register")}</dt>
          <dd>{p.kindLabel}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("counter.person.address")}</dt>
          <dd>{p.address}</dd>
        </div>
        {p.previousAddress ? (
          <div className="summary-list__row">
            <dt>{t("counter.person.previousAddress")}</dt>
            <dd>{p.previousAddress}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t("counter.person.household")}</dt>
          <dd>
            <HouseholdLine members={p.household} current={p.id} />
          </dd>
        </div>
      </dl>

      <Form method="post" noValidate>
        <h2>{t("counter.identity.title")}</h2>
        <Fieldset id="identityCheck" label={t("counter.identity.method")} error={errorOf("identityCheck")} required t={t}>
          <div className="choices">
            {page.methods.map((method, i) => (
              <div className="choice" key={method}>
                <input
                  className="choice__input"
                  type="radio"
                  id={`identityCheck-${method}`}
                  name="identityCheck"
                  value={method}
                  defaultChecked={page.values.identityCheck === method}
                  autoFocus={i === 0 && page.errors.length === 0}
                />
                <label htmlFor={`identityCheck-${method}`} className="choice__label">
                  {t(`counter.identity.${method}`)}
                </label>
              </div>
            ))}
          </div>
        </Fieldset>
        <Field
          id="identityNote"
          label={t("counter.identity.note")}
          hint={t("counter.identity.noteHint")}
          error={errorOf("identityNote")}
          required={false}
          t={t}
        >
          <input
            className="input"
            id="identityNote"
            name="identityNote"
            type="text"
            maxLength={200}
            defaultValue={page.values.identityNote ?? ""}
            aria-describedby={["identityNote-hint", errorOf("identityNote") ? "identityNote-error" : null].filter(Boolean).join(" ")}
            aria-invalid={errorOf("identityNote") ? true : undefined}
          />
        </Field>
        <p className="actions">
          <button type="submit" className="button">
            {t("counter.identity.start")}
          </button>
        </p>
      </Form>
    </>
  );
}

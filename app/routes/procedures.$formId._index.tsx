import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { firstIncompleteStep } from "../form-engine/engine";

import { checkPath, stepPath } from "../form-engine/paths";
import { localize } from "../form-engine/localized";
import { getLatestForm } from "../form-engine/store.server";
import { resolvePrefill } from "../prefill/registry.server";
import { Localized } from "../form-engine/fields/shell";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { createDraft, findOpenDraft, formOfDraft, resolveOwner } from "../submissions/drafts.server";

function requireForm(formId: string | undefined) {
  const form = formId ? getLatestForm(formId) : undefined;
  if (!form) throw new Response("Not Found", { status: 404 });
  return form;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const form = requireForm(params.formId);
  const [{ t, lng }, principal] = await Promise.all([getLocaleT(request), getPrincipal(request)]);
  const { owner } = await resolveOwner(request, principal, false);
  const draft = owner ? findOpenDraft(owner, form.formId) : undefined;
  const d = form.definition;
  return {
    title: pageTitle(t, localize(d.title, lng).text),
    form: { id: d.id, title: d.title, description: d.description, guidance: d.guidance, signInRequired: d.signInRequired },
    hasDraft: Boolean(draft),
    signedIn: principal?.role === "resident",
  };
}

/** Starting (or resuming) creates the draft on the server, then goes to the first step not yet completed. */
export async function action({ request, params }: ActionFunctionArgs) {
  const latest = requireForm(params.formId);
  const principal = await getPrincipal(request);
  if (latest.definition.signInRequired && principal?.role !== "resident") {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/procedures/${latest.formId}` })}`);
  }
  const { owner, setCookie } = await resolveOwner(request, principal, true);
  // What the city knows is looked up once, when the draft begins.
  const draft =
    findOpenDraft(owner!, latest.formId) ??
    createDraft(owner!, latest, principal?.role === "resident" ? resolvePrefill(latest.definition, principal.resident) : {});
  const form = formOfDraft(draft);
  const next = firstIncompleteStep(form.definition, draft.answers, draft.completedSteps);
  return redirect(next ? stepPath(form.formId, next.id) : checkPath(form.formId), setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export default function ProcedureStart() {
  const { form, hasDraft, signedIn } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
      <p className="back-link">
        <Link to="/">{t("journey.backToCatalogue")}</Link>
      </p>
      <h1>
        <Localized text={form.title} lng={lng} />
      </h1>
      <p className="lead">
        <Localized text={form.description} lng={lng} />
      </p>
      {form.guidance.whatYouNeed.length > 0 ? (
        <>
          <h2>{t("journey.whatYouNeed")}</h2>
          <ul>
            {form.guidance.whatYouNeed.map((item, i) => (
              <li key={i}>
                <Localized text={item} lng={lng} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("journey.duration")}</h2>
      <p>
        <Localized text={form.guidance.duration} lng={lng} />
      </p>
      {form.guidance.notes.map((note, i) => (
        <p key={i}>
          <Localized text={note} lng={lng} />
        </p>
      ))}
      {form.signInRequired && !signedIn ? <p>{t("journey.signInRequired")}</p> : null}
      <Form method="post">
        <button type="submit" className="button button--start">
          {t(hasDraft ? "journey.resume" : "journey.start")}
        </button>
      </Form>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { Localized } from "../form-engine/fields/shell";
import { localize } from "../form-engine/localized";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { closedProcedure } from "../journey/closed.server";
import { placePath } from "../journey/paths";
import { startableForm, startDraft } from "../journey/start.server";
import { findOpenDraft, resolveOwner } from "../submissions/drafts.server";
import { ClosedNotice } from "../ui/closed-notice";
import { readFormBody } from "../security/form-body.server";
import { allow, tooManyRequests } from "../security/throttle.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const form = startableForm(params.formId);
  const [{ t, lng }, principal] = await Promise.all([getLocaleT(request), getPrincipal(request)]);
  if (!form) {
    // A retired procedure is gone for good (410), and says so: whom to ask instead of a bare "not found".
    const closed = closedProcedure(params.formId, lng);
    if (!closed) throw new Response("Not Found", { status: 404 });
    return data(
      { title: pageTitle(t, t("journey.closed.title", { title: closed.title })), closed, form: null, hasDraft: false, signedIn: false },
      { status: 410 },
    );
  }
  const { owner } = await resolveOwner(request, principal, false);
  const d = form.definition;
  return {
    title: pageTitle(t, localize(d.title, lng).text),
    form: { id: d.id, title: d.title, description: d.description, guidance: d.guidance, signInRequired: d.signInRequired },
    hasDraft: Boolean(owner && findOpenDraft(owner, form.formId)),
    signedIn: principal?.role === "resident",
    closed: null,
  };
}

/** Starting (or resuming) creates the draft on the server, then goes to the first step not yet completed. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await readFormBody(request); // the button sends nothing, but what is sent must be a form
  const principal = await getPrincipal(request);
  // Drafts made by residents and visitors count against their address (a clerk's at the counter do not).
  if ((!principal || principal.role === "resident") && !(await allow("drafts", context.clientIp))) throw tooManyRequests();
  const { owner, setCookie } = await resolveOwner(request, principal, true);
  const outcome = startDraft(params.formId, principal, owner!);
  const formId = params.formId!;
  if (outcome.kind === "notFound" && closedProcedure(formId, "ja")) throw redirect(`/procedures/${formId}`);
  if (outcome.kind === "notFound") throw new Response("Not Found", { status: 404 });
  if (outcome.kind === "signIn") throw redirect(`/login?${new URLSearchParams({ redirectTo: `/procedures/${formId}` })}`);
  return redirect(placePath(formId, outcome.place), setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export default function ProcedureStart() {
  const { form, hasDraft, signedIn, closed } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!form) {
    return (
      <>
        <p className="back-link">
          <Link to="/">{t("journey.backToCatalogue")}</Link>
        </p>
        {closed ? <ClosedNotice closed={closed} headingLevel={1} /> : null}
      </>
    );
  }
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

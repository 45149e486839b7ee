import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPrincipal } from "../auth/session.server";
import { Localized } from "../form-engine/fields/shell";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { startPath } from "../journey/paths";
import { resolveOwner } from "../submissions/drafts.server";
import { resumeLinkPage, consumeResumeLink } from "../submissions/resume-links.server";
import { readFormBody } from "../security/form-body.server";

/**
 * A resume link from an e-mail. Opening it only shows a button: mail scanners and link previews fetch links, and the
 * link is single-use, so it is used by the resident's POST, not by a GET.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getLocaleT(request);
  const found = resumeLinkPage(params.token ?? "");
  return {
    title: pageTitle(t, t(found ? "journey.resumeElsewhere.openTitle" : "journey.resumeElsewhere.invalidTitle")),
    formTitle: found?.definition.title ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readFormBody(request); // the button sends nothing, but what is sent must be a form
  const principal = await getPrincipal(request);
  const { owner, setCookie } = await resolveOwner(request, principal, true);
  const result = consumeResumeLink(params.token ?? "", owner!);
  if (result.kind === "invalid") throw redirect(`/resume/${encodeURIComponent(params.token ?? "")}`);
  throw redirect(startPath(result.formId), setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export default function Resume() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  if (!page.formTitle) {
    return (
      <>
        <h1>{t("journey.resumeElsewhere.invalidTitle")}</h1>
        <p>{t("journey.resumeElsewhere.invalid")}</p>
        <p>
          <Link to="/">{t("journey.resumeElsewhere.home")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="caption">
        <Localized text={page.formTitle} lng={i18n.language} />
      </p>
      <h1>{t("journey.resumeElsewhere.openTitle")}</h1>
      <p>{t("journey.resumeElsewhere.openIntro")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("journey.resumeElsewhere.open")}
        </button>
      </Form>
    </>
  );
}

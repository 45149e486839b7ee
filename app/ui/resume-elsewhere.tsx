import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";

/** On a step, for a resident who is not signed in: a link to have the draft e-mailed to another device. */
export function ResumeElsewhere({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  // Signed in, the draft is on the account: signing in on the other device is enough.
  if (root?.user) return null;
  return (
    <p className="resume-elsewhere">
      <Link to={`/procedures/${formId}/resume-link`}>{t("journey.resumeElsewhere.link")}</Link>
    </p>
  );
}

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { previewPdfPath, previewStepPath } from "../admin/preview/paths";
import { PreviewBanner } from "../admin/preview/preview-banner";
import { openPreview } from "../admin/preview/preview.server";
import { requireAdmin } from "../auth/guards.server";
import { Localized } from "../form-engine/fields/shell";
import { getLocaleT } from "../i18n/i18next.server";
import { showCheck } from "../journey/check.server";
import { CheckRows } from "../ui/check-answers";

/*
 * The check page of an administrator's preview: the resident's answers by step with their marks and 変更 links, the
 * declaration as the resident reads it, and, instead of submitting, the sample PDF staff would print.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireAdmin(request);
  const ctx = openPreview({ staffId: principal.staff.id }, params.formId!, params.previewId!);
  if (!ctx) throw new Response("Not Found", { status: 404 });
  const outcome = showCheck(ctx, await getLocaleT(request));
  if ("goTo" in outcome) throw redirect(ctx.placeUrl(outcome.goTo));
  const { title, formTitle, declaration, sections, lng } = outcome.page;
  return { title, formTitle, declaration, sections, lng, banner: ctx.banner };
}

export default function PreviewCheckPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { lng } = page;
  const { formId, previewId } = page.banner;
  return (
    <>
      <PreviewBanner banner={page.banner} />
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
      </p>
      <h1>{t("journey.check.title")}</h1>
      {page.sections.map((section) => (
        <section key={section.stepId} aria-labelledby={`section-${section.stepId}`}>
          <h2 id={`section-${section.stepId}`}>{section.title}</h2>
          <CheckRows rows={section.rows} changeHref={previewStepPath(formId, previewId, section.stepId)} t={t} />
        </section>
      ))}
      <h2>{t("journey.check.declarationTitle")}</h2>
      <p>
        <Localized text={page.declaration} lng={lng} />
      </p>
      <p className="notice">{t("admin.preview.check.noSubmit")}</p>
      <p>
        {/* A file, not a page: the browser opens it (no client-side navigation). */}
        <a href={previewPdfPath(formId, previewId)} className="button button--secondary">
          {t("admin.preview.check.samplePdf")}
        </a>
      </p>
    </>
  );
}

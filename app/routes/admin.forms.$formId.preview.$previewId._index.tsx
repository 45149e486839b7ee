import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { previewCheckPath, previewPdfPath, previewPlacePath, previewStepPath } from "../admin/preview/paths";
import { PreviewBanner } from "../admin/preview/preview-banner";
import { openPreview, previewOutline } from "../admin/preview/preview.server";
import { requireAdmin } from "../auth/guards.server";
import { Localized } from "../form-engine/fields/shell";
import { getT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";

/**
 * A preview on a wide screen: the resident's pages at phone width (390 px) in a frame, with links beside it that open
 * each step, the check page and the sample PDF in the frame. Works without JavaScript (links target the frame).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireAdmin(request);
  const ctx = openPreview({ staffId: principal.staff.id }, params.formId!, params.previewId!);
  if (!ctx) throw new Response("Not Found", { status: 404 });
  const t = await getT(request);
  const outline = previewOutline(ctx);
  return {
    title: pageTitle(t, t("admin.preview.frame.title")),
    banner: ctx.banner,
    formTitle: ctx.form.definition.title,
    steps: outline.steps,
    checkReady: outline.checkReady,
    continueAt: previewPlacePath(ctx.form.formId, ctx.previewId, outline.continueAt),
  };
}

const FRAME = "preview-frame";

export default function PreviewFrame() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { formId, previewId } = page.banner;
  return (
    <>
      <PreviewBanner banner={page.banner} />
      <p className="caption">
        <Localized text={page.formTitle} lng={lng} />
      </p>
      <h1>{t("admin.preview.frame.title")}</h1>
      <div className="preview-layout">
        <iframe className="preview-frame" name={FRAME} title={t("admin.preview.frame.frameTitle")} src={page.continueAt} />
        <nav aria-labelledby="preview-pages-title">
          <h2 id="preview-pages-title">{t("admin.preview.frame.pages")}</h2>
          <p>{t("admin.preview.frame.pagesHint")}</p>
          <ol>
            {page.steps.map((s) => (
              <li key={s.id}>
                <a href={previewStepPath(formId, previewId, s.id)} target={FRAME}>
                  <Localized text={s.title} lng={lng} />
                </a>
                {s.done ? ` ${t("admin.preview.frame.done")}` : null}
              </li>
            ))}
            <li>
              {page.checkReady ? (
                <a href={previewCheckPath(formId, previewId)} target={FRAME}>
                  {t("journey.check.title")}
                </a>
              ) : (
                <>
                  {t("journey.check.title")} {t("admin.preview.frame.notYet")}
                </>
              )}
            </li>
          </ol>
          <ul className="plain-list">
            {page.checkReady ? (
              <li>
                <a href={previewPdfPath(formId, previewId)}>{t("admin.preview.check.samplePdf")}</a>
              </li>
            ) : null}
            <li>
              <a href={page.continueAt}>{t("admin.preview.frame.fullPage")}</a>
            </li>
          </ul>
        </nav>
      </div>
    </>
  );
}

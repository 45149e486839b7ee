import { useTranslation } from "react-i18next";
import { builderPath, previewStartPath, procedurePath } from "./paths";

export type BannerData = { formId: string; previewId: string; versionId: number | null; revision: number | null; prefilled: boolean };

/**
 * On every preview page, above the resident's page: this is a preview and sends nothing, what is previewed, and the
 * way back. Its links leave the 390 px frame (target _top) when the page is shown in one.
 */
export function PreviewBanner({ banner }: { banner: BannerData }) {
  const { t } = useTranslation();
  const what = banner.versionId === null ? t("admin.preview.workingCopy") : t("admin.preview.revision", { n: banner.revision });
  return (
    <div className="preview-banner" role="note" aria-labelledby="preview-banner-title">
      <p id="preview-banner-title" className="preview-banner__title">
        {t("admin.preview.banner.title")}
      </p>
      <p>
        {what}・{t(banner.prefilled ? "admin.preview.banner.prefilled" : "admin.preview.banner.notPrefilled")}
      </p>
      <ul className="preview-banner__links">
        <li>
          {banner.versionId === null ? (
            <a href={builderPath(banner.formId)} target="_top">
              {t("admin.preview.banner.builder")}
            </a>
          ) : (
            <a href={procedurePath(banner.formId)} target="_top">
              {t("admin.preview.backToProcedure")}
            </a>
          )}
        </li>
        <li>
          <a href={previewStartPath(banner.formId)} target="_top">
            {t("admin.preview.banner.restart")}
          </a>
        </li>
      </ul>
    </div>
  );
}

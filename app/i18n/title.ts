import type { TFunction } from "i18next";

/** "[エラー：]{page} – {site}", the one format for every page title (accessibility checklist item 2). */
export function pageTitle(t: TFunction, page: string, options: { error?: boolean } = {}) {
  const title = t("title.format", { page, site: t("site.name") });
  return options.error ? t("title.errorPrefix") + title : title;
}

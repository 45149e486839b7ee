import { useEffect, useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";

// The server renders once, in the page's language; there is nothing to paint (and useLayoutEffect would warn).
const useBeforePaint = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * Keeps the browser's i18next on the page's language. The page after a language switch is committed with the old
 * texts; changing before the browser paints means no frame says lang="en" in Japanese. The switch has loaded the new
 * texts before it navigates (LanguageSwitch), so the change is immediate (remix-i18next's useChangeLanguage waits for
 * the paint, and for the texts).
 */
export function usePageLanguage(locale: string) {
  const { i18n } = useTranslation();
  useBeforePaint(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}

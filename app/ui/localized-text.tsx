import { useTranslation } from "react-i18next";
import { withRuby } from "../i18n/ruby";

/** A text as `localize` gives it (from a definition, through a loader): in the page's language with its ふりがな as
 * <ruby>, or a Japanese fallback marked lang="ja" so a screen reader switches voice. */
export function LocalizedText({ value }: { value: { marked: string; lang: string } }) {
  const { i18n } = useTranslation();
  return value.lang === i18n.language ? <>{withRuby(value.marked)}</> : <span lang={value.lang}>{value.marked}</span>;
}

/**
 * The language of a value shown inside a page of another language: an address from the 住民記録, a name typed in
 * kanji, a procedure's untranslated text. Marked lang="ja", a screen reader reads it with a Japanese voice instead of
 * spelling it out in the page's.
 */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
/** 日本語 and やさしい日本語 (ja-x-easy). */
export const isJapanese = (lng: string) => lng === "ja" || lng.startsWith("ja-");

/** "ja" when the text is Japanese and the page is not; undefined when the page's own language serves. */
export function textLanguage(text: unknown, pageLanguage: string): "ja" | undefined {
  if (typeof text !== "string" && !(text instanceof String)) return undefined;
  const value = String(text);
  if (isJapanese(pageLanguage)) return undefined;
  if (KANA.test(value)) return "ja";
  // Kanji alone in a Chinese page may be Chinese (a name typed in hanzi): the page's language is the better guess.
  return HAN.test(value) && !pageLanguage.startsWith("zh") ? "ja" : undefined;
}

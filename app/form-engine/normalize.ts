/** Input clean-up shared by field types: accept what people type, store one canonical form. */

/** 全角 letters, digits and symbols → 半角; 半角カナ → 全角カナ (Unicode NFKC). */
export const nfkc = (s: string) => s.normalize("NFKC");

export const trim = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");

/** Digits only: removes spaces, hyphens of every width and brackets people put in 電話 and 郵便番号. */
export const digitsOnly = (s: string) => nfkc(s).replace(/[\s\u3000\-‐‑‒–—―ー−()（）]/g, "");

/** ひらがな → カタカナ only (ぁ–ゖ sit 0x60 below ァ–ヶ); the one kana conversion, also used by the queue's search. */
export const hiraganaToKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** ひらがな → カタカナ, 半角カナ → 全角, spaces folded to one full-width space. */
export function toKatakana(s: string): string {
  return hiraganaToKatakana(trim(s.normalize("NFKC"))).replace(/[\s\u3000]+/g, "\u3000");
}

export const asString = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

/** Normalising names for the queue's search: stored and typed forms must meet (全角/半角, ひらがな/カタカナ, spaces). */
import { hiraganaToKatakana } from "../form-engine/normalize";

/** "たかはし ダイスケ" → "タカハシダイスケ"; "髙橋（全角空白）大輔" → "髙橋大輔". */
export function searchKey(text: string): string {
  return hiraganaToKatakana(text.normalize("NFKC").replace(/\s+/g, ""));
}

/** The upper bound of a prefix range: every key starting with `prefix` sorts below it (uses the index, unlike LIKE). */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/** A 受付番号 as stored ("ABCD-EFGH") from what was typed (spaces, no hyphen, lower case); otherwise null. */
export function receiptKey(text: string): string | null {
  const s = text
    .normalize("NFKC")
    .replace(/[\s\-ー－]/g, "")
    .toUpperCase();
  return /^[A-Z0-9]{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4)}` : null;
}

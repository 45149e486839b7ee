import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or written down (no I, O, 0, 1). */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A 受付番号 like "K7QM-3XA9": 8 characters from 32 (40 bits), in two groups of four for reading out. */
export function newReceiptNumber(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

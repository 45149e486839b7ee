/**
 * Repairs the HTML that React 18's `renderToPipeableStream` streams, on its way to the response (ADR 0011).
 */
import { Transform } from "node:stream";

const DOCUMENT_END = Buffer.from("</body></html>");
const NOTHING = Buffer.alloc(0);

/** The bytes without any 0x00. */
export function withoutNul(chunk: Buffer): Buffer {
  if (chunk.indexOf(0) === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let n = 0;
  for (const byte of chunk) if (byte !== 0) out[n++] = byte;
  return out.subarray(0, n);
}

/** How many bytes at the end of `data` could be the start of `needle` (cut by a chunk boundary). */
function partialMatchAtEnd(data: Buffer, needle: Buffer) {
  for (let k = Math.min(needle.length - 1, data.length); k > 0; k--) {
    if (data.subarray(data.length - k).equals(needle.subarray(0, k))) return k;
  }
  return 0;
}

/**
 * A Transform for the document stream that fixes two faults of React 18.3, both fixed only in React 19:
 * - NUL bytes (react#31134, fixed by facebook/react#26228, never released for 18): when a multibyte character does
 *   not fit in the room left in its 2 KB buffer, React sends the whole buffer, padded with 0x00. In UTF-8 a 0x00 byte
 *   is only ever U+0000, which HTML forbids and browsers drop, so dropping every 0x00 removes the padding and never
 *   touches a character.
 * - `</body></html>` is held back until the stream ends. React 18 writes it with the shell, so whatever comes later
 *   (Suspense boundaries completing, Remix's streamed loader data) follows `</html>`, which HTML does not allow.
 *   React escapes `<` in text and attributes and Remix in its inline data, so the sequence only occurs as markup.
 */
export function repairStreamedHtml() {
  let held = NOTHING; // the end of what came so far, when it may be the start of </body></html>
  let endSeen = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let data = withoutNul(chunk);
      if (!endSeen) {
        if (held.length) data = Buffer.concat([held, data]);
        const at = data.indexOf(DOCUMENT_END);
        if (at !== -1) {
          endSeen = true;
          held = NOTHING;
          data = Buffer.concat([data.subarray(0, at), data.subarray(at + DOCUMENT_END.length)]);
        } else {
          const keep = partialMatchAtEnd(data, DOCUMENT_END);
          held = Buffer.from(data.subarray(data.length - keep));
          data = data.subarray(0, data.length - keep);
        }
      }
      callback(null, data);
    },
    flush(callback) {
      callback(null, endSeen ? DOCUMENT_END : held);
    },
  });
}

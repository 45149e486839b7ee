/**
 * Uploads safe to keep and to print (issue 13 point 2). A 1.2 MB PNG may declare 20000×20000 pixels: decoded for a
 * printout it took 4.5 GB and stalled the server for 27 s. So, at upload:
 *   - an image is read by sharp (libvips, on libuv's thread pool, not the request thread), refused above
 *     MAX_INPUT_PIXELS, turned upright by its EXIF orientation and re-encoded within PIXEL_BUDGET. The new file has no
 *     metadata: a phone photo's GPS position is not kept;
 *   - a PDF must open (not encrypted, not damaged) and have at most MAX_PDF_PAGES pages.
 * The printout copies a PDF's pages without their annotations (links, form fields) and actions (scripts), and
 * embeds images through `imageForPrint`, which applies the same budget to files kept before these checks existed.
 */
import { PDFDocument, PDFName } from "pdf-lib";
import sharp from "sharp";
import { MAX_PDF_PAGES } from "../form-engine/fields/file.rules";

/** Above this, an image is refused (a 48 MP phone camera is 48,000,000; a crafted PNG 400,000,000). */
export const MAX_INPUT_PIXELS = 100_000_000;
/** A kept image has at most this many pixels: 12 MP, a sharp A4 page at 300 dpi. */
export const PIXEL_BUDGET = 12_000_000;

export type UploadVerdict = { ok: true; bytes: Buffer } | { ok: false; reason: "dimensions" | "pages" | "unreadable" };

type ImageType = "image/jpeg" | "image/png";

/** The image re-encoded within the pixel budget, or why it cannot be. */
async function reencodeImage(bytes: Buffer, type: ImageType): Promise<UploadVerdict> {
  let meta: sharp.Metadata;
  try {
    // The header only: nothing is decoded yet, whatever size it declares.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  if (!meta.width || !meta.height) return { ok: false, reason: "unreadable" };
  if (meta.width * meta.height > MAX_INPUT_PIXELS) return { ok: false, reason: "dimensions" };
  const scale = Math.min(1, Math.sqrt(PIXEL_BUDGET / (meta.width * meta.height)));
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: Math.floor(meta.width * scale), height: Math.floor(meta.height * scale), fit: "inside", withoutEnlargement: true });
    const out = type === "image/png" ? await image.png({ compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 85 }).toBuffer();
    return { ok: true, bytes: out };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

async function checkPdf(bytes: Buffer): Promise<UploadVerdict> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() > MAX_PDF_PAGES) return { ok: false, reason: "pages" };
    return { ok: true, bytes };
  } catch {
    // Encrypted (a password-protected PDF cannot be printed) or damaged.
    return { ok: false, reason: "unreadable" };
  }
}

/** Checks an upload whose type was detected from its content; images come back re-encoded. */
export function makeUploadSafe(bytes: Buffer, type: string): Promise<UploadVerdict> {
  if (type === "application/pdf") return checkPdf(bytes);
  if (type === "image/jpeg" || type === "image/png") return reencodeImage(bytes, type);
  return Promise.resolve({ ok: true, bytes });
}

/** An image as the printout embeds it: within the budget whatever was kept, or null when it cannot be read. */
export async function imageForPrint(bytes: Uint8Array, type: string): Promise<{ bytes: Buffer; type: ImageType } | null> {
  if (type !== "image/jpeg" && type !== "image/png") return null;
  const verdict = await reencodeImage(Buffer.from(bytes), type);
  return verdict.ok ? { bytes: verdict.bytes, type } : null;
}

/** Keys of a page that act or lead elsewhere: links and form fields (Annots), scripts on open/close (AA). */
const ACTIVE_PAGE_KEYS = ["Annots", "AA"].map((k) => PDFName.of(k));

/**
 * Copies a PDF's pages into the printout without annotations or actions. They are taken off the source's pages before
 * the copy, so not even an unreferenced copy of them reaches the file; document-level scripts (the catalog's Names and
 * OpenAction) are never copied, since only pages are.
 */
export async function copyInertPages(into: PDFDocument, bytes: Uint8Array) {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of source.getPages()) for (const key of ACTIVE_PAGE_KEYS) page.node.delete(key);
  return into.copyPages(source, source.getPageIndices());
}

/**
 * The one way an action reads what was posted (issue 13): a form, URL-encoded or, where the page sends files,
 * multipart. Everything else ends here with a status the root error page explains, before any domain code runs:
 *   415  not a form (JSON, text, multipart where the page sends no files);
 *   413  over the body, field, value or file limits (checked while reading, so a 10 MB body is never kept);
 *   400  a body that does not parse.
 * Multipart is parsed by the platform's WHATWG (fetch) parser, which takes any file name a phone produces
 * (給与;賞与.pdf, a=b.jpg) and keeps nothing on disk. A lint rule keeps `request.formData()` out of the app.
 */

export type FormBodyLimits = {
  /** The whole body, in bytes. */
  bodyBytes: number;
  /** Fields and files, counted together. */
  parts: number;
  /** One text value, in bytes (a definition's text limits are far lower; the admin's JSON and a signature are not). */
  valueBytes: number;
  /** Files in one post (0: the page sends no files, so multipart is refused). */
  files: number;
};

/** A page of text fields: sign-in, a step without uploads, a staff command. */
export const TEXT_FORM: FormBodyLimits = { bodyBytes: 256 * 1024, parts: 1_000, valueBytes: 32 * 1024, files: 0 };

/** A step with uploads: each upload field applies its own, smaller size limit to each file afterwards. */
export const UPLOAD_FORM: FormBodyLimits = { bodyBytes: 25 * 1024 * 1024, parts: 1_000, valueBytes: 32 * 1024, files: 20 };

/** An administrator's procedure definition, pasted or as a file (its own, smaller limit in characters applies after). */
export const DEFINITION_FORM: FormBodyLimits = { bodyBytes: 3 * 1024 * 1024 + 64 * 1024, parts: 20, valueBytes: 3 * 1024 * 1024, files: 1 };

export type FormBodyProblem = 400 | 413 | 415;

/** A refused body: thrown as a response, rendered by the root error page in the visitor's language. */
export function bodyRefused(status: FormBodyProblem): Response {
  // A resource route (the language switch, sign-out) has no error page: there the browser shows this text.
  return new Response(REFUSAL_TEXT[status], { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

const REFUSAL_TEXT: Record<FormBodyProblem, string> = {
  400: "送信された内容を読み取れませんでした。ページを開き直してください。\nWe could not read what was sent. Please open the page again.",
  413: "送信された内容が大きすぎます。\nWhat was sent is too large.",
  415: "送信された内容を読み取れませんでした。ページを開き直してください。\nWe could not read what was sent. Please open the page again.",
};

function mediaType(request: Request) {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The body's bytes, kept up to the limit. Past it the rest is read and dropped, up to four times the limit, so that the
 * browser, which sends its whole post before it reads the answer, reads the 413 page; a larger body is cut off unread
 * (the connection is then closed, app/server.ts).
 */
async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit * 4) throw bodyRefused(413);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw bodyRefused(400);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, limit * 4);
      throw bodyRefused(413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, bound: number) {
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > bound) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => {});
}

/** Reads a posted form within `limits`, or throws a 400 / 413 / 415 response. */
export async function readFormBody(request: Request, limits: FormBodyLimits = TEXT_FORM): Promise<FormData> {
  const type = mediaType(request);
  const multipart = type === "multipart/form-data";
  // A form with no fields may come without a type (a bare POST of a button): it is an empty form.
  if (type === "" && (request.headers.get("Content-Length") ?? "0") === "0") return new FormData();
  const bytes = await readCapped(request, limits.bodyBytes);
  if (type !== "application/x-www-form-urlencoded" && !(multipart && limits.files > 0)) throw bodyRefused(415);
  let form: FormData;
  try {
    form = multipart
      ? await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData()
      : formFromUrlEncoded(bytes);
  } catch {
    throw bodyRefused(400);
  }
  let parts = 0;
  let files = 0;
  for (const [, value] of form) {
    parts++;
    if (typeof value === "string") {
      if (Buffer.byteLength(value) > limits.valueBytes) throw bodyRefused(413);
    } else files++;
  }
  if (parts > limits.parts || files > limits.files) throw bodyRefused(413);
  return form;
}

function formFromUrlEncoded(bytes: Uint8Array): FormData {
  const form = new FormData();
  // fatal: bytes that are not UTF-8 are a broken body, not text with replacement characters.
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
  return form;
}

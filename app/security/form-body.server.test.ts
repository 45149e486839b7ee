import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFormBody, TEXT_FORM, UPLOAD_FORM, type FormBodyLimits } from "./form-body.server";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function statusOf(request: Request, limits?: FormBodyLimits): Promise<number | "ok"> {
  try {
    await readFormBody(request, limits);
    return "ok";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

const multipart = (parts: string) => post(parts, { "Content-Type": "multipart/form-data; boundary=zz" });

describe("readFormBody", () => {
  it("reads a URL-encoded form", async () => {
    const form = await readFormBody(post("a=1&b=%E4%BD%8F", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(form.get("a")).toBe("1");
    expect(form.get("b")).toBe("住");
  });

  it("takes the file names phones produce (給与;賞与.pdf, a=b.jpg): the finding was a 500", async () => {
    const body =
      '--zz\r\nContent-Disposition: form-data; name="f"; filename="給与;賞与.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n' +
      '--zz\r\nContent-Disposition: form-data; name="g"; filename="a=b.jpg"\r\n\r\nx\r\n--zz--\r\n';
    const form = await readFormBody(multipart(body), UPLOAD_FORM);
    expect((form.get("f") as File).name).toBe("給与;賞与.pdf");
    expect((form.get("g") as File).name).toBe("a=b.jpg");
  });

  it("refuses what is not a form with 415: JSON, text, multipart on a page that sends no files", async () => {
    expect(await statusOf(post('{"a":1}', { "Content-Type": "application/json" }))).toBe(415);
    expect(await statusOf(post("a", { "Content-Type": "text/plain" }))).toBe(415);
    expect(await statusOf(multipart('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--zz--\r\n'), TEXT_FORM)).toBe(415);
  });

  it("answers a broken body with 400: multipart cut off, bytes that are not UTF-8", async () => {
    expect(await statusOf(multipart("--zz\r\nbroken"), UPLOAD_FORM)).toBe(400);
    expect(await statusOf(post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), { "Content-Type": "application/x-www-form-urlencoded" }))).toBe(400);
  });

  it("refuses a body over the limit with 413, a declared one unread and a streamed one as soon as it passes", async () => {
    const declared = post("a=1", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(10 * 1024 * 1024) });
    expect(await statusOf(declared)).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("a=" + "x".repeat(64 * 1024)));
      },
    });
    expect(await statusOf(post(endless, { "Content-Type": "application/x-www-form-urlencoded" }))).toBe(413);
    // The rest is read and dropped up to a bound (the browser then reads the answer), never kept or read forever.
    expect(pulled * 64 * 1024).toBeLessThan(TEXT_FORM.bodyBytes * 6);
  });

  it("refuses a value, a count of fields or of files over the limits with 413", async () => {
    const form = (s: string) => post(s, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(await statusOf(form("a=" + "x".repeat(TEXT_FORM.valueBytes + 1)))).toBe(413);
    expect(await statusOf(form(Array.from({ length: TEXT_FORM.parts + 1 }, (_, i) => `f${i}=`).join("&")))).toBe(413);
    const files = Array.from(
      { length: UPLOAD_FORM.files + 1 },
      (_, i) => `--zz\r\nContent-Disposition: form-data; name="f${i}"; filename="a.jpg"\r\n\r\nx\r\n`,
    );
    expect(await statusOf(multipart(files.join("") + "--zz--\r\n"), UPLOAD_FORM)).toBe(413);
  });

  it("reads a bare POST without a body as an empty form", async () => {
    expect([...(await readFormBody(post(null)))]).toEqual([]);
  });

  it("answers any body and any content type with a form or a 400 / 413 / 415, never an exception", async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "application/json",
        "text/plain;charset=UTF-8",
        "MULTIPART/FORM-DATA; boundary=zz",
      ),
      fc.string(),
    );
    const body = fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 2048 }),
      fc
        .array(fc.tuple(fc.string(), fc.string()))
        .map((ps) => ps.map(([n, v]) => `--zz\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + "--zz--"),
    );
    await fc.assert(
      fc.asyncProperty(contentType, body, fc.constantFrom(TEXT_FORM, UPLOAD_FORM), async (type, data, limits) => {
        let request: Request;
        try {
          request = post(data, { "Content-Type": type });
        } catch {
          return; // not a header a client could send
        }
        const outcome = await statusOf(request, limits);
        expect(["ok", 400, 413, 415]).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });
});

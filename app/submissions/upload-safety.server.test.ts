import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderSubmissionsPdf } from "../backoffice/pdf.server";
import { MAX_PDF_PAGES } from "../form-engine/fields/file.rules";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { testT } from "../test/i18n";
import { copyInertPages, imageForPrint, makeUploadSafe, PIXEL_BUDGET } from "./upload-safety.server";

function chunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A small PNG whose header declares 20000×20000 pixels (the finding: 4.5 GB and 27 s when staff printed it). */
function pixelBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20_000, 0);
  header.writeUInt32BE(20_000, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(20_001 * 50)); // the first rows only: enough for the header to be believed
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

async function pdfWithPages(n: number) {
  const doc = await PDFDocument.create();
  for (let i = 0; i < n; i++) doc.addPage();
  return Buffer.from(await doc.save());
}

describe("uploads are safe to keep and to print", () => {
  it("refuses an image that declares too many pixels, without decoding it", async () => {
    const started = performance.now();
    expect(await makeUploadSafe(pixelBomb(), "image/png")).toEqual({ ok: false, reason: "dimensions" });
    expect(await imageForPrint(pixelBomb(), "image/png")).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("prints a submission that kept such an image, before these checks, in well under a second", async () => {
    const started = performance.now();
    const bytes = await renderSubmissionsPdf(
      [
        {
          definition: shippedDefinition("hoikusho"),
          answers: hoikushoAnswers(),
          receiptNumber: "ABCD-EFGH",
          submittedAt: new Date(),
          files: [{ fileName: "bomb.png", contentType: "image/png", data: pixelBomb() }],
        },
      ],
      testT("ja"),
    );
    expect(bytes.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("re-encodes a photo within the pixel budget, upright and without its metadata (no GPS position kept)", async () => {
    const photo = await sharp({ create: { width: 4800, height: 3000, channels: 3, background: "#88aacc" } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "phone" } } })
      .toBuffer();
    const verdict = await makeUploadSafe(photo, "image/jpeg");
    if (!verdict.ok) throw new Error(verdict.reason);
    const meta = await sharp(verdict.bytes).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width! * meta.height!).toBeLessThanOrEqual(PIXEL_BUDGET);
    // Orientation 6 is a quarter turn: the kept image is upright, portrait.
    expect(meta.height!).toBeGreaterThan(meta.width!);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it("keeps a small image's size and refuses one that does not decode", async () => {
    const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const verdict = await makeUploadSafe(small, "image/png");
    expect(verdict.ok && (await sharp(verdict.bytes).metadata()).width).toBe(800);
    expect(await makeUploadSafe(Buffer.concat([small.subarray(0, 40)]), "image/png")).toEqual({ ok: false, reason: "unreadable" });
  });

  it(`refuses a PDF of more than ${MAX_PDF_PAGES} pages, and one that does not open`, async () => {
    expect((await makeUploadSafe(await pdfWithPages(MAX_PDF_PAGES), "application/pdf")).ok).toBe(true);
    expect(await makeUploadSafe(await pdfWithPages(MAX_PDF_PAGES + 1), "application/pdf")).toEqual({ ok: false, reason: "pages" });
    expect(await makeUploadSafe(Buffer.from("%PDF-1.4\nbroken"), "application/pdf")).toEqual({ ok: false, reason: "unreadable" });
  });

  it("copies a PDF's pages into a printout without its links, page scripts or document scripts (the finding)", async () => {
    const hostile = await PDFDocument.create();
    const page = hostile.addPage();
    page.drawText("SHOMEISHO");
    const ctx = hostile.context;
    const link = ctx.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 100, 100], A: { S: "URI", URI: PDFString.of("https://evil.example/") } });
    page.node.set(PDFName.of("Annots"), ctx.obj([ctx.register(link)]));
    page.node.set(PDFName.of("AA"), ctx.obj({ O: { S: "JavaScript", JS: PDFString.of("app.alert('page')") } }));
    hostile.catalog.set(PDFName.of("OpenAction"), ctx.obj({ S: "JavaScript", JS: PDFString.of("app.alert('open')") }));
    const source = await hostile.save({ useObjectStreams: false });
    const text = (doc: PDFDocument) => doc.save({ useObjectStreams: false }).then((b) => Buffer.from(b).toString("latin1"));

    // What a plain copy carried into staff printouts:
    const plain = await PDFDocument.create();
    for (const p of await plain.copyPages(await PDFDocument.load(source), [0])) plain.addPage(p);
    expect(await text(plain)).toContain("/URI");

    const printout = await PDFDocument.create();
    for (const p of await copyInertPages(printout, source)) printout.addPage(p);
    const out = await text(printout);
    for (const active of ["/URI", "/JavaScript", "/JS", "/Annots", "/AA", "/OpenAction", "evil.example"]) expect(out).not.toContain(active);
    expect(printout.getPageCount()).toBe(1);
  });
});

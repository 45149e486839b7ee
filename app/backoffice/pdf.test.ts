import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { testT } from "../test/i18n";
import { renderSubmissionsPdf, type PdfSubmission } from "./pdf.server";

const t = testT("ja");

/** The text of each page, as a reader would search or copy it. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  return out;
}

/** The outlines (as SVG paths) of every glyph in the fonts embedded in a PDF; throws on a damaged font. */
async function embeddedGlyphPaths(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type"))?.toString() !== "/FontDescriptor") continue;
    const stream = doc.context.lookup(obj.get(PDFName.of("FontFile2")));
    if (!(stream instanceof PDFRawStream)) continue;
    const font = fontkit.create(Buffer.from(decodePDFRawStream(stream).decode())) as fontkit.Font;
    for (let id = 1; id < font.numGlyphs; id++) out.push(font.getGlyph(id).path.toSVG());
  }
  return out;
}

const hoikusho = (over: Partial<PdfSubmission> = {}): PdfSubmission => ({
  definition: shippedDefinition("hoikusho"),
  answers: hoikushoAnswers(),
  receiptNumber: "ABCD-EFGH",
  submittedAt: new Date("2026-11-22T05:03:00Z"),
  ...over,
});

describe("submission PDF", () => {
  it("is A4 with the procedure, 受付番号, the date in 和暦, the staff box, and every answer as text", async () => {
    const bytes = await renderSubmissionsPdf([hoikusho()], t);
    const doc = await PDFDocument.load(bytes);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = (await pagesText(bytes)).join("\n");
    for (const expected of [
      "保育所等の入所申込",
      /受付番号\s*ABCD-EFGH/,
      /申請日\s*令和8年11月22日\s*14:03/,
      "受付",
      "入力",
      "審査",
      // The clerk's boxes of the paper form, from the definition's pdf.staffBoxes.
      "本人確認書類",
      /□\s*マイナンバーカード/,
      "届出人署名",
      "髙橋",
      "陽翔",
      "まどぐち商事株式会社",
      "みどり総合病院",
      "卵アレルギーがあります（医師の診断書あり）。",
      "自宅から徒歩5分のため",
      "令和9年4月（2027年）",
      "160時間",
    ]) {
      if (expected instanceof RegExp) expect(text).toMatch(expected);
      else expect(text).toContain(expected);
    }
    const pages = await pagesText(bytes);
    pages.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages.length}`));
  });

  it("names the configured city at the foot of every page", async () => {
    const pages = await pagesText(await renderSubmissionsPdf([hoikusho(), hoikusho()], t));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p).toContain("まどぐち市");
  });

  it("renders rare kanji (髙, 﨑, 𠮷) with their own glyphs, and every embedded glyph has its outline", async () => {
    const answers = hoikushoAnswers();
    (answers.guardians as Record<string, unknown>[])[0]!.name = { family: "𠮷﨑", given: "髙志", familyKana: "ヨシザキ", givenKana: "タカシ" };
    const bytes = await renderSubmissionsPdf([hoikusho({ answers })], t);
    const text = (await pagesText(bytes)).join("");
    expect(text).toContain("𠮷﨑");
    expect(text).toContain("髙志");
    // The subset carries exactly the source font's outlines for these characters (not a fallback, not blank).
    const source = fontkit.create(
      readFileSync(createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf")),
    ) as fontkit.Font;
    const embedded = await embeddedGlyphPaths(bytes);
    for (const ch of ["髙", "﨑", "𠮷"]) expect(embedded).toContain(source.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG());
    // Only spaces are blank (a broken subset leaves many glyphs empty).
    expect(embedded.filter((p) => p === "").length).toBeLessThanOrEqual(2);
  });

  it("wraps a long answer and continues a 200-line answer over the next pages, numbering them", async () => {
    const answers = hoikushoAnswers();
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}行目：食物アレルギーの詳細と対応について記載します。`);
    (answers.child as Record<string, unknown>[])[0]!.health = lines.join("\n");
    const bytes = await renderSubmissionsPdf([hoikusho({ answers })], t);
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const all = pages.join("");
    for (const n of [1, 57, 123, 200]) expect(all).toContain(`${n}行目：食物アレルギーの詳細と対応について記載します。`);
    expect(pages[2]).toContain("（続き）");
    pages.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages.length}`));
  });

  it("puts many submissions in one PDF, each numbered on its own, and places image attachments as pages", async () => {
    // A 1×1 PNG.
    const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
    const broken = { fileName: "壊れた.pdf", contentType: "application/pdf", data: Uint8Array.from([1, 2, 3]) };
    // A two-page PDF attachment, merged as it is.
    const attached = await PDFDocument.create();
    attached.addPage().drawText("SHOMEISHO PAGE ONE");
    attached.addPage().drawText("SHOMEISHO PAGE TWO");
    const pdf = { fileName: "証明書.pdf", contentType: "application/pdf", data: await attached.save() };
    const bytes = await renderSubmissionsPdf(
      [hoikusho({ files: [{ fileName: "就労証明書.png", contentType: "image/png", data: png }, pdf, broken] }), hoikusho({ receiptNumber: "WXYZ-2345" })],
      t,
    );
    const pages = await pagesText(bytes);
    const first = pages.findIndex((p) => p.includes("WXYZ-2345"));
    expect(first).toBeGreaterThan(0);
    const one = pages.findIndex((p) => p.includes("SHOMEISHO PAGE ONE"));
    expect(pages[one + 1]).toContain("SHOMEISHO PAGE TWO");
    expect(one).toBeLessThan(first);
    expect(pages.slice(0, first).join("")).toContain("添付ファイル：就労証明書.png");
    expect(pages.slice(0, first).join("")).toContain("添付ファイル「壊れた.pdf」はこの PDF に含められませんでした");
    expect(pages[first]).toContain(`1 / ${pages.length - first}`);
  });
});

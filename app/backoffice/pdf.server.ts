/**
 * Submissions as A4 paper forms (for colleagues who still work on paper): laid out from the definition's sections,
 * a staff box for stamps, labels and answers in a ruled table, long answers wrapped and continued on the next page,
 * "n / N" page numbers and the city's name at the foot, attachments after the form (images as pages, PDFs merged). Text
 * is drawn by pdf-fonts.server.ts: Noto Sans JP (which has 髙, 﨑 and 𠮷) and, per glyph, fonts for what a resident types
 * in other scripts, embedded as subsets, so the text stays searchable and copyable.
 */
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import type { TFunction } from "i18next";
import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import { cityTexts } from "../city";
import { getCity } from "../city.server";
import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { localizeText } from "../form-engine/localized";
import { summarize, type SummaryRow } from "../form-engine/summary";
import { formatDateTime } from "../i18n/dates";
import { copyInertPages, imageForPrint } from "../submissions/upload-safety.server";
import { PdfText, textWidth, wrapText } from "./pdf-fonts.server";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 160;
const SIZE = 10;
const LINE = 14;
const PAD = 4;
const BOTTOM = 50;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.45, 0.45, 0.45);
const SHADE = rgb(0.93, 0.93, 0.93);

export type PdfFile = { fileName: string; contentType: string; data: Uint8Array };
export type PdfSubmission = {
  definition: FormDefinition;
  answers: Answers;
  receiptNumber: string;
  submittedAt: Date;
  files?: PdfFile[];
  /** "resident": the applicant's own copy (控え), marked as such, without the staff boxes. */
  copy?: "staff" | "resident";
  /** An administrator's preview: no real submission, marked 見本 on every page. */
  sample?: boolean;
  /**
   * Entered at the counter: a 申請者署名 box closes the form, with the signature the resident drew on screen (SVG path
   * data in a 600×200 box) or empty for the pen.
   */
  signature?: { path: string | null };
};

/**
 * pdf-lib compresses streams with pako (deflate written in JavaScript), a quarter of the time of a PDF. Node's zlib
 * writes the same zlib format natively (level 4: 2 % larger than the default, a few ms faster); pdf-lib looks
 * `deflate` up on pako's exports at each call.
 */
const requireFromPdfLib = createRequire(createRequire(import.meta.url).resolve("pdf-lib"));
Object.assign(requireFromPdfLib("pako") as object, { deflate: (data: Uint8Array) => new Uint8Array(deflateSync(data, { level: 4 })) });

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    readonly fonts: PdfText,
    private continuation: string,
  ) {}

  width(text: string, size = SIZE) {
    return textWidth(text, size);
  }

  /** Lines of at most `max` points: breaks anywhere in Japanese, but at a space when one is near the end. */
  wrap(text: string, max: number, size = SIZE): string[] {
    return wrapText(text, max, size);
  }

  text(s: string, x: number, y: number, size = SIZE) {
    this.fonts.draw(this.page, s, { x, y, size, color: INK });
  }

  cell(x: number, top: number, w: number, h: number, shaded = false) {
    this.page.drawRectangle({ x, y: top - h, width: w, height: h, borderColor: RULE, borderWidth: 0.6, color: shaded ? SHADE : undefined });
  }

  newPage(first = false) {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    if (!first) {
      this.text(this.continuation, MARGIN, this.y - 9, 9);
      this.y -= 22;
    }
  }

  room() {
    return this.y - BOTTOM;
  }

  /** Keeps a heading with at least one line of what follows it. */
  need(height: number) {
    if (this.room() < height) this.newPage();
  }

  /** A heading band across the table (a section, or an item of a repeating group). */
  band(label: string, level: "section" | "item") {
    const h = level === "section" ? 20 : 18;
    this.need(h + LINE + 2 * PAD);
    if (level === "section") this.y -= 6;
    this.cell(MARGIN, this.y, WIDTH, h, true);
    this.text(label, MARGIN + PAD, this.y - h + 5, level === "section" ? 11 : SIZE);
    this.y -= h;
  }

  /** A label | answer row; a long answer goes on over as many pages as it needs, its label marked (続き). */
  row(label: string, value: string, indent: number, continued: string) {
    const labelLines = this.wrap(label, LABEL_WIDTH - 2 * PAD - indent);
    const valueLines = this.wrap(value, WIDTH - LABEL_WIDTH - 2 * PAD);
    const total = Math.max(labelLines.length, valueLines.length);
    let done = 0;
    // Short rows are not split: they move to the next page whole.
    if (total <= 4 && this.room() < total * LINE + 2 * PAD) this.newPage();
    while (done < total) {
      let fit = Math.floor((this.room() - 2 * PAD) / LINE);
      if (fit < 1) {
        this.newPage();
        fit = Math.floor((this.room() - 2 * PAD) / LINE);
      }
      const n = Math.min(fit, total - done);
      const labels = done === 0 ? labelLines.slice(0, n) : [`${labelLines.join("").slice(0, 12)}${continued}`];
      const h = n * LINE + 2 * PAD;
      this.cell(MARGIN, this.y, LABEL_WIDTH, h, true);
      this.cell(MARGIN + LABEL_WIDTH, this.y, WIDTH - LABEL_WIDTH, h);
      labels.forEach((l, i) => this.text(l, MARGIN + PAD + indent, this.y - PAD - (i + 1) * LINE + 3.5));
      valueLines.slice(done, done + n).forEach((l, i) => this.text(l, MARGIN + LABEL_WIDTH + PAD, this.y - PAD - (i + 1) * LINE + 3.5));
      this.y -= h;
      done += n;
      if (done < total) this.newPage();
    }
  }

  /** "n / N" and the city's name at the foot of each page of one submission (attachments included). */
  numberPages(pages: PDFPage[]) {
    const city = cityTexts(getCity(), "ja").name;
    pages.forEach((p, i) => {
      const label = `${i + 1} / ${pages.length}`;
      this.fonts.draw(p, label, { x: (p.getWidth() - this.width(label, 9)) / 2, y: 20, size: 9, color: INK });
      this.fonts.draw(p, city, { x: MARGIN, y: 20, size: 9, color: INK });
    });
  }

  /** 見本 on every page: a large pale mark across the page and a boxed one at the top, so no copy passes for a real one. */
  markSample(pages: PDFPage[], label: string) {
    for (const p of pages) {
      const size = 120;
      const w = this.width(label, size);
      this.fonts.draw(p, label, { x: (A4[0] - w * 0.71) / 2, y: A4[1] / 2 - w * 0.35, size, color: rgb(0.8, 0.1, 0.1), opacity: 0.15, rotate: 45 });
      const boxW = this.width(label, 12) + 2 * PAD;
      p.drawRectangle({ x: (A4[0] - boxW) / 2, y: A4[1] - 30, width: boxW, height: 18, borderColor: rgb(0.8, 0.1, 0.1), borderWidth: 1 });
      this.fonts.draw(p, label, { x: (A4[0] - boxW) / 2 + PAD, y: A4[1] - 26, size: 12, color: rgb(0.8, 0.1, 0.1) });
    }
  }
}

function header(w: Writer, s: PdfSubmission, t: TFunction) {
  const def = s.definition;
  w.newPage(true);
  const all = s.copy === "resident" ? [] : def.pdf.staffBoxes;
  // Plain labels are the stamp boxes at the top right; boxes with a label of their own and choices or room to write
  // (本人確認書類, 手数料, 届出人署名) are rows under the title.
  const boxes = all.filter((b): b is string => typeof b === "string");
  const rowsToFill = all.filter((b): b is { label: string; choices: string[] } => typeof b !== "string");
  const boxW = 52;
  const boxH = boxes.length ? 60 : 20;
  // The resident's copy has no staff boxes; its mark (申請者控え) takes their place at the top right.
  const boxX = A4[0] - MARGIN - (boxes.length ? boxes.length * boxW : 80);
  if (s.copy === "resident") {
    const mark = t("pdf.residentCopy");
    w.text(mark, A4[0] - MARGIN - w.width(mark, 11), w.y - 14, 11);
  }
  boxes.forEach((label, i) => {
    w.cell(boxX + i * boxW, w.y, boxW, 16, true);
    w.cell(boxX + i * boxW, w.y - 16, boxW, boxH - 16);
    w.text(label, boxX + i * boxW + (boxW - w.width(label, 9)) / 2, w.y - 12, 9);
  });
  const title = localizeText(def.pdf.title ?? def.title, "ja");
  const titleLines = w.wrap(title, boxX - MARGIN - 12, 16);
  titleLines.forEach((l, i) => w.text(l, MARGIN, w.y - 18 - i * 21, 16));
  let y = w.y - 18 - titleLines.length * 21 - 4;
  w.text(`${t("pdf.receiptNumber")}\u3000${s.receiptNumber}`, MARGIN, y, 11);
  y -= 16;
  w.text(`${t("pdf.submittedAt")}\u3000${formatDateTime(s.submittedAt, "ja")}`, MARGIN, y, SIZE);
  w.y = Math.min(y - 14, w.y - boxH - 14);
  const h = 24;
  for (const box of rowsToFill) {
    w.cell(MARGIN, w.y, LABEL_WIDTH, h, true);
    w.cell(MARGIN + LABEL_WIDTH, w.y, WIDTH - LABEL_WIDTH, h);
    w.text(box.label, MARGIN + PAD, w.y - 16, SIZE);
    w.text(box.choices.map((c) => `□ ${c}`).join("\u3000"), MARGIN + LABEL_WIDTH + PAD, w.y - 16, SIZE);
    w.y -= h;
  }
  if (rowsToFill.length) w.y -= 14;
}

function rows(w: Writer, list: SummaryRow[], t: TFunction, indent = 0) {
  for (const row of list) {
    if (row.items) {
      if (row.items.length === 0) w.row(row.label, t("common.notAnswered"), indent, t("pdf.continued"));
      for (const item of row.items) {
        w.band(`${row.label}\u3000${item.label}`, "item");
        rows(w, item.rows, t, indent + 8);
      }
    } else {
      w.row(row.label, row.value, indent, t("pdf.continued"));
    }
  }
}

/** The applicant's signature box: the on-screen signature drawn in it, scaled from its 600×200 box, or room for a pen. */
function signatureBox(w: Writer, path: string | null, t: TFunction) {
  const h = 72;
  w.need(h + 14);
  w.y -= 10;
  w.cell(MARGIN, w.y, LABEL_WIDTH, h, true);
  w.cell(MARGIN + LABEL_WIDTH, w.y, WIDTH - LABEL_WIDTH, h);
  w.text(t("pdf.signature"), MARGIN + PAD, w.y - 16, SIZE);
  w.text(t(path ? "pdf.signedOnScreen" : "pdf.signHere"), MARGIN + PAD, w.y - 30, 8);
  if (path) w.page.drawSvgPath(path, { x: MARGIN + LABEL_WIDTH + PAD, y: w.y - 4, scale: (h - 8) / 200, borderColor: INK, borderWidth: 2 });
  w.y -= h;
}

async function appendFiles(doc: PDFDocument, w: Writer, s: PdfSubmission, t: TFunction) {
  for (const file of s.files ?? []) {
    const caption = t("pdf.attachment", { name: file.fileName });
    try {
      if (file.contentType === "application/pdf") {
        for (const page of await copyInertPages(doc, file.data)) doc.addPage(page);
        continue;
      }
      // Within the pixel budget, whenever the file was kept (upload-safety.server.ts).
      const safe = await imageForPrint(file.data, file.contentType);
      if (!safe) throw new Error(`cannot place ${file.contentType}`);
      const image = safe.type === "image/png" ? await doc.embedPng(safe.bytes) : await doc.embedJpg(safe.bytes);
      w.newPage(true);
      w.text(caption, MARGIN, w.y - 10, SIZE);
      const box = { w: WIDTH, h: A4[1] - 2 * MARGIN - 40 };
      const scale = Math.min(box.w / image.width, box.h / image.height, 1);
      w.page.drawImage(image, { x: MARGIN, y: w.y - 20 - image.height * scale, width: image.width * scale, height: image.height * scale });
    } catch {
      // A damaged or encrypted file does not stop the printout: its place says so.
      w.newPage(true);
      w.text(t("pdf.attachmentFailed", { name: file.fileName }), MARGIN, w.y - 10, SIZE);
    }
  }
}

/** One PDF for one or many submissions; each starts on a new page and has its own "n / N". */
export async function renderSubmissionsPdf(list: PdfSubmission[], t: TFunction): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await PdfText.for(doc);
  doc.setTitle(list.length === 1 ? `${localizeText(list[0]!.definition.title, "ja")} ${list[0]!.receiptNumber}` : t("pdf.batchTitle", { count: list.length }));
  doc.setLanguage("ja");
  for (const s of list) {
    const start = doc.getPageCount();
    const w = new Writer(doc, fonts, `${localizeText(s.definition.title, "ja")}\u3000${t("pdf.receiptNumber")} ${s.receiptNumber}${t("pdf.continued")}`);
    header(w, s, t);
    for (const section of summarize(s.definition, s.answers, "ja", t)) {
      w.band(section.title, "section");
      rows(w, section.rows, t);
    }
    if (s.signature) signatureBox(w, s.signature.path, t);
    await appendFiles(doc, w, s, t);
    w.numberPages(doc.getPages().slice(start));
    if (s.sample) w.markSample(doc.getPages().slice(start), t("pdf.sample"));
  }
  // Without object streams: 10 % larger, but less to build and compress; the slowest PDFs get a third faster.
  return doc.save({ useObjectStreams: false });
}

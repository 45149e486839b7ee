/**
 * Text in the staff PDFs, in any script a resident types (ADR 0033, ADR 0007). Four Noto fonts from npm, tried in this
 * order for each word (or, when none has the whole word, each character): Japanese; Noto Sans (Latin, Vietnamese,
 * Greek, Cyrillic, Devanagari, combining marks); Korean; Simplified Chinese. A line is drawn as runs, one per font, each
 * embedded as a subset; a document embeds only the fonts it uses.
 *
 * Runs with combining marks (Devanagari matras and conjuncts, a Latin letter with a mark that has no precomposed form)
 * are shaped with fontkit's OpenType layout and drawn with its glyph positions; they carry an ActualText span, so a
 * reader copies the characters the resident typed, in their order, not the reordered glyphs. Every other run is one
 * glyph per character from the cmap (fast, and its ToUnicode map gives the text back as it is).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import * as fontkit from "fontkit";
import {
  beginText,
  endText,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rotateAndSkewTextDegreesAndTranslate,
  setFillingColor,
  setFontAndSize,
  setGraphicsState,
  setTextRise,
  showText,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFObject,
  type PDFPage,
} from "pdf-lib";

/** The fonts, in the order they are tried: Japanese first (the city's own text and most names). */
export const FONT_FILES = [
  "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf",
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
] as const;

type Face = {
  file: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** Whether the font has a glyph, per code point. */
  has: Map<number, boolean>;
  /** Advance of a grapheme cluster in em (shaped or from the cmap), per cluster. */
  advance: Map<string, number>;
  /** Shaped runs of the current documents (drawing and pdf-lib's encoding ask for the same run twice). */
  shaped: Map<string, fontkit.GlyphRun>;
  /** fontkit's own layout (the font's `layout` is replaced for pdf-lib, below). */
  fullLayout: fontkit.Font["layout"];
};

/** Marks that need OpenType shaping; variation selectors and joiners are default-ignorable and need none (cmap format 14 handles 異体字 selectors). */
const NEEDS_SHAPING = /(?![\p{Default_Ignorable_Code_Point}])\p{M}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** A Latin, Greek or Cyrillic letter with marks is composed (NFC), so Nguyễn typed with combining marks uses ễ's own glyph. Never CJK: NFC would swap a 異体字. */
const COMPOSABLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/** Characters that may not begin a line (行頭禁則): they stay at the end of the line before. */
const NO_LINE_START = new Set([..."、。，．,.)）」』】〕〉》・：；:;!?！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々"]);

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
/** Characters that join others into one grapheme cluster (marks, joiners, selectors, Hangul jamo, regional indicators, emoji modifiers). */
const JOINS = /[\p{M}\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}\p{Emoji_Modifier}\u1100-\u11ff\r]/u;
/** Grapheme clusters; most form text has none longer than a character, and splitting it by code points is much faster. */
const clustersOf = (text: string) => (JOINS.test(text) ? Array.from(graphemes.segment(text), (s) => s.segment) : [...text]);

let faceList: Face[] | undefined;
/** Every font is read and parsed once per process (fontkit reads tables on demand; the files are 23 MB together). */
function faces(): Face[] {
  faceList ??= FONT_FILES.map((file) => {
    const bytes = readFileSync(createRequire(import.meta.url).resolve(file));
    const font = fontkit.create(bytes) as fontkit.Font;
    const face: Face = { file, bytes, font, has: new Map(), advance: new Map(), shaped: new Map(), fullLayout: font.layout.bind(font) };
    const subsetOf = font.createSubset.bind(font);
    // What pdf-lib calls (it takes its font engine from outside): `layout` for the glyphs of a run, and a subset's
    // `encodeStream()`, which fontkit 2 no longer has. Unshaped runs are one glyph per character from the cmap:
    // shaping was most of the time spent per line, and Japanese form text needs none.
    Object.assign(font, {
      layout: (text: string) => (NEEDS_SHAPING.test(text) ? shape(face, text) : { glyphs: font.glyphsForString(text) }),
      createSubset() {
        const subset = subsetOf();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
    return face;
  });
  return faceList;
}

/** fontkit's full layout (GSUB and GPOS): Devanagari conjuncts, reordered matras, reph and mark positions. */
function shape(face: Face, text: string): fontkit.GlyphRun {
  let run = face.shaped.get(text);
  if (!run) {
    run = face.fullLayout(text);
    if (face.shaped.size > 2000) face.shaped.clear();
    face.shaped.set(text, run);
  }
  return run;
}

function covers(face: Face, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let has = face.has.get(cp);
    if (has === undefined) {
      has = IGNORABLE.test(ch) || face.font.hasGlyphForCodePoint(cp);
      face.has.set(cp, has);
    }
    if (!has) return false;
  }
  return true;
}

/** A run of text drawn with one font; `covered` is false when no font has it (drawn as boxes, still copied as text). */
export type TextRun = { face: Face; text: string; shaped: boolean; covered: boolean };

/** Splits text into runs by the first font that has each word, or else each character; spaces stay with the run before. */
export function runsOf(text: string): TextRun[] {
  const all = faces();
  // Nearly all text in a form is Japanese the first font has.
  if (covers(all[0]!, text) && !NEEDS_SHAPING.test(text)) return [{ face: all[0]!, text, shaped: false, covered: true }];
  const pieces: { face: Face; text: string; covered: boolean }[] = [];
  const add = (face: Face, piece: string, covered: boolean) => {
    const last = pieces.at(-1);
    if (last && last.face === face && last.covered === covered) last.text += piece;
    else pieces.push({ face, text: piece, covered });
  };
  for (const token of text.split(/(\s+)/u)) {
    if (token === "") continue;
    const previous = pieces.at(-1);
    if (/^\s+$/u.test(token) && previous?.covered && covers(previous.face, token)) {
      add(previous.face, token, true);
      continue;
    }
    const whole = all.find((f) => covers(f, token));
    if (whole) {
      add(whole, token, true);
      continue;
    }
    for (const cluster of clustersOf(token)) {
      const face = all.find((f) => covers(f, cluster));
      add(face ?? all[0]!, cluster, face !== undefined);
    }
  }
  return pieces.map((p) => ({ ...p, shaped: NEEDS_SHAPING.test(p.text) }));
}

/** Composes Latin, Greek and Cyrillic letters typed with combining marks (only those: see COMPOSABLE). */
function composed(text: string): string {
  if (!NEEDS_SHAPING.test(text)) return text;
  return clustersOf(text)
    .map((c) => (c.length > 1 && COMPOSABLE.test(c) ? c.normalize("NFC") : c))
    .join("");
}

/** The advance of one grapheme cluster of a run, in em. */
function clusterAdvance(run: TextRun, cluster: string): number {
  const { face } = run;
  const key = run.shaped ? `s${cluster}` : cluster;
  let em = face.advance.get(key);
  if (em === undefined) {
    em = run.shaped ? shape(face, cluster).advanceWidth : face.font.glyphsForString(cluster).reduce((sum, g) => sum + g.advanceWidth, 0);
    em /= face.font.unitsPerEm;
    face.advance.set(key, em);
  }
  return em;
}

/** Grapheme clusters with their widths at `size`: a line never breaks inside a cluster (a conjunct, a letter and its marks). */
function measured(text: string, size: number): { cluster: string; width: number }[] {
  const out: { cluster: string; width: number }[] = [];
  for (const run of runsOf(text)) for (const cluster of clustersOf(run.text)) out.push({ cluster, width: clusterAdvance(run, cluster) * size });
  return out;
}

/** The width of a line of text at `size` points (each cluster measured with the font that draws it). */
export function textWidth(text: string, size: number): number {
  return measured(composed(text), size).reduce((sum, m) => sum + m.width, 0);
}

/** Lines of at most `max` points: breaks anywhere in Japanese, but at a space when one is near the end. */
export function wrapText(text: string, max: number, size: number): string[] {
  const out: string[] = [];
  for (const paragraph of composed(text).split("\n")) {
    let line: { cluster: string; width: number }[] = [];
    let width = 0;
    for (const m of measured(paragraph, size)) {
      if (line.length > 0 && width + m.width > max && !NO_LINE_START.has(m.cluster)) {
        const space = line.findLastIndex((l) => l.cluster === " " || l.cluster === "\u3000");
        if (space > line.length / 2) {
          out.push(
            line
              .slice(0, space)
              .map((l) => l.cluster)
              .join(""),
          );
          line = line.slice(space + 1);
        } else {
          out.push(line.map((l) => l.cluster).join(""));
          line = [];
        }
        width = line.reduce((sum, l) => sum + l.width, 0);
      }
      line.push(m);
      width += m.width;
    }
    out.push(line.map((l) => l.cluster).join(""));
  }
  return out;
}

export type DrawOptions = { x: number; y: number; size: number; color: Color; opacity?: number; rotate?: number };

/**
 * The fonts of one document. Every font is registered with pdf-lib up front (embedding is asynchronous, drawing is
 * not), but one that draws nothing is left out when the document is saved.
 */
export class PdfText {
  private constructor(
    private doc: PDFDocument,
    private fonts: Map<Face, { font: PDFFont; used: boolean }>,
  ) {}

  static async for(doc: PDFDocument): Promise<PdfText> {
    doc.registerFontkit(fontkitForPdfLib);
    const fonts = new Map<Face, { font: PDFFont; used: boolean }>();
    for (const face of faces()) {
      const font = await doc.embedFont(face.bytes, { subset: true });
      const entry = { font, used: false };
      const embed = font.embed.bind(font);
      font.embed = () => (entry.used ? embed() : Promise.resolve());
      fonts.set(face, entry);
    }
    return new PdfText(doc, fonts);
  }

  /** The fonts this document has drawn with so far, by file (for tests and the ADR's size claims). */
  usedFonts(): string[] {
    return [...this.fonts].filter(([, e]) => e.used).map(([face]) => face.file);
  }

  private fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
  private keyOn(page: PDFPage, font: PDFFont): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }

  /** Draws one line of text at (x, y), run by run, as pdf-lib's drawText would with one font. */
  draw(page: PDFPage, text: string, o: DrawOptions) {
    if (!text) return;
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (o.opacity !== undefined) {
      const gs = this.doc.context.obj({ Type: "ExtGState", ca: o.opacity, CA: o.opacity });
      ops.push(setGraphicsState(page.node.newExtGState("GS", this.doc.context.register(gs))));
    }
    ops.push(setFillingColor(o.color), beginText(), rotateAndSkewTextDegreesAndTranslate(o.rotate ?? 0, 0, 0, o.x, o.y));
    for (const run of runsOf(composed(text))) {
      const entry = this.fonts.get(run.face)!;
      entry.used = true;
      ops.push(setFontAndSize(this.keyOn(page, entry.font), o.size));
      const hex = entry.font.encodeText(run.text);
      // A shaped run's glyphs are not the characters one by one (conjuncts, a matra drawn before its consonant), and
      // an uncovered one is boxes: the span tells a reader what was typed.
      const spanned = run.shaped || !run.covered;
      if (spanned) ops.push(actualText(this.doc, run.text));
      if (run.shaped) ops.push(...this.positioned(run, hex, o.size));
      else ops.push(showText(hex));
      if (spanned) ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }

  /** A shaped run as TJ arrays: each glyph moved by its offsets and advanced by its layout's advance, not its own. */
  private positioned(run: TextRun, hex: PDFHexString, size: number): PDFOperator[] {
    const { unitsPerEm } = run.face.font;
    const layout = shape(run.face, run.text);
    const codes = hex.toString().slice(1, -1).match(/.{4}/g) ?? [];
    if (codes.length !== layout.glyphs.length) return [showText(hex)];
    const ops: PDFOperator[] = [];
    let parts: PDFObject[] = [];
    let pending = 0;
    let rise = 0;
    // TJ numbers are thousandths of an em, subtracted from the position.
    const shift = (units: number) => (pending -= (units * 1000) / unitsPerEm);
    const flush = () => {
      if (pending !== 0) parts.push(PDFNumber.of(Math.round(pending * 100) / 100));
      pending = 0;
      if (parts.length) ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [this.doc.context.obj(parts)]));
      parts = [];
    };
    layout.glyphs.forEach((glyph, i) => {
      const p = layout.positions[i]!;
      const y = (p.yOffset * size) / unitsPerEm;
      if (y !== rise) {
        flush();
        ops.push(setTextRise(y));
        rise = y;
      }
      shift(p.xOffset);
      if (pending !== 0) parts.push(PDFNumber.of(Math.round(pending * 100) / 100));
      pending = 0;
      parts.push(PDFHexString.of(codes[i]!));
      shift(p.xAdvance - glyph.advanceWidth - p.xOffset);
    });
    flush();
    if (rise !== 0) ops.push(setTextRise(0));
    return ops;
  }
}

/** `/Span <</ActualText (…)>> BDC`: pdf-lib types an operator's operands without dictionaries, but writes any object. */
function actualText(doc: PDFDocument, text: string): PDFOperator {
  const properties = doc.context.obj({ ActualText: PDFHexString.fromText(text) });
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), properties as unknown as PDFName]);
}

/**
 * pdf-lib's fontkit: `create` gives the font parsed once per process (faces() has adapted it); upstream fontkit 2, not
 * the @pdf-lib/fontkit fork, whose subsets of TrueType CJK fonts have a broken `loca` table (ADR 0007).
 */
type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
const fontkitForPdfLib = {
  create(data: Uint8Array) {
    const face = faces().find((f) => f.bytes === data);
    if (!face) throw new Error("pdf-fonts: only the fonts of FONT_FILES are embedded");
    return face.font;
  },
} as unknown as Fontkit;

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { juminhyoAnswers } from "../test/submissions";
import { testT } from "../test/i18n";
import { PdfText, runsOf, wrapText } from "./pdf-fonts.server";
import { renderSubmissionsPdf, type PdfSubmission } from "./pdf.server";

const t = testT("ja");
const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`@expo-google-fonts/${name}`));
const JP = "noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";
const SANS = "noto-sans/400Regular/NotoSans_400Regular.ttf";
const KR = "noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf";
const SC = "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

/** The text as poppler's pdftotext gives it (it honours ActualText spans), whitespace collapsed. */
function pdftotext(bytes: Uint8Array): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: Buffer.from(bytes) })
    .toString("utf8")
    .replace(/\s+/g, " ");
}

/** The embedded fonts: their names (without the subset tag) and every glyph's outline as an SVG path. */
async function embeddedFonts(bytes: Uint8Array): Promise<{ name: string; paths: string[] }[]> {
  const doc = await PDFDocument.load(bytes);
  const out: { name: string; paths: string[] }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type"))?.toString() !== "/FontDescriptor") continue;
    const stream = doc.context.lookup(obj.get(PDFName.of("FontFile2")));
    if (!(stream instanceof PDFRawStream)) continue;
    const font = fontkit.create(Buffer.from(decodePDFRawStream(stream).decode())) as fontkit.Font;
    const paths: string[] = [];
    for (let id = 1; id < font.numGlyphs; id++) paths.push(font.getGlyph(id).path.toSVG());
    out.push({ name: obj.get(PDFName.of("FontName"))!.toString().replace(/-\d+$/, ""), paths });
  }
  return out;
}

const juminhyo = (family: string, given: string): PdfSubmission => ({
  definition: shippedDefinition("juminhyo"),
  answers: juminhyoAnswers(family, given, "グエン", "ティフォン"),
  receiptNumber: "VNAM-0001",
  submittedAt: new Date("2026-11-22T05:03:00Z"),
});

/** A 保育所 application whose child is Nepali and whose guardians are Korean and Chinese. */
function manyScripts(): PdfSubmission {
  const answers = hoikushoAnswers();
  const child = (answers.child as Record<string, unknown>[])[0]!;
  child.name = { family: "श्रेष्ठ", given: "राम बहादुर", familyKana: "シュレスタ", givenKana: "ラム" };
  child.health = "नेपाली नाम: राम बहादुर श्रेष्ठ, किशोर्क हिंदी। Mẹ: Nguyễn Thị Hương; bà: Conceição João";
  const [father, mother] = answers.guardians as Record<string, unknown>[];
  father!.name = { family: "김", given: "민준", familyKana: "キム", givenKana: "ミンジュン" };
  mother!.name = { family: "王", given: "小明", familyKana: "ワン", givenKana: "シャオミン" };
  mother!.employer = "简体字有限公司";
  return { definition: shippedDefinition("hoikusho"), answers, receiptNumber: "ABCD-EFGH", submittedAt: new Date("2026-11-22T05:03:00Z") };
}

describe("text in any script in the staff PDF", () => {
  it("the PDF of a Vietnamese applicant's submission contains their name with diacritics as text", async () => {
    const text = pdftotext(await renderSubmissionsPdf([juminhyo("Nguyễn", "Thị Hương")], t));
    expect(text).toContain("Nguyễn Thị Hương（グエン ティフォン）");
  });

  it("a Vietnamese name typed with combining marks comes out composed, with the precomposed letters' glyphs", async () => {
    const decomposed = "Nguyễn Thị Hương".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn Thị Hương");
    const bytes = await renderSubmissionsPdf([juminhyo(decomposed.split(" ")[0]!, decomposed.split(" ").slice(1).join(" "))], t);
    expect(pdftotext(bytes)).toContain("Nguyễn Thị Hương");
    const jp = fontkit.create(fontFile(JP)) as fontkit.Font;
    const [embedded] = await embeddedFonts(bytes);
    for (const ch of "ễịư") expect(embedded!.paths).toContain(jp.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG());
  });

  it("Nepali, Korean, Chinese and Portuguese names come out of the PDF as the resident typed them", async () => {
    const text = pdftotext(await renderSubmissionsPdf([manyScripts()], t));
    for (const expected of [
      "श्रेष्ठ राम बहादुर（シュレスタ ラム）",
      // ि is drawn before its consonant and र् above the next: the characters still come out in the order typed.
      "नेपाली नाम: राम बहादुर श्रेष्ठ, किशोर्क हिंदी। Mẹ: Nguyễn Thị Hương; bà: Conceição João",
      "김 민준（キム ミンジュン）",
      "王 小明（ワン シャオミン）",
      "简体字有限公司",
    ])
      expect(text).toContain(expected);
  });

  it("draws each script with a font that has it: Devanagari shaped (conjuncts, reph), Hangul and 简体字 with their own glyphs", async () => {
    const bytes = await renderSubmissionsPdf([manyScripts()], t);
    const fonts = await embeddedFonts(bytes);
    expect(fonts.map((f) => f.name).sort()).toEqual(["/NotoSans-Regular", "/NotoSansJP-Regular", "/NotoSansKR-Regular", "/NotoSansSC-Regular"]);
    const paths = (name: string) => fonts.find((f) => f.name === name)!.paths;
    // The conjuncts श्र and ष्ठ and the Nepali name's vowel signs are the shaped glyphs (one ligature each), not the letters side by side.
    const sans = fontkit.create(fontFile(SANS)) as fontkit.Font;
    for (const conjunct of ["श्र", "ष्ठ"]) {
      const run = sans.layout(conjunct);
      expect(run.glyphs).toHaveLength(1);
      expect(paths("/NotoSans-Regular")).toContain(run.glyphs[0]!.path.toSVG());
    }
    const kr = fontkit.create(fontFile(KR)) as fontkit.Font;
    for (const ch of "김민준") expect(paths("/NotoSansKR-Regular")).toContain(kr.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG());
    const sc = fontkit.create(fontFile(SC)) as fontkit.Font;
    for (const ch of "简体") expect(paths("/NotoSansSC-Regular")).toContain(sc.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG());
    // No font is drawn with blank glyphs but for spaces (a broken subset, or tofu from a font without the character, would show here).
    for (const f of fonts) expect(f.paths.filter((p) => p === "").length, f.name).toBeLessThanOrEqual(2);
  });

  it("embeds only the fonts a document uses", async () => {
    const japanese = await embeddedFonts(
      await renderSubmissionsPdf([{ ...juminhyo("髙橋", "由美"), answers: juminhyoAnswers("髙橋", "由美", "タカハシ", "ユミ") }], t),
    );
    expect(japanese.map((f) => f.name)).toEqual(["/NotoSansJP-Regular"]);
    // Noto Sans JP has the Vietnamese letters.
    const vietnamese = await embeddedFonts(await renderSubmissionsPdf([juminhyo("Nguyễn", "Thị Hương")], t));
    expect(vietnamese.map((f) => f.name)).toEqual(["/NotoSansJP-Regular"]);
    const korean = await embeddedFonts(await renderSubmissionsPdf([juminhyo("김", "민준")], t));
    expect(korean.map((f) => f.name).sort()).toEqual(["/NotoSansJP-Regular", "/NotoSansKR-Regular"]);
  });

  it("text no font has (an emoji, Thai) is still copied as text", async () => {
    const text = pdftotext(await renderSubmissionsPdf([juminhyo("สมชาย", "Tanaka 😀")], t));
    expect(text).toContain("สมชาย Tanaka 😀");
  });
});

describe("runs and lines", () => {
  it("places a shaped glyph where the font's positioning puts it (the reph of र्क moves back over its consonant)", async () => {
    const doc = await PDFDocument.create();
    const text = await PdfText.for(doc);
    const page = doc.addPage();
    text.draw(page, "किशोर्क", { x: 10, y: 10, size: 10, color: rgb(0, 0, 0) });
    const saved = await PDFDocument.load(await doc.save());
    const contents = saved.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => saved.context.lookup(ref)) : [saved.context.lookup(contents)];
    const ops = streams.map((st) => (st instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(st).decode()).toString("latin1") : "")).join("\n");
    // Noto Sans moves the reph (drawn after क) 221 units back over it, and the pen forward again after it.
    expect(ops).toMatch(/<[0-9A-F]{4}> 221 <[0-9A-F]{4}> -221 \] TJ/);
    expect(ops).toContain("/ActualText <FEFF");
  });

  it("splits text into runs by the first font that has each word, spaces staying with the run before", () => {
    const runs = runsOf("髙橋 Nguyễn 김민준 简体字 राम बहादुर Łukasz");
    expect(runs.map((r) => [r.text, r.face.file.split("/")[1], r.shaped])).toEqual([
      ["髙橋 Nguyễn ", "noto-sans-jp", false],
      ["김민준 ", "noto-sans-kr", false],
      ["简体字 ", "noto-sans-sc", false],
      // Shaped (it has vowel signs) and kept whole; Łukasz is one word in one font, though Noto Sans JP has "ukasz".
      ["राम बहादुर Łukasz", "noto-sans", true],
    ]);
    // A word all of whose characters one font has is drawn with it (a Chinese name in Chinese glyphs); a word no single
    // font has falls back character by character, Japanese first.
    expect(runsOf("王简").map((r) => [r.text, r.face.file.split("/")[1]])).toEqual([["王简", "noto-sans-sc"]]);
    expect(runsOf("髙简김").map((r) => [r.text, r.face.file.split("/")[1]])).toEqual([
      ["髙", "noto-sans-jp"],
      ["简", "noto-sans-sc"],
      ["김", "noto-sans-kr"],
    ]);
  });

  it("wraps Devanagari at spaces and never inside a conjunct or before a vowel sign", () => {
    const text = Array.from({ length: 12 }, () => "श्रेष्ठ किशोर्क हिंदी").join(" ");
    const lines = wrapText(text, 120, 10);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(line).not.toMatch(/^\p{M}/u);
    // A word longer than the line breaks between clusters.
    const long = wrapText("श्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठ", 40, 10);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join("")).toBe("श्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठश्रेष्ठ");
    for (const line of long) expect(line).not.toMatch(/^\p{M}|्$/u);
  });
});

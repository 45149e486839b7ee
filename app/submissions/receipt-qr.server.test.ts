import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { receiptQrSvg } from "./receipt-qr.server";

describe("receiptQrSvg", () => {
  it("draws the 受付番号 in the QR alphanumeric mode, as an image named for screen readers", async () => {
    const svg = await receiptQrSvg("K7QM-3XA9", "受付番号 K7QM-3XA9 のQRコード");
    expect(svg).toMatch(/^<svg role="img" aria-label="受付番号 K7QM-3XA9 のQRコード" class="receipt-qr__code" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.endsWith("</svg>")).toBe(true);
    // The same text gives the same symbol: one alphanumeric segment holding exactly the 受付番号, version 1 (21×21).
    const symbol = QRCode.create("K7QM-3XA9", { errorCorrectionLevel: "M" });
    expect(symbol.segments.map((s) => [s.mode.id, s.data])).toEqual([["Alphanumeric", "K7QM-3XA9"]]);
    expect(symbol.version).toBe(1);
    expect(svg).toContain(`viewBox="0 0 ${symbol.modules.size + 4} ${symbol.modules.size + 4}"`);
  });

  it("escapes the label, which holds translated text", async () => {
    const svg = await receiptQrSvg("K7QM-3XA9", 'a "quoted" <label> & more');
    expect(svg).toContain('aria-label="a &quot;quoted&quot; &lt;label> &amp; more"');
  });
});

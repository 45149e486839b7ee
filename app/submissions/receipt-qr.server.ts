import QRCode from "qrcode";

const escapeAttribute = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/**
 * The 受付番号 as a QR code: an inline SVG made on the server, so no script or image request reaches the phone. At the
 * counter a scanner types it into the clerk's search, which opens the applicant (issue 12 point 8). The 受付番号's
 * letters and digits fit the QR alphanumeric mode: a 21×21 code, legible on a cracked screen (error correction M).
 */
export async function receiptQrSvg(receiptNumber: string, label: string): Promise<string> {
  return qrCodeSvg(receiptNumber, label, "receipt-qr__code");
}

/** Any text as an inline SVG QR code, named for screen readers (a staff member's second-factor setup too). */
export async function qrCodeSvg(text: string, label: string, className: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return svg.trim().replace("<svg ", `<svg role="img" aria-label="${escapeAttribute(label)}" class="${escapeAttribute(className)}" `);
}

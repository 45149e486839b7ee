import { useTranslation } from "react-i18next";

/** The 受付番号's QR code (made by submissions/receipt-qr.server.ts) with what to do with it at the counter. */
export function ReceiptQr({ svg }: { svg: string }) {
  const { t } = useTranslation();
  return (
    <figure className="receipt-qr">
      {/* Markup made on the server from the 受付番号 and an escaped label only: nothing a user typed is in it. */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{t("journey.receipt.qrHint")}</figcaption>
    </figure>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { getPrincipal } from "../auth/session.server";
import { residentCopyPdf } from "../backoffice/downloads.server";
import { fileSecurityPolicy } from "../security/headers.server";
import { resolveOwner } from "../submissions/drafts.server";

/** The resident's copy (控え) of their own submission as PDF: the signed-in owner, or the browser that submitted it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  const { owner } = await resolveOwner(request, principal, false);
  const copy = await residentCopyPdf(owner, params.formId!, params.receipt ?? "", actorOf(principal));
  // Someone else's 受付番号 is answered as if it did not exist.
  if (!copy) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(copy.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="receipt-${copy.receiptNumber}.pdf"`,
      "Content-Security-Policy": fileSecurityPolicy("application/pdf"),
      "Cache-Control": "no-store",
    },
  });
}

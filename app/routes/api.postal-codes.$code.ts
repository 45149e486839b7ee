import type { LoaderFunctionArgs } from "@remix-run/node";
import { lookupPostalCode } from "../addresses/postal-code.server";

/**
 * 郵便番号 → addresses, for the address field as the resident types (public data: no session, cached a day). A plain
 * Response: a resource route answering anything else makes Remix log a warning on every request.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!/^\d{7}$/.test(code)) return Response.json({ addresses: [] }, { status: 400 });
  return Response.json({ addresses: lookupPostalCode(code) }, { headers: { "Cache-Control": "public, max-age=86400" } });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { submissionsPdf } from "../backoffice/downloads.server";
import { fileSecurityPolicy } from "../security/headers.server";

/** The paper form of one submission (attachments after it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const pdf = await submissionsPdf([params.id!], actorOf(principal));
  if (!pdf) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.fileName}"`,
      "Content-Security-Policy": fileSecurityPolicy("application/pdf"),
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { submissionsPdf } from "../backoffice/downloads.server";
import { visitSubmissionIds } from "../counter/visit-submit.server";

/** Every 申請書 of a submitted counter visit in one PDF, each closing with the signature box (or the signature). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const found = visitSubmissionIds({ role: principal.role, id: principal.staff.id }, params.visitId!);
  if (!found) throw new Response("Not Found", { status: 404 });
  const pdf = await submissionsPdf(found.ids, actorOf(principal));
  if (!pdf) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
  });
}

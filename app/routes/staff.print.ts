import type { ActionFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { MAX_BATCH, submissionsPdf } from "../backoffice/downloads.server";
import { getT } from "../i18n/i18next.server";
import { readFormBody } from "../security/form-body.server";

/** Batch printing: the submissions ticked in the queue, one PDF (each starts on a new page). */
export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireStaff(request);
  const ids = (await readFormBody(request))
    .getAll("id")
    .filter((v): v is string => typeof v === "string")
    .slice(0, MAX_BATCH);
  const t = await getT(request);
  if (ids.length === 0) return new Response(t("staff.queue.printNothing"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pdf = await submissionsPdf(ids, actorOf(principal));
  if (!pdf) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
  });
}

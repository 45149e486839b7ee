import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { openPreview, samplePdf } from "../admin/preview/preview.server";
import { requireAdmin } from "../auth/guards.server";
import { getFixedT } from "../i18n/i18next.server";
import { fileSecurityPolicy } from "../security/headers.server";

/** The sample PDF of a preview (見本 on every page), made in memory from the preview's answers; nothing is stored. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireAdmin(request);
  const ctx = openPreview({ staffId: principal.staff.id }, params.formId!, params.previewId!);
  if (!ctx) throw new Response("Not Found", { status: 404 });
  const outcome = await samplePdf(ctx, await getFixedT("ja"));
  if ("goTo" in outcome) throw redirect(ctx.placeUrl(outcome.goTo));
  return new Response(new Uint8Array(outcome.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="sample-${ctx.form.formId}.pdf"`,
      "Content-Security-Policy": fileSecurityPolicy("application/pdf"),
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFile } from "../admin/forms/definition-files.server";
import { requireAdmin } from "../auth/guards.server";

/** A version as a definition file, as forms/*.json holds it: downloaded as formId-rN.json. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const versionId = /^\d{1,12}$/.test(params.versionId ?? "") ? Number(params.versionId) : NaN;
  const file = Number.isNaN(versionId) ? undefined : exportFile(params.formId!, versionId);
  if (!file) throw new Response("Not Found", { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

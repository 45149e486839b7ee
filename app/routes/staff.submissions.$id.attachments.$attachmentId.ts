import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { submissionFile } from "../backoffice/downloads.server";
import { fileSecurityPolicy } from "../security/headers.server";

/** A file of a submission (current or of an earlier revision), shown in the browser or downloaded; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const download = new URL(request.url).searchParams.has("download");
  const file = submissionFile(params.id!, params.attachmentId!, actorOf(principal), download);
  if (!file) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      // An uploaded file is shown as itself, never run as a page of this site.
      "Content-Security-Policy": fileSecurityPolicy(file.contentType),
      "Cache-Control": "no-store",
    },
  });
}

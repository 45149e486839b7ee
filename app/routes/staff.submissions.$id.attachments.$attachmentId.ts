import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, recordAudit } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { getSubmission, submissionRevisionAnswers } from "../backoffice/detail.server";
import { getFormVersion } from "../form-engine/store.server";
import { fileSecurityPolicy } from "../security/headers.server";
import { attachmentContent, fileIdsOf } from "../submissions/attachments.server";

/** A file of a submission (current or of an earlier revision), shown in the browser or downloaded; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const submission = getSubmission(params.id!);
  const notFound = new Response("Not Found", { status: 404 });
  if (!submission) throw notFound;
  const definition = getFormVersion(submission.formVersionId)!.definition;
  const ids = [submission.answers, ...submissionRevisionAnswers(submission.id)].flatMap((a) => fileIdsOf(definition, a));
  // Only a file this submission refers to: an attachment id from another submission is not found here.
  if (!ids.includes(params.attachmentId!)) throw notFound;
  const file = attachmentContent(params.attachmentId!);
  if (!file) throw notFound;
  const download = new URL(request.url).searchParams.has("download");
  recordAudit({ actor: actorOf(principal), action: download ? "submission.attachment_downloaded" : "submission.attachment_viewed", subject: { type: "submission", id: submission.id }, details: { attachmentId: file.id } });
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

import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf } from "../audit/audit.server";
import { requireStaff } from "../auth/guards.server";
import { queueCsvStream } from "../backoffice/downloads.server";
import { parseQueueFilter } from "../backoffice/queue.server";
import { getFixedT, getT } from "../i18n/i18next.server";
import { isoToday } from "../i18n/dates";

/** CSV of the queue as filtered on screen, for one procedure (its questions are the columns). */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const { filter } = parseQueueFilter(new URL(request.url).searchParams);
  const t = await getT(request);
  const form = filter.form;
  const stream = form ? queueCsvStream({ ...filter, form }, principal.staff.id, actorOf(principal), await getFixedT("ja")) : null;
  if (!stream) return new Response(t("staff.queue.csvNeedsProcedure"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${form}-${isoToday()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

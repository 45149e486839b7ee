/** What a resident sees of their own submission's progress: status changes and the messages meant for them. */
import { asc, eq } from "drizzle-orm";
import { submissionEvents } from "../../db/schema";
import { getDb } from "../db.server";

export function residentHistory(submissionId: string) {
  return getDb()
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, submissionId))
    .orderBy(asc(submissionEvents.id))
    .all()
    .filter((e) => e.kind === "status" || e.kind === "resubmitted")
    .map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      toStatus: e.toStatus,
      // Internal notes are never here; the 補正依頼 message and the 却下 reason are written for the resident.
      message: e.kind === "status" && (e.toStatus === "needs_correction" || e.toStatus === "rejected") ? e.body : null,
    }));
}

/** The message of the 補正依頼 now open, if any. */
export function openCorrectionRequest(submissionId: string): string | null {
  const last = residentHistory(submissionId).at(-1);
  return last?.toStatus === "needs_correction" ? last.message : null;
}

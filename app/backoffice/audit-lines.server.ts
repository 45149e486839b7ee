/**
 * A submission's audit list as a clerk reads it: consecutive 「内容を表示」 by the same person are one line with a
 * count, so opening a case again (or reloading it) does not push the other entries away. Every view is still in the
 * log. A page asks for the few lines it shows: entries are read newest first along the subject index a page at a
 * time until those lines are complete, and a run of views that goes on past a page is counted by the database.
 */
import { and, count, desc, eq, isNotNull, isNull, min, not, sql, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { getDb } from "../db.server";

/** Actions that repeat on every visit and say nothing new when repeated. */
const COLLAPSED = new Set(["submission.viewed"]);
const PAGE = 64;

type Entry = { id: number; at: Date; actorRole: typeof auditLog.$inferSelect.actorRole; actorId: string | null; action: string };
export type AuditLine = Entry & { firstAt: Date; count: number };

const continues = (line: AuditLine, e: Entry) =>
  COLLAPSED.has(e.action) && line.action === e.action && line.actorRole === e.actorRole && line.actorId === e.actorId;

// Positions in the list, newest first: (at, id), the id breaking ties of one millisecond. Row values, so that SQLite
// walks the subject index from the position instead of from the newest entry.
const position = (e: Pick<Entry, "at" | "id">) => sql`(${auditLog.at.mapToDriverValue(e.at)}, ${e.id})`;
const olderThan = (e: Pick<Entry, "at" | "id">) => sql`(${auditLog.at}, ${auditLog.id}) < ${position(e)}`;
const newerThan = (e: Pick<Entry, "at" | "id">) => sql`(${auditLog.at}, ${auditLog.id}) > ${position(e)}`;
const notNewerThan = (e: Pick<Entry, "at" | "id">) => sql`(${auditLog.at}, ${auditLog.id}) <= ${position(e)}`;

function entries(submissionId: string, ...where: (SQL | undefined)[]) {
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, actorRole: auditLog.actorRole, actorId: auditLog.actorId, action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "submission"), eq(auditLog.subjectId, submissionId), ...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

/**
 * The rest of a run of views that reaches past a page: up to the newest older entry that is not part of it. Adds its
 * entries to the line; returns that entry (where the list goes on), or undefined when the run reaches the oldest.
 */
function finishRun(submissionId: string, line: AuditLine, last: Entry): Entry | undefined {
  // Never NULL (a NULL actor id compared with = would be neither in the run nor out of it).
  const sameRun = and(
    eq(auditLog.action, line.action),
    eq(auditLog.actorRole, line.actorRole),
    line.actorId === null ? isNull(auditLog.actorId) : and(isNotNull(auditLog.actorId), eq(auditLog.actorId, line.actorId)),
  )!;
  const boundary = entries(submissionId, olderThan(last), not(sameRun)).limit(1).get();
  const rest = getDb()
    .select({ n: count(), firstAt: min(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "submission"), eq(auditLog.subjectId, submissionId), olderThan(last), boundary ? newerThan(boundary) : undefined))
    .get();
  if (rest?.n && rest.firstAt) {
    line.count += rest.n;
    line.firstAt = rest.firstAt;
  }
  return boundary;
}

/** The newest `limit` lines of a submission's audit list (all of them without a limit), each with its whole count. */
export function auditLines(submissionId: string, limit = Infinity): AuditLine[] {
  const lines: AuditLine[] = [];
  // Where the next page starts: at this entry (a run's boundary) or after it (a page's last).
  let from: { entry: Entry; inclusive: boolean } | undefined;
  for (;;) {
    const start = from ? (from.inclusive ? notNewerThan : olderThan)(from.entry) : undefined;
    const page = entries(submissionId, start).limit(PAGE).all();
    for (const entry of page) {
      const line = lines.at(-1);
      if (line && continues(line, entry)) {
        line.count += 1;
        line.firstAt = entry.at;
      } else if (lines.length === limit) return lines;
      else lines.push({ ...entry, firstAt: entry.at, count: 1 });
    }
    if (page.length < PAGE) return lines;
    const last = page.at(-1)!;
    const line = lines.at(-1)!;
    // The page's last entry is in the last line: if that line is a run of views, it may go on past the page.
    if (COLLAPSED.has(line.action)) {
      const boundary = finishRun(submissionId, line, last);
      if (!boundary) return lines;
      from = { entry: boundary, inclusive: true };
    } else from = { entry: last, inclusive: false };
  }
}

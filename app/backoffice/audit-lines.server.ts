/**
 * A submission's audit list as a clerk reads it: consecutive 「内容を表示」 by the same person are one line with a
 * count, so opening a case again (or reloading it) does not push the other entries away. Every view is still in the
 * log. A page asks for the few lines it shows: entries are read newest first along the subject index a page at a
 * time until those lines are complete, and a run of views that goes on past a page is counted by the database.
 */
import { and, count, desc, eq, gt, isNotNull, isNull, max, min, not, sql, type SQL } from "drizzle-orm";
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

/** What the database said of a run's older part when a page last asked: kept while no entry has come into it. */
type RunTail = { run: string; last: Entry; boundary: Entry | undefined; count: number; firstAt: Date | undefined; newestId: number };
const KEPT_TAILS = 1_000;
const runTails = new WeakMap<object, Map<string, RunTail>>();

const runKey = (line: AuditLine) => JSON.stringify([line.action, line.actorRole, line.actorId]);
const isOlder = (a: Pick<Entry, "at" | "id">, b: Pick<Entry, "at" | "id">) =>
  a.at.getTime() < b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id < b.id);

/**
 * The rest of a run of views that reaches past a page: up to the newest older entry that is not part of it. Adds its
 * entries to the line; returns that entry (where the list goes on), or undefined when the run reaches the oldest.
 *
 * A clerk who opens a case again and again makes a run that grows by one at the top each time, and reading it to its
 * end each time made every view slower than the one before. The log only grows (no entry is changed or removed) and
 * its ids only rise, so what was counted below a page's last entry stays true until an entry arrives at or below it:
 * the next view asks only for the entries written since (by id) and the few between the two pages' last entries.
 */
function finishRun(submissionId: string, line: AuditLine, last: Entry): Entry | undefined {
  const db = getDb();
  let tails = runTails.get(db);
  if (!tails) runTails.set(db, (tails = new Map()));
  const run = runKey(line);
  const kept = tails.get(submissionId);
  const newestId = newestEntryId();
  if (kept && kept.run === run && !isOlder(last, kept.last)) {
    const extended = extendTail(submissionId, line, kept, last);
    if (extended) {
      tails.set(submissionId, { ...extended, newestId });
      return addTail(line, extended);
    }
  }
  const tail = { run, last, newestId, ...readTail(submissionId, line, last) };
  if (tails.size >= KEPT_TAILS) tails.clear();
  tails.set(submissionId, tail);
  return addTail(line, tail);
}

function addTail(line: AuditLine, tail: Pick<RunTail, "boundary" | "count" | "firstAt">) {
  if (tail.count && tail.firstAt) {
    line.count += tail.count;
    line.firstAt = tail.firstAt;
  }
  return tail.boundary;
}

const newestEntryId = () =>
  getDb()
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .get()?.id ?? 0;

// Never NULL (a NULL actor id compared with = would be neither in the run nor out of it).
const inRun = (line: AuditLine) =>
  and(
    eq(auditLog.action, line.action),
    eq(auditLog.actorRole, line.actorRole),
    line.actorId === null ? isNull(auditLog.actorId) : and(isNotNull(auditLog.actorId), eq(auditLog.actorId, line.actorId)),
  )!;

/** The run's older part read from the database: its boundary, and how many entries lie between it and `last`. */
function readTail(submissionId: string, line: AuditLine, last: Entry) {
  const boundary = entries(submissionId, olderThan(last), not(inRun(line)))
    .limit(1)
    .get();
  const rest = getDb()
    .select({ n: count(), firstAt: min(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "submission"), eq(auditLog.subjectId, submissionId), olderThan(last), boundary ? newerThan(boundary) : undefined))
    .get();
  return { boundary, count: rest?.n ?? 0, firstAt: rest?.firstAt ?? undefined };
}

/**
 * The kept tail carried up to a newer `last`, or undefined when it no longer holds: an entry written since it was kept
 * lies at or below its last entry, or an entry between the two last entries is not part of the run.
 */
function extendTail(submissionId: string, line: AuditLine, kept: RunTail, last: Entry) {
  const db = getDb();
  // Entries since, by id alone (unary + keeps SQLite on the id range, not the subject index). A flood of them: read anew.
  const since = db
    .select({ id: auditLog.id, at: auditLog.at })
    .from(auditLog)
    .where(and(gt(auditLog.id, kept.newestId), sql`+${auditLog.subjectType} = 'submission'`, sql`+${auditLog.subjectId} = ${submissionId}`))
    .limit(PAGE + 1)
    .all();
  if (since.length > PAGE || since.some((e) => !isOlder(kept.last, e))) return undefined;
  if (kept.last.id === last.id) return kept;
  const between = entries(submissionId, newerThan(kept.last), olderThan(last)).all();
  if (between.length > PAGE || between.some((e) => !continues(line, e))) return undefined;
  // The old last entry and those between join the part below the new last one.
  return { ...kept, last, count: kept.count + 1 + between.length, firstAt: kept.firstAt ?? kept.last.at };
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

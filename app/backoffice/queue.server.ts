/**
 * The staff queue: filters, search, sort and keyset pagination over submissions. Each filter combination walks an
 * index in submitted_at order (see db/schema.ts), so a page costs the same at 1,000 or 1,000,000 submissions.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { alias, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { staffUsers, submissionCounts, submissionRevisions, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { possibleDuplicates } from "../cases/duplicates.server";
import { prefixEnd, receiptKey, searchKey } from "../cases/search";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "../cases/statuses";
import { getFormVersion } from "../procedures/store.server";
import { fileIdsOf } from "../submissions/attachments.server";
import { caseFacts, type CaseFacts } from "./case-facts";

export const PAGE_SIZE = 50;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+09:00`)));
const cursor = z.string().regex(/^\d{1,15}_[\w-]{1,64}$/);

/** What the queue's filter form sends. Anything malformed is dropped and reported, never a 500. */
const filterSchema = z.object({
  form: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  status: z.enum(SUBMISSION_STATUSES).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  assignee: z.enum(["me", "unassigned"]).optional().catch(undefined),
  /** オンライン or 窓口 (entered by a clerk in a counter visit). */
  channel: z.enum(["online", "counter"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
  after: cursor.optional().catch(undefined),
  before: cursor.optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof filterSchema>;

const FILTER_KEYS = ["form", "status", "from", "to", "assignee", "channel", "q", "sort", "after", "before"] as const;

/** The queue's filters (and page) as a query string ("?form=<procedure id>&status=received", or ""), carried to a case and back. */
export function queueQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) kept.set(key, value.slice(0, 200));
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export function parseQueueFilter(params: URLSearchParams): { filter: QueueFilter; problems: ("from" | "to" | "range")[] } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const filter = filterSchema.parse(raw);
  const problems: ("from" | "to" | "range")[] = [];
  if (raw.from && !filter.from) problems.push("from");
  if (raw.to && !filter.to) problems.push("to");
  if (filter.from && filter.to && filter.from > filter.to) {
    problems.push("range");
    filter.to = undefined;
  }
  return { filter, problems };
}

/** Days are the city's days (JST, no daylight saving): "to" includes the whole day. */
const startOfDay = (iso: string) => new Date(`${iso}T00:00:00+09:00`);
const endOfDay = (iso: string) => new Date(startOfDay(iso).getTime() + 24 * 60 * 60 * 1000);

/**
 * Whether a name prefix matches many submissions (a common family name). Then the page is found faster by walking
 * submissions in date order and keeping the matches than by sorting every match: the name indexes are bypassed.
 */
const DENSE = 1000;
function isDense(key: string): boolean {
  const db = getDb().$client;
  const count = (column: string) =>
    (
      db.prepare(`select count(*) as n from (select 1 from submissions where ${column} >= ? and ${column} < ? limit ${DENSE})`).get(key, prefixEnd(key)) as {
        n: number;
      }
    ).n;
  return count("search_name") + count("search_kana") >= DENSE;
}

function conditions(filter: QueueFilter, staffId: string): SQL[] {
  const where: SQL[] = [];
  if (filter.form) where.push(eq(submissions.formId, filter.form));
  if (filter.status) where.push(eq(submissions.status, filter.status));
  if (filter.from) where.push(gte(submissions.submittedAt, startOfDay(filter.from)));
  if (filter.to) where.push(lt(submissions.submittedAt, endOfDay(filter.to)));
  if (filter.assignee === "me") where.push(eq(submissions.assigneeId, staffId));
  if (filter.assignee === "unassigned") where.push(isNull(submissions.assigneeId));
  if (filter.channel) where.push(eq(submissions.channel, filter.channel));
  if (filter.q) {
    const receipt = receiptKey(filter.q);
    const key = searchKey(filter.q);
    // 受付番号 exactly, or the start of the name or of its reading (each a range on its own index; "+column" is
    // SQLite's way to say "not through its index").
    const walk = key !== "" && isDense(key);
    const range = (column: AnySQLiteColumn) =>
      walk ? sql`(+${column} >= ${key} and +${column} < ${prefixEnd(key)})` : and(gte(column, key), lt(column, prefixEnd(key)))!;
    const byName = key ? [range(submissions.searchName), range(submissions.searchKana)] : [];
    where.push(or(...(receipt ? [eq(submissions.receiptNumber, receipt)] : []), ...byName) ?? sql`0`);
  }
  return where;
}

export type QueueRow = {
  id: string;
  receiptNumber: string;
  formId: string;
  status: SubmissionStatus;
  applicantName: string | null;
  submittedAt: Date;
  assigneeName: string | null;
  channel: "online" | "counter";
  /** The clerk who entered it at the counter. */
  enteredByName: string | null;
};

const enteredBy = alias(staffUsers, "entered_by_user");

/** The page's rows with the 重複の可能性 mark: another open application of the same person and procedure. */
export function withDuplicateMarks<R extends { id: string }>(rows: R[]): (R & { possibleDuplicate: boolean })[] {
  const marked = possibleDuplicates(rows);
  return rows.map((r) => ({ ...r, possibleDuplicate: marked.has(r.id) }));
}

/**
 * The page's rows with what a clerk sorts them by at a glance: whom the case is about, 経過日数 and 期限 (from the
 * definition's processingDays), whether files came with it, and whether it was resubmitted after a 補正依頼.
 */
export function withCaseFacts<R extends QueueRow>(rows: R[], now = new Date()): (R & CaseFacts & { hasFiles: boolean; resubmitted: boolean })[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const db = getDb();
  const stored = new Map(
    db
      .select({ id: submissions.id, answers: submissions.answers, formVersionId: submissions.formVersionId })
      .from(submissions)
      .where(inArray(submissions.id, ids))
      .all()
      .map((r) => [r.id, r]),
  );
  const resubmitted = new Set(
    db
      .selectDistinct({ id: submissionRevisions.submissionId })
      .from(submissionRevisions)
      .where(inArray(submissionRevisions.submissionId, ids))
      .all()
      .map((r) => r.id),
  );
  return rows.map((r) => {
    const s = stored.get(r.id)!;
    const definition = getFormVersion(s.formVersionId)!.definition;
    return {
      ...r,
      ...caseFacts(definition, { ...r, answers: s.answers }, now),
      hasFiles: fileIdsOf(definition, s.answers).length > 0,
      resubmitted: resubmitted.has(r.id),
    };
  });
}

/** The cases before and after one in the queue as filtered and sorted (the 前の申請 / 次の申請 of its page). */
export function queueNeighbours(filter: QueueFilter, staffId: string, id: string): { previous: string | null; next: string | null } {
  const current = getDb().select({ id: submissions.id, submittedAt: submissions.submittedAt }).from(submissions).where(eq(submissions.id, id)).get();
  if (!current) return { previous: null, next: null };
  const at = encode(current);
  const one = (f: Partial<QueueFilter>) => listQueue({ ...filter, after: undefined, before: undefined, ...f }, staffId, 1).rows[0]?.id ?? null;
  return { previous: one({ before: at }), next: one({ after: at }) };
}

const encode = (row: { submittedAt: Date; id: string }) => `${row.submittedAt.getTime()}_${row.id}`;
function decode(c: string) {
  const at = c.indexOf("_");
  return { at: Number(c.slice(0, at)), id: c.slice(at + 1) };
}

/** One page of the queue, with cursors for the next and previous pages. */
export function listQueue(filter: QueueFilter, staffId: string, pageSize = PAGE_SIZE) {
  const where = conditions(filter, staffId);
  const newestFirst = filter.sort === "newest";
  // Going back a page walks the other way from its first row, then the rows are put back in order.
  const backwards = Boolean(filter.before) && !filter.after;
  const c = filter.after ?? filter.before;
  const descending = newestFirst !== backwards;
  if (c) {
    const { at, id } = decode(c);
    where.push(
      descending
        ? sql`(${submissions.submittedAt}, ${submissions.id}) < (${at}, ${id})`
        : sql`(${submissions.submittedAt}, ${submissions.id}) > (${at}, ${id})`,
    );
  }
  const order = descending ? [desc(submissions.submittedAt), desc(submissions.id)] : [asc(submissions.submittedAt), asc(submissions.id)];
  const found = getDb()
    .select({
      id: submissions.id,
      receiptNumber: submissions.receiptNumber,
      formId: submissions.formId,
      status: submissions.status,
      applicantName: submissions.applicantName,
      submittedAt: submissions.submittedAt,
      assigneeName: staffUsers.displayName,
      channel: submissions.channel,
      enteredByName: enteredBy.displayName,
    })
    .from(submissions)
    .leftJoin(staffUsers, eq(staffUsers.id, submissions.assigneeId))
    .leftJoin(enteredBy, eq(enteredBy.id, submissions.enteredBy))
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize + 1)
    .all() as QueueRow[];
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    next: last && (backwards || more) ? encode(last) : null,
    previous: first && (backwards ? more : Boolean(c)) ? encode(first) : null,
  };
}

/** Submissions per status, for one procedure or all (kept by triggers, so this is a lookup, not a count). */
export function statusCounts(formId?: string): Record<SubmissionStatus, number> {
  const rows = getDb()
    .select({ status: submissionCounts.status, count: sql<number>`sum(${submissionCounts.count})` })
    .from(submissionCounts)
    .where(formId ? eq(submissionCounts.formId, formId) : undefined)
    .groupBy(submissionCounts.status)
    .all();
  const out = Object.fromEntries(SUBMISSION_STATUSES.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
  for (const r of rows) out[r.status] = Number(r.count);
  return out;
}

/**
 * E-mail notices through an outbox (ADR 0013): a notice is a row written in the same transaction as the event it
 * announces, so a submission never waits on or fails because of the mail server, and no notice is lost when the
 * server stops. After the commit, delivery runs in the background; a failure is recorded and retried with growing
 * pauses, and after the last attempt the notice is marked failed (staff see it on the case page).
 */
import { log } from "../log.server";
import { and, asc, eq, lte } from "drizzle-orm";
import { notices, type NoticeKind } from "../../db/schema";
import { getDb } from "../db.server";
import { mailEnabled, sendMail } from "./mailer.server";
import { noticeMail, type NoticeParams } from "./messages.server";

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last one the notice is marked failed. */
export const RETRY_MINUTES = [1, 5, 30, 120, 720];

export type NewNotice = { kind: NoticeKind; to: string; language: string; submissionId?: string | null; params: NoticeParams };

/** Queues a notice (inside the caller's transaction); false when mail is off. Call `deliverNotices()` after the commit. */
export function queueNotice(tx: Tx | Db, notice: NewNotice, now = new Date()): boolean {
  if (!mailEnabled()) return false;
  tx.insert(notices)
    .values({
      kind: notice.kind,
      to: notice.to,
      language: notice.language,
      submissionId: notice.submissionId ?? null,
      params: notice.params,
      nextAttemptAt: now,
    })
    .run();
  return true;
}

/** How long a notice taken for sending is left to the sender before another may take it (longer than any SMTP try). */
export const CLAIM_MINUTES = 10;

/**
 * Sends the notices due at `now`. Each is claimed before it is sent, by moving its next attempt past the claim's
 * time only if it is still due: another app server delivering at the same moment (or a second call here) skips it,
 * where both used to send it. A sender that dies mid-send leaves the notice to be sent again after the claim.
 */
export async function deliverDueNotices(now: Date): Promise<void> {
  const db = getDb();
  const due = db
    .select()
    .from(notices)
    .where(and(eq(notices.status, "pending"), lte(notices.nextAttemptAt, now)))
    .orderBy(asc(notices.id))
    .limit(50)
    .all();
  for (const n of due) {
    // A batch sends one notice after another: a claim and a retry count from this notice's own moment.
    const at = Math.max(now.getTime(), Date.now());
    const claimed = db
      .update(notices)
      .set({ nextAttemptAt: new Date(at + CLAIM_MINUTES * 60_000) })
      .where(and(eq(notices.id, n.id), eq(notices.status, "pending"), lte(notices.nextAttemptAt, now)))
      .run();
    if (claimed.changes === 0) continue;
    try {
      await sendMail(await noticeMail(n.kind, n.to, n.language, n.params as unknown as NoticeParams));
      db.update(notices)
        .set({ status: "sent", attempts: n.attempts + 1, sentAt: new Date(), lastError: null })
        .where(eq(notices.id, n.id))
        .run();
    } catch (error) {
      const attempts = n.attempts + 1;
      const wait = RETRY_MINUTES[attempts - 1];
      const lastError = String(error instanceof Error ? error.message : error).slice(0, 500);
      // The SMTP answer may quote the address: not in the log.
      log.warn({ notice: n.id, kind: n.kind, attempts, error: String(lastError).replace(/[^\s<>"]+@[^\s<>"]+/g, "<address>") }, "notice not sent");
      db.update(notices)
        .set(wait === undefined ? { status: "failed", attempts, lastError } : { attempts, lastError, nextAttemptAt: new Date(at + wait * 60_000) })
        .where(eq(notices.id, n.id))
        .run();
    }
  }
}

let running: Promise<void> | null = null;
let again = false;

/** Sends the notices that are due; one run at a time (a call during a run makes it look again when done). */
export function deliverNotices(now: () => Date = () => new Date()): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDueNotices(now());
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** After a commit that queued notices: deliver in the background, never in the way of the response. */
export function kickDelivery() {
  setImmediate(() => {
    deliverNotices().catch((error: unknown) => log.error({ err: error }, "notice delivery failed"));
  });
}

/** Retries what is due every minute (server start-up). */
export function startNoticeDelivery(intervalMs = 60_000) {
  const timer = setInterval(kickDelivery, intervalMs);
  timer.unref();
  kickDelivery();
  return () => clearInterval(timer);
}

export type NoticeState = { kind: NoticeKind; status: "pending" | "sent" | "failed"; attempts: number; at: Date };

/** A submission's notices for the staff page (whether the resident was told). */
export function noticesOf(submissionId: string): NoticeState[] {
  return getDb()
    .select({ kind: notices.kind, status: notices.status, attempts: notices.attempts, at: notices.createdAt })
    .from(notices)
    .where(eq(notices.submissionId, submissionId))
    .orderBy(asc(notices.id))
    .all();
}

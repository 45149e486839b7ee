/**
 * Abuse limits (issue 13 point 4) with rate-limiter-flexible, its counters in the database (`rate_limits`) so that
 * several app servers share them.
 *   - per address: new drafts, posts with files, resident sign-ins — generous, since a family, a city hall's Wi-Fi or a
 *     mobile carrier's NAT share one address; a refusal is a 429 page that says to wait;
 *   - staff sign-in: a wrong password for an account from an address makes the next try from there wait, longer each
 *     time (30 s after five, doubling, at most LOGIN_LOCKOUT_MINUTES). The account is never locked for everyone: the
 *     clerk at their own desk signs in while someone elsewhere guesses. An address failing on many accounts waits too.
 *     Tries are counted before they are checked, on every app server (`staffSignInTry`).
 *     An administrator ends the wait of an account (`unlockStaffAccount`).
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb } from "../db.server";
import { getEnv } from "../env.server";
import { log } from "../log.server";

const TABLE = "rate_limits";
const HOUR = 3600;
const ADDRESS_FAILURES = 50;

type Limiters = ReturnType<typeof createLimiters>;

function createLimiters(client: Database.Database) {
  const env = getEnv();
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterSQLite({ storeClient: client, storeType: "better-sqlite3", tableName: TABLE, tableCreated: true, keyPrefix, points, duration });
  return {
    drafts: limiter("drafts", env.THROTTLE_DRAFTS, 600),
    uploads: limiter("uploads", env.THROTTLE_UPLOADS, 600),
    residentSignIn: limiter("resident-sign-in", env.THROTTLE_RESIDENT_SIGN_INS, 600),
    // Consecutive failures of one account from one address; a success clears them.
    staffFailures: limiter("staff-fail", 1_000_000, 24 * HOUR),
    // How long that account must wait from that address (a key over its one point is blocked until it expires).
    staffWait: limiter("staff-wait", 1, 24 * HOUR),
    // Failures from one address on any account: past 50 in an hour, the address waits for the hour to end.
    addressFailures: limiter("staff-fail-address", ADDRESS_FAILURES, HOUR),
  };
}

// One set per database connection (tests install a fresh database each).
const byClient = new WeakMap<Database.Database, Limiters>();
function limiters(): Limiters {
  const client = getDb().$client;
  let found = byClient.get(client);
  if (!found) byClient.set(client, (found = createLimiters(client)));
  return found;
}

export type ThrottledAction = "drafts" | "uploads" | "residentSignIn";

/** Counts one action of an address; false when the address has done it too often and must wait (a 429). */
export async function allow(action: ThrottledAction, address: string): Promise<boolean> {
  try {
    await limiters()[action].consume(address);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

/** The 429 page's response (root error page: 「短い時間に操作が多すぎます」). */
export const tooManyRequests = () => new Response("Too Many Requests", { status: 429, headers: { "Retry-After": "600", "Cache-Control": "no-store" } });

const accountKey = (username: string, address: string) => `${username}|${address}`;

const queued = new Map<string, Promise<unknown>>();

/** Runs the tries of one account from one address one after another in this process; a double click still signs in. */
function oneAfterAnother<T>(key: string, attempt: () => Promise<T>): Promise<T> {
  const mine = (queued.get(key) ?? Promise.resolve()).then(attempt);
  const done = mine.catch(() => {});
  queued.set(key, done);
  void done.then(() => queued.get(key) === done && queued.delete(key));
  return mine;
}

/**
 * One sign-in try of an account from an address (a password, or a code after it). It is refused unchecked when the
 * account must wait from there or the address has failed too often. Otherwise it is counted before it is checked: as
 * a try under way of the account, and as a failure of the address until `attempt` calls `right` (the secret was
 * right). Checked first and counted after, tries sent at once all got through before any had failed: twenty guesses
 * where five are allowed, one password sprayed over every account. Now each try meets what the tries before it may
 * earn, whether they run on this app server (one after another) or on others (the shared rows of tries under way).
 */
export function staffSignInTry<T>(username: string, address: string, attempt: (right: () => void) => Promise<T>): Promise<{ waitMs: number } | { value: T }> {
  const key = accountKey(username, address);
  return oneAfterAnother(key, async () => {
    const waitMs = await staffSignInWait(username, address);
    if (waitMs > 0) return { waitMs };
    const underWay = startTry(key);
    try {
      if (underWay.elsewhere > 0) {
        // Should the tries under way all fail, the wait they earn applies to this one.
        const failed = (await limiters().staffFailures.get(key))?.consumedPoints ?? 0;
        const wait = waitAfterFailures(failed + underWay.elsewhere) * 1000;
        if (wait > 0) return { waitMs: wait };
      }
      const counted = countAddressTry(address);
      if (counted.waitMs > 0) return { waitMs: counted.waitMs };
      return { value: await attempt(counted.giveBack) };
    } finally {
      underWay.end();
    }
  });
}

// A try under way is a row of its own, so none is lost to a window ending; one a dead server left ends by itself.
const TRY_MS = 60_000;
const tryPrefix = (key: string) => `staff-try:${key}|`;

function startTry(key: string) {
  const client = getDb().$client;
  const prefix = tryPrefix(key);
  const row = `${prefix}${randomUUID()}`;
  const elsewhere = client.transaction(() => {
    const n = client.prepare(`select count(*) from ${TABLE} where substr(key, 1, ?) = ? and expire > ?`).pluck().get(prefix.length, prefix, Date.now());
    client.prepare(`insert into ${TABLE} (key, points, expire) values (?, 1, ?)`).run(row, Date.now() + TRY_MS);
    return n as number;
  });
  return {
    elsewhere: elsewhere.immediate(),
    end: () => settle("ending a sign-in try", () => client.prepare(`delete from ${TABLE} where key = ?`).run(row)),
  };
}

/**
 * Counts a try from the address as a failure (the limiter's own row, its hour fixed from the first failure), with
 * how long the address must wait instead of trying (0: go on). `giveBack` takes the count back within that hour only:
 * given back after the hour has ended, it would let the next hour through one failure more.
 */
export function countAddressTry(address: string): { waitMs: number; giveBack: () => void } {
  const client = getDb().$client;
  const key = limiters().addressFailures.getKey(address);
  const now = Date.now();
  const { points, expire } = client
    .prepare(
      `insert into ${TABLE} (key, points, expire) values (?, 1, ?)
       on conflict(key) do update set
         points = case when expire > ? then points + 1 else 1 end,
         expire = case when expire > ? then expire else excluded.expire end
       returning points, expire`,
    )
    .get(key, now + HOUR * 1000, now, now) as { points: number; expire: number };
  return {
    // This try is in the count: the address waits when the tries before it are past the limit.
    waitMs: points - 1 > ADDRESS_FAILURES ? expire - now : 0,
    giveBack: () =>
      settle("giving back an address's try", () =>
        client.prepare(`update ${TABLE} set points = points - 1 where key = ? and expire = ? and points > 0`).run(key, expire),
      ),
  };
}

/** Bookkeeping after the answer is decided: a failure here is logged, never the person's 500 (the rows expire anyway). */
function settle(what: string, write: () => unknown) {
  try {
    write();
  } catch (error) {
    log.error({ err: error }, what);
  }
}

/** Milliseconds this account must still wait before trying from this address (0: it may try now). */
export async function staffSignInWait(username: string, address: string): Promise<number> {
  const l = limiters();
  const [own, fromAddress] = await Promise.all([l.staffWait.get(accountKey(username, address)), l.addressFailures.get(address)]);
  const waiting = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints > points ? res.msBeforeNext : 0);
  return Math.max(waiting(own, 1), waiting(fromAddress, ADDRESS_FAILURES));
}

/** The wait after the n-th consecutive failure: none for the first LOGIN_MAX_FAILURES − 1, then 30 s, doubling. */
export function waitAfterFailures(failures: number): number {
  const { LOGIN_MAX_FAILURES: free, LOGIN_LOCKOUT_MINUTES: maxMinutes } = getEnv();
  if (failures < free) return 0;
  return Math.min(30 * 2 ** (failures - free), maxMinutes * 60);
}

/** A failed try of the account from the address: the next try from there may have to wait (the address's own count is `countAddressTry`'s). */
export async function recordStaffSignInFailure(username: string, address: string): Promise<void> {
  const l = limiters();
  const key = accountKey(username, address);
  const failures = (await l.staffFailures.penalty(key)).consumedPoints;
  const seconds = waitAfterFailures(failures);
  if (seconds > 0) await l.staffWait.block(key, seconds);
}

export async function clearStaffSignInFailures(username: string, address: string): Promise<void> {
  const l = limiters();
  const key = accountKey(username, address);
  await Promise.all([l.staffFailures.delete(key), l.staffWait.delete(key)]);
}

const accountKeyPrefixes = (username: string) => [`staff-fail:${username}|`, `staff-wait:${username}|`];

/** Ends every wait of an account, from every address: how many counters were removed. */
export function forgetStaffSignInFailures(client: Database.Database, username: string): number {
  const remove = client.prepare(`delete from ${TABLE} where substr(key, 1, ?) = ?`);
  return accountKeyPrefixes(username).reduce((n, prefix) => n + remove.run(prefix.length, prefix).changes, 0);
}

/** Until when each account must wait from some address (the staff list's 「ログイン待ち」), by username. */
export function staffWaitsByUsername(client: Database.Database, now = Date.now()): Map<string, Date> {
  const rows = client.prepare(`select key, expire from ${TABLE} where substr(key, 1, 11) = 'staff-wait:' and points > 1 and expire > ?`).all(now) as {
    key: string;
    expire: number;
  }[];
  const waits = new Map<string, Date>();
  for (const { key, expire } of rows) {
    const username = key.slice("staff-wait:".length, key.lastIndexOf("|"));
    if (expire > (waits.get(username)?.getTime() ?? 0)) waits.set(username, new Date(expire));
  }
  return waits;
}

import { and, count, eq, gte, lt } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import { getDb } from "../db.server";
import { getEnv } from "../env.server";

// One address may try several accounts (a shared office network), so it gets a larger allowance than one account.
const IP_ALLOWANCE_FACTOR = 4;

function windowStart(now: number) {
  return new Date(now - getEnv().LOGIN_LOCKOUT_MINUTES * 60_000);
}

/** True when the account or the address has failed too often within the lock-out window. */
export function isSignInLocked(username: string, ip: string, now = Date.now()): boolean {
  const db = getDb();
  const since = windowStart(now);
  const max = getEnv().LOGIN_MAX_FAILURES;
  const byUser = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gte(loginFailures.at, since)))
    .get();
  if ((byUser?.n ?? 0) >= max) return true;
  const byIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)))
    .get();
  return (byIp?.n ?? 0) >= max * IP_ALLOWANCE_FACTOR;
}

export function recordSignInFailure(username: string, ip: string, now = Date.now()) {
  const db = getDb();
  db.insert(loginFailures)
    .values({ username, ip, at: new Date(now) })
    .run();
  db.delete(loginFailures)
    .where(lt(loginFailures.at, windowStart(now)))
    .run();
}

export function clearSignInFailures(username: string) {
  getDb().delete(loginFailures).where(eq(loginFailures.username, username)).run();
}

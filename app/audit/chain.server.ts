/**
 * The audit log's hash chain (issue 13 point 5). Each entry's hash is SHA-256 of the hash before it and of the entry
 * itself, so an entry changed, removed or slipped in afterwards — by someone who got past the triggers with the
 * database file in hand — breaks the chain from there on, and `npm run audit:verify` names the first entry that does
 * not match. Triggers refuse updates, deletes and INSERT OR REPLACE (migrations 0001 and 0018).
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

/** The first entry's predecessor. */
export const GENESIS = "0".repeat(64);

/** An entry as stored (the columns of audit_log, `details` as its JSON text). */
export type StoredEntry = {
  id: number;
  at: number;
  actor_role: string;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string | null;
};

export function entryHash(previous: string, entry: Omit<StoredEntry, "id">): string {
  // An array, not an object: its JSON has one spelling whatever the key order.
  const fields = [entry.at, entry.actor_role, entry.actor_id, entry.action, entry.subject_type, entry.subject_id, entry.details];
  return createHash("sha256").update(previous).update("\n").update(JSON.stringify(fields)).digest("hex");
}

/** The hash of the newest entry, the predecessor of the next. */
export function lastHash(client: Database.Database): string {
  const row = client.prepare("select hash from audit_log order by id desc limit 1").get() as { hash: string | null } | undefined;
  return row?.hash ?? GENESIS;
}

/**
 * Gives the entries written before the chain existed (hash null) their hashes, in order. Run at start-up after the
 * migrations; the update trigger allows this one change and no other.
 */
export function sealUnhashedEntries(client: Database.Database): number {
  const unhashed = client.prepare("select count(*) as n from audit_log where hash is null").get() as { n: number };
  if (unhashed.n === 0) return 0;
  const update = client.prepare("update audit_log set hash = ? where id = ?");
  // Read under the lock: a second app server starting at the same moment finds the entries sealed.
  const seal = client.transaction(() => {
    const rows = client
      .prepare("select id, at, actor_role, actor_id, action, subject_type, subject_id, details, hash from audit_log order by id")
      .all() as (StoredEntry & { hash: string | null })[];
    let previous = GENESIS;
    let sealed = 0;
    for (const row of rows) {
      if (row.hash === null) sealed += update.run((row.hash = entryHash(previous, row)), row.id).changes;
      previous = row.hash;
    }
    return sealed;
  });
  return seal.immediate();
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; firstBrokenId: number; reason: string };

/** Walks the whole log: every entry's hash must follow from the one before it. */
export function verifyChain(client: Database.Database): ChainVerdict {
  let previous = GENESIS;
  let entries = 0;
  const rows = client
    .prepare("select id, at, actor_role, actor_id, action, subject_type, subject_id, details, hash from audit_log order by id")
    .iterate() as Iterable<StoredEntry & { hash: string | null }>;
  for (const row of rows) {
    entries++;
    if (row.hash === null) return { ok: false, entries, firstBrokenId: row.id, reason: "no hash" };
    if (row.hash !== entryHash(previous, row))
      return { ok: false, entries, firstBrokenId: row.id, reason: "hash does not match the entry and the one before it" };
    previous = row.hash;
  }
  return { ok: true, entries };
}

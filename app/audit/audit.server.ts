import { auditLog } from "../../db/schema";
import type { Principal } from "../auth/session.server";
import { getDb } from "../db.server";
import { entryHash, lastHash } from "./chain.server";

export type AuditActor = { role: "resident" | "staff" | "admin" | "system" | "anonymous"; id: string | null };

export function actorOf(principal: Principal | null): AuditActor {
  if (!principal) return { role: "anonymous", id: null };
  return principal.role === "resident" ? { role: "resident", id: principal.resident.id } : { role: principal.role, id: principal.staff.id };
}

/** The connection, or the transaction the entry belongs to (written with the change it records, or not at all). */
type Executor = Pick<ReturnType<typeof getDb>, "insert">;

/**
 * Appends one entry to the audit log, chained to the one before it (chain.server.ts). The table refuses updates,
 * deletes and replacements. The newest hash is read under the write lock (a transaction begun IMMEDIATE, or a
 * savepoint of the caller's): another program appending meanwhile, such as a second app server, waits, so two entries
 * never claim the same predecessor.
 */
export function recordAudit(
  entry: {
    actor: AuditActor;
    action: string;
    subject?: { type: string; id: string };
    details?: Record<string, unknown>;
    at?: Date;
  },
  db: Executor = getDb(),
) {
  const values = {
    at: entry.at ?? new Date(),
    actorRole: entry.actor.role,
    actorId: entry.actor.id,
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    details: entry.details ?? null,
  };
  const client = getDb().$client;
  client
    .transaction(() => {
      const hash = entryHash(lastHash(client), {
        at: values.at.getTime(),
        actor_role: values.actorRole,
        actor_id: values.actorId,
        action: values.action,
        subject_type: values.subjectType,
        subject_id: values.subjectId,
        // As drizzle stores a JSON column.
        details: values.details === null ? null : JSON.stringify(values.details),
      });
      db.insert(auditLog)
        .values({ ...values, hash })
        .run();
    })
    .immediate();
}

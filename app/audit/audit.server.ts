import { auditLog } from "../../db/schema";
import type { Principal } from "../auth/session.server";
import { getDb } from "../db.server";

export type AuditActor = { role: "resident" | "staff" | "admin" | "system" | "anonymous"; id: string | null };

export function actorOf(principal: Principal | null): AuditActor {
  if (!principal) return { role: "anonymous", id: null };
  return principal.role === "resident" ? { role: "resident", id: principal.resident.id } : { role: principal.role, id: principal.staff.id };
}

/** The connection, or the transaction the entry belongs to (written with the change it records, or not at all). */
type Executor = Pick<ReturnType<typeof getDb>, "insert">;

/** Appends one entry to the audit log (the table refuses updates and deletes). */
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
  db.insert(auditLog)
    .values({
      at: entry.at ?? new Date(),
      actorRole: entry.actor.role,
      actorId: entry.actor.id,
      action: entry.action,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      details: entry.details ?? null,
    })
    .run();
}

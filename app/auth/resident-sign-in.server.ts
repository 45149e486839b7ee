import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { residentAccounts } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import type { ResidentIdentity } from "./identity/provider.server";
import { createSession } from "./session.server";

/** Finds or creates the resident account for an identity, refreshes its 基本4情報, and starts a session. */
export async function signInResident(request: Request, identity: ResidentIdentity): Promise<string> {
  const db = getDb();
  const now = new Date();
  const fields = {
    name: identity.name,
    nameKana: identity.nameKana ?? null,
    birthDate: identity.birthDate ?? null,
    sex: identity.sex ?? null,
    address: identity.address ?? null,
    personId: identity.personId ?? null,
    moveInPersonId: identity.moveInPersonId ?? null,
    lastSignInAt: now,
  };
  const account = db.transaction((tx) => {
    const existing = tx
      .select({ id: residentAccounts.id })
      .from(residentAccounts)
      .where(and(eq(residentAccounts.provider, identity.provider), eq(residentAccounts.subject, identity.subject)))
      .get();
    if (existing) {
      tx.update(residentAccounts).set(fields).where(eq(residentAccounts.id, existing.id)).run();
      return existing;
    }
    const id = randomUUID();
    tx.insert(residentAccounts)
      .values({ id, provider: identity.provider, subject: identity.subject, ...fields })
      .run();
    return { id };
  });
  recordAudit({ actor: { role: "resident", id: account.id }, action: "auth.sign_in", details: { provider: identity.provider } });
  return createSession(request, { role: "resident", residentAccountId: account.id });
}

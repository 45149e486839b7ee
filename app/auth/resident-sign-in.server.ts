import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { residentAccounts } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getDb } from "../db.server";
import type { ResidentIdentity } from "./identity/provider.server";
import { languageCookie } from "../i18n/i18next.server";
import { isLanguage } from "../i18n/languages.server";
import { createSession } from "./session.server";

/**
 * Finds or creates the resident account for an identity, refreshes its 基本4情報, and starts a session. The account
 * keeps the resident's language: a choice made on this device before signing in is kept on the account, else the
 * account's brings the language back on a new device. Returns the Set-Cookie values (session, and language if any).
 */
export async function signInResident(request: Request, identity: ResidentIdentity): Promise<string[]> {
  const chosenHere = await chosenLanguage(request);
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
      .select({ id: residentAccounts.id, language: residentAccounts.language })
      .from(residentAccounts)
      .where(and(eq(residentAccounts.provider, identity.provider), eq(residentAccounts.subject, identity.subject)))
      .get();
    if (existing) {
      tx.update(residentAccounts)
        .set({ ...fields, ...(chosenHere ? { language: chosenHere } : {}) })
        .where(eq(residentAccounts.id, existing.id))
        .run();
      return { id: existing.id, language: chosenHere ?? existing.language };
    }
    const id = randomUUID();
    tx.insert(residentAccounts)
      .values({ id, provider: identity.provider, subject: identity.subject, ...fields, language: chosenHere })
      .run();
    return { id, language: chosenHere };
  });
  recordAudit({ actor: { role: "resident", id: account.id }, action: "auth.sign_in", details: { provider: identity.provider } });
  const session = await createSession(request, { role: "resident", residentAccountId: account.id });
  return account.language && !chosenHere && isLanguage(account.language) ? [session, await languageCookie.serialize(account.language)] : [session];
}

/** The language chosen with the switch on this device (its cookie), if it is one of ours. */
async function chosenLanguage(request: Request): Promise<string | null> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : null;
}

/** A signed-in resident's choice in the switch is kept on their account. */
export function rememberLanguage(residentAccountId: string, lng: string) {
  getDb().update(residentAccounts).set({ language: lng }).where(eq(residentAccounts.id, residentAccountId)).run();
}

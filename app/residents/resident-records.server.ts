/** Read access to the resident registry (住民記録) and the pending move-ins (転出証明書情報). */
import { asc, eq } from "drizzle-orm";
import { households, moveInPersons, moveIns, persons, publicFundsAccounts } from "../../db/schema";
import { getDb } from "../db.server";

export type Address = { postalCode: string; prefecture: string; city: string; town: string; building: string | null };

export function formatAddress(a: Address): string {
  return [a.prefecture + a.city + a.town, a.building].filter(Boolean).join(" ");
}

export const fullName = (p: { familyName: string; givenName: string }) => `${p.familyName} ${p.givenName}`;
export const fullNameKana = (p: { familyNameKana: string; givenNameKana: string }) => `${p.familyNameKana} ${p.givenNameKana}`;

export function listRegistryPersons() {
  return getDb()
    .select({ person: persons, household: households })
    .from(persons)
    .innerJoin(households, eq(persons.householdId, households.id))
    .orderBy(asc(households.id), asc(persons.residentCode))
    .all();
}

export function getRegistryPerson(id: string) {
  return getDb()
    .select({ person: persons, household: households })
    .from(persons)
    .innerJoin(households, eq(persons.householdId, households.id))
    .where(eq(persons.id, id))
    .get();
}

export function listPendingMovers() {
  return getDb()
    .select({ person: moveInPersons, moveIn: moveIns })
    .from(moveInPersons)
    .innerJoin(moveIns, eq(moveInPersons.moveInId, moveIns.id))
    .where(eq(moveIns.status, "pending"))
    .orderBy(asc(moveIns.id), asc(moveInPersons.position))
    .all();
}

export function getPendingMover(id: string) {
  return getDb()
    .select({ person: moveInPersons, moveIn: moveIns })
    .from(moveInPersons)
    .innerJoin(moveIns, eq(moveInPersons.moveInId, moveIns.id))
    .where(eq(moveInPersons.id, id))
    .get();
}

export function previousAddressOf(m: typeof moveIns.$inferSelect): Address {
  return {
    postalCode: m.previousPostalCode,
    prefecture: m.previousPrefecture,
    city: m.previousCity,
    town: m.previousTown,
    building: m.previousBuilding,
  };
}

/** The members of a household, head first (by resident code). */
export function listHouseholdMembers(householdId: string) {
  return getDb().select().from(persons).where(eq(persons.householdId, householdId)).orderBy(asc(persons.residentCode)).all();
}

/** The 公金受取口座 a person registered for public payments, by 住民票コード (demo: see db/schema.ts). */
export function getPublicFundsAccount(residentCode: string) {
  return getDb().select().from(publicFundsAccounts).where(eq(publicFundsAccounts.residentCode, residentCode)).get();
}

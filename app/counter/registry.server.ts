/**
 * The counter's view of the registry: people found by the clerk's search, each with their household and ages so the
 * right person is picked at a glance. Residents (住民記録) and pending movers (転出証明書情報) look alike here.
 */
import { eq } from "drizzle-orm";
import { residentAccounts, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { isoToday } from "../i18n/dates";
import {
  formatAddress,
  fullName,
  fullNameKana,
  getPendingMover,
  getRegistryPerson,
  listHouseholdMembers,
  listPendingMovers,
  listRegistryPersons,
  previousAddressOf,
} from "../residents/resident-records.server";
import { foldForSearch, ageOn, matchesTerms, type CounterQuery } from "./search";
import { now } from "../clock.server";
import { getCity } from "../city.server";
import { civilOf, RELATIONSHIP_CODES } from "../prefill/source";

type CityPlace = { prefecture: string; city: string };
const cityPlace = (): CityPlace => {
  const c = getCity();
  return { prefecture: c.prefecture.ja, city: c.name.ja };
};

/** Which register a person is in: "resident" (住民記録) or "mover" (a pending move-in). */
export type PersonKind = "resident" | "mover";
export type PersonRef = { kind: PersonKind; id: string };

export type Member = { id: string; name: string; givenName: string; age: number; relationship: string; birthDate: string };

export type CounterPerson = PersonRef & {
  name: string;
  kana: string;
  birthDate: string;
  age: number;
  sex: "male" | "female";
  relationship: string;
  /** The address in this city (a mover: the declared new address), and for a mover where they come from. */
  address: string;
  previousAddress: string | null;
  household: Member[];
};

const MAX_RESULTS = 50;

type RegistryRow = ReturnType<typeof listRegistryPersons>[number];
type MoverRow = ReturnType<typeof listPendingMovers>[number];

function moverNewAddress(m: MoverRow["moveIn"], city: CityPlace) {
  return [m.newTown ? city.prefecture + city.city + m.newTown : "", m.newBuilding].filter(Boolean).join(" ");
}

function residentOf({ person, household }: RegistryRow, today: string): CounterPerson {
  return {
    kind: "resident",
    id: person.id,
    name: fullName(person),
    kana: fullNameKana(person),
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, today),
    sex: person.sex,
    relationship: person.relationship,
    address: formatAddress(household),
    previousAddress: null,
    household: listHouseholdMembers(household.id).map((m) => ({
      id: m.id,
      name: fullName(m),
      givenName: m.givenName,
      age: ageOn(m.birthDate, today),
      relationship: m.relationship,
      birthDate: m.birthDate,
    })),
  };
}

function moverOf(row: MoverRow, members: MoverRow[], city: CityPlace, today: string): CounterPerson {
  const { person, moveIn } = row;
  return {
    kind: "mover",
    id: person.id,
    name: fullName(person),
    kana: fullNameKana(person),
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, today),
    sex: person.sex,
    relationship: person.relationship,
    address: moverNewAddress(moveIn, city),
    previousAddress: formatAddress(previousAddressOf(moveIn)),
    household: members
      .filter((m) => m.moveIn.id === moveIn.id)
      .map(({ person: m }) => ({
        id: m.id,
        name: fullName(m),
        givenName: m.givenName,
        age: ageOn(m.birthDate, today),
        relationship: m.relationship,
        birthDate: m.birthDate,
      })),
  };
}

/** The person a submission was made for: the signed-in resident's record, else the applicant's name and birth date. */
export function applicantOfReceipt(receipt: string): PersonRef | null {
  const row = getDb()
    .select({ personKey: submissions.personKey, personId: residentAccounts.personId, moveInPersonId: residentAccounts.moveInPersonId })
    .from(submissions)
    .leftJoin(residentAccounts, eq(submissions.residentAccountId, residentAccounts.id))
    .where(eq(submissions.receiptNumber, receipt))
    .get();
  if (!row) return null;
  if (row.personId) return { kind: "resident", id: row.personId };
  if (row.moveInPersonId) return { kind: "mover", id: row.moveInPersonId };
  if (!row.personKey) return null;
  // personKey is "髙橋大輔|1988-05-14" (cases/applicant.ts): the name without spaces and the birth date.
  const [name, birthDate] = row.personKey.split("|");
  const sameName = (p: { familyName: string; givenName: string; birthDate: string }) =>
    p.birthDate === birthDate && foldForSearch(p.familyName + p.givenName) === foldForSearch(name ?? "");
  const resident = listRegistryPersons().find((r) => sameName(r.person));
  if (resident) return { kind: "resident", id: resident.person.id };
  const mover = listPendingMovers().find((m) => sameName(m.person));
  return mover ? { kind: "mover", id: mover.person.id } : null;
}

/**
 * Everyone the query finds, residents first. The registry is read whole and filtered here: a city's counter search
 * runs on a read model of a few hundred thousand rows at most, and folding 異体字 and readings in SQL would need a
 * search column kept in step; that is the next step when a real registry feeds this.
 */
export function searchRegistry(query: CounterQuery): CounterPerson[] {
  const city = cityPlace();
  const today = isoToday(now());
  if (query.kind === "empty") return [];
  if (query.kind === "receipt") {
    const ref = applicantOfReceipt(query.receipt);
    const person = ref ? findPerson(ref) : null;
    return person ? [person] : [];
  }
  const movers = listPendingMovers();
  const keepResident = (r: RegistryRow) =>
    query.kind === "birthDate"
      ? r.person.birthDate === query.birthDate
      : matchesTerms(
          { name: fullName(r.person), kana: fullNameKana(r.person), alias: r.person.alias, aliasKana: r.person.aliasKana, address: formatAddress(r.household) },
          query.terms,
        );
  const keepMover = (m: MoverRow) =>
    query.kind === "birthDate"
      ? m.person.birthDate === query.birthDate
      : matchesTerms(
          {
            name: fullName(m.person),
            kana: fullNameKana(m.person),
            address: `${moverNewAddress(m.moveIn, city)} ${formatAddress(previousAddressOf(m.moveIn))}`,
          },
          query.terms,
        );
  const residents = listRegistryPersons()
    .filter(keepResident)
    .slice(0, MAX_RESULTS)
    .map((r) => residentOf(r, today));
  const pending = movers
    .filter(keepMover)
    .slice(0, MAX_RESULTS - residents.length)
    .map((m) => moverOf(m, movers, city, today));
  return [...residents, ...pending];
}

export function findPerson(ref: PersonRef): CounterPerson | null {
  const city = cityPlace();
  const today = isoToday(now());
  if (ref.kind === "resident") {
    const row = getRegistryPerson(ref.id);
    return row ? residentOf(row, today) : null;
  }
  const row = getPendingMover(ref.id);
  if (!row || row.moveIn.status !== "pending") return null;
  return moverOf(row, listPendingMovers(), city, today);
}

export const isPersonKind = (v: unknown): v is PersonKind => v === "resident" || v === "mover";

/**
 * The household as the city knows it, as facts for the definitions' proposal rules: per member the keys the prefill
 * lists offer (relationship code, ageYears, sex, 国籍, 国保 …), so a rule reads like a binding's filter.
 */
export function householdFacts(ref: PersonRef): Record<string, unknown>[] {
  const today = isoToday(now());
  const fact = (p: Parameters<typeof civilOf>[0] & { relationship: string; birthDate: string; sex: string }) => ({
    relationship: RELATIONSHIP_CODES[p.relationship] ?? "other",
    ageYears: ageOn(p.birthDate, today),
    sex: p.sex,
    ...civilOf(p),
  });
  if (ref.kind === "resident") {
    const row = getRegistryPerson(ref.id);
    return row ? listHouseholdMembers(row.household.id).map(fact) : [];
  }
  const me = getPendingMover(ref.id);
  return me
    ? listPendingMovers()
        .filter((m) => m.moveIn.id === me.moveIn.id)
        .map((m) => fact(m.person))
    : [];
}

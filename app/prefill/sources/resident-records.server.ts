import { getRegistryPerson, listHouseholdMembers } from "../../residents/resident-records.server";
import { addressOf, ageOn, nameOf, PERSON_ITEM_KEYS, RELATIONSHIP_CODES, type PrefillSource } from "../source";

/** 住民記録 (the city's resident records): the signed-in resident, their household and its members. Paths say "registry". */
export const residentRecordsSource: PrefillSource = {
  id: "registry",
  labelKey: "prefill.source.registry",
  offers: {
    "person.name": {},
    "person.birthDate": {},
    "person.sex": {},
    "person.address": {},
    "household.headName": {},
    "household.members": { itemKeys: PERSON_ITEM_KEYS },
  },
  resolve(resident) {
    if (!resident.personId) return {};
    const row = getRegistryPerson(resident.personId);
    if (!row) return {};
    const members = listHouseholdMembers(row.household.id);
    const head = members.find((m) => m.id === row.household.headPersonId);
    return {
      "person.name": nameOf(row.person),
      "person.birthDate": row.person.birthDate,
      "person.sex": row.person.sex,
      "person.address": addressOf(row.household),
      "household.headName": head ? `${head.familyName} ${head.givenName}` : undefined,
      "household.members": members.map((m) => ({
        name: nameOf(m),
        birthDate: m.birthDate,
        sex: m.sex,
        relationship: RELATIONSHIP_CODES[m.relationship] ?? "other",
        ageYears: ageOn(m.birthDate),
        self: m.id === row.person.id,
      })),
    };
  },
};

import { getRegistryPerson, listHouseholdMembers } from "../../residents/resident-records.server";
import { addressOf, ageOn, civilOf, nameOf, PERSON_ITEM_KEYS, RELATIONSHIP_CODES, type PrefillSource } from "../source";

/** 住民記録 (the city's resident records): the signed-in resident, their household and its members. Paths say "registry". */
export const residentRecordsSource: PrefillSource = {
  id: "registry",
  labelKey: "prefill.source.registry",
  // The register itself: what it says is corrected by a 届出 at the counter, not by changing a form.
  offers: {
    "person.name": { authoritative: true, autocomplete: "name" },
    "person.birthDate": { authoritative: true, autocomplete: "bday" },
    "person.sex": { authoritative: true },
    "person.address": { authoritative: true, autocomplete: "street-address" },
    "person.relationship": { authoritative: true },
    "person.foreign": { authoritative: true },
    "person.nationality": { authoritative: true },
    "person.residenceStatus": { authoritative: true },
    "person.residencePeriodEnd": { authoritative: true },
    "person.residenceCardNumber": { authoritative: true },
    "person.honseki": { authoritative: true },
    "person.hittousha": { authoritative: true },
    "person.nhi": { authoritative: true },
    "household.headName": { authoritative: true },
    "household.members": { itemKeys: PERSON_ITEM_KEYS, authoritative: true },
  },
  resolve(resident) {
    if (!resident.personId) return {};
    const row = getRegistryPerson(resident.personId);
    if (!row) return {};
    const members = listHouseholdMembers(row.household.id);
    const head = members.find((m) => m.id === row.household.headPersonId);
    const civil = civilOf(row.person);
    return {
      ...Object.fromEntries(Object.entries(civil).map(([key, value]) => [`person.${key}`, value])),
      "person.relationship": RELATIONSHIP_CODES[row.person.relationship] ?? "other",
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
        ...civilOf(m),
      })),
    };
  },
};

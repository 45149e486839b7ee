import { getPendingMover, listPendingMovers, previousAddressOf } from "../../residents/resident-records.server";
import { getCity } from "../../city.server";
import { addressOf, ageOn, nameOf, PERSON_ITEM_KEYS, RELATIONSHIP_CODES, type PrefillSource } from "../source";

/** 転出証明書情報 received ahead of a 転入: everyone moving, the previous address and head of household. */
export const moveInSource: PrefillSource = {
  id: "moveIn",
  labelKey: "prefill.source.moveIn",
  offers: {
    persons: { itemKeys: PERSON_ITEM_KEYS },
    previousAddress: {},
    previousHeadName: {},
    plannedMoveDate: {},
    newAddress: {},
    headName: {},
  },
  resolve(resident) {
    if (!resident.moveInPersonId) return {};
    const me = getPendingMover(resident.moveInPersonId);
    if (!me) return {};
    const movers = listPendingMovers().filter((m) => m.moveIn.id === me.moveIn.id);
    const head = movers.find((m) => m.person.relationship === "世帯主");
    return {
      persons: movers.map(({ person }) => ({
        name: nameOf(person),
        birthDate: person.birthDate,
        sex: person.sex,
        relationship: RELATIONSHIP_CODES[person.relationship] ?? "other",
        ageYears: ageOn(person.birthDate),
        self: person.id === me.person.id,
      })),
      previousAddress: addressOf(previousAddressOf(me.moveIn)),
      previousHeadName: me.moveIn.previousHeadName,
      plannedMoveDate: me.moveIn.plannedMoveDate,
      newAddress: me.moveIn.newTown
        ? addressOf({
            postalCode: me.moveIn.newPostalCode ?? "",
            prefecture: getCity().prefecture.ja,
            city: getCity().name.ja,
            town: me.moveIn.newTown,
            building: me.moveIn.newBuilding,
          })
        : undefined,
      headName: head ? `${head.person.familyName} ${head.person.givenName}` : undefined,
    };
  },
};

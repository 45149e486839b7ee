import { getPendingMover, listPendingMovers, previousAddressOf } from "../../residents/resident-records.server";
import { getCity } from "../../city.server";
import { addressOf, ageOn, civilOf, nameOf, PERSON_ITEM_KEYS, RELATIONSHIP_CODES, type PrefillSource } from "../source";

/** 転出証明書情報 received ahead of a 転入: everyone moving, the previous address and head of household. */
export const moveInSource: PrefillSource = {
  id: "moveIn",
  labelKey: "prefill.source.moveIn",
  // What the previous city certified is authoritative; what the mover said they planned (date, new address, new
  // household) is only a plan the resident must be able to correct.
  offers: {
    persons: { itemKeys: PERSON_ITEM_KEYS, authoritative: true },
    previousAddress: { authoritative: true },
    previousHeadName: { authoritative: true },
    /** "yes" when someone moving was in 国民健康保険 at the previous address. */
    previousNhi: { authoritative: true },
    plannedMoveDate: {},
    newAddress: { autocomplete: "street-address" },
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
        ...civilOf(person),
      })),
      previousNhi: movers.some(({ person }) => person.nhi) ? "yes" : "no",
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

import { getPendingMover, getRegistryPerson, previousAddressOf } from "../../residents/resident-records.server";
import { addressOf, nameOf, type PrefillSource } from "../source";

/** 基本4情報 asserted at sign-in. The demo provider links the person's records, so the parts are exact. */
export const identitySource: PrefillSource = {
  id: "identity",
  labelKey: "prefill.source.identity",
  // Asserted by the identity provider (マイナンバーカード): the person's legal identity.
  offers: {
    name: { authoritative: true, autocomplete: "name" },
    birthDate: { authoritative: true, autocomplete: "bday" },
    sex: { authoritative: true },
    address: { authoritative: true, autocomplete: "street-address" },
  },
  resolve(resident) {
    const registry = resident.personId ? getRegistryPerson(resident.personId) : undefined;
    if (registry) {
      return { name: nameOf(registry.person), birthDate: registry.person.birthDate, sex: registry.person.sex, address: addressOf(registry.household) };
    }
    const mover = resident.moveInPersonId ? getPendingMover(resident.moveInPersonId) : undefined;
    if (mover) {
      return { name: nameOf(mover.person), birthDate: mover.person.birthDate, sex: mover.person.sex, address: addressOf(previousAddressOf(mover.moveIn)) };
    }
    const [family = "", given = ""] = resident.name.split(/[\s\u3000]+/);
    return { name: { family, given }, birthDate: resident.birthDate ?? undefined, sex: resident.sex ?? undefined };
  },
};

import { getPendingMover, getPublicFundsAccount, getRegistryPerson } from "../../residents/resident-records.server";
import type { PrefillSource } from "../source";

/**
 * 公金受取口座 (demo): the account the signed-in resident registered with the デジタル庁 for public payments. A payment
 * account bound to it is the resident's own, so a form asks nothing more than to confirm it.
 */
export const koukinKouzaSource: PrefillSource = {
  id: "koukinKouza",
  labelKey: "prefill.source.koukinKouza",
  noteKey: "prefill.koukinNote",
  // The registration itself is corrected in マイナポータル, not in a form; the account holder (名義) and bank details
  // are what the bank confirmed on registration.
  offers: {
    bankName: { authoritative: true },
    branchName: { authoritative: true },
    accountType: { authoritative: true },
    accountNumber: { authoritative: true },
    holderKana: { authoritative: true },
  },
  resolve(resident) {
    const residentCode = resident.personId
      ? getRegistryPerson(resident.personId)?.person.residentCode
      : resident.moveInPersonId
        ? getPendingMover(resident.moveInPersonId)?.person.residentCode
        : undefined;
    const account = residentCode ? getPublicFundsAccount(residentCode) : undefined;
    if (!account) return {};
    return {
      bankName: account.bankName,
      branchName: account.branchName,
      accountType: account.accountType,
      accountNumber: account.accountNumber,
      holderKana: account.holderKana,
    };
  },
};

import { getProfile } from "../../residents/profile.server";
import type { PrefillSource } from "../source";

/** Contact data the resident chose to keep for reuse (電話, メール, 勤務先, 勤務時間), only while consent stands. */
export const profileSource: PrefillSource = {
  id: "profile",
  labelKey: "prefill.source.profile",
  noteKey: "prefill.keptNote",
  // Kept by the resident, so always theirs to correct.
  offers: {
    phone: { autocomplete: "tel" },
    email: { autocomplete: "email" },
    employer: { autocomplete: "organization" },
    workDaysPerWeek: {},
    workHoursPerMonth: {},
  },
  fillsOwnItem: true,
  resolve(resident) {
    const profile = getProfile(resident.id);
    if (!profile) return {};
    return {
      phone: profile.phone ?? undefined,
      email: profile.email ?? undefined,
      employer: profile.employer ?? undefined,
      workDaysPerWeek: profile.workDaysPerWeek ?? undefined,
      workHoursPerMonth: profile.workHoursPerMonth ?? undefined,
    };
  },
};

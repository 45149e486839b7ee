import type { PrefillSource } from "../source";

/**
 * Contact data a resident chose to keep for reuse (電話, メール, 勤務先). Consent and storage come with the
 * "my data" page; until then the source offers nothing.
 */
export const profileSource: PrefillSource = {
  id: "profile",
  labelKey: "prefill.source.profile",
  resolve: () => ({}),
};

import type { PrefillSource } from "../source";
import { VISIT_SOURCE } from "../visit";

/**
 * Answers given earlier in the same counter visit (carried over by `carryOver` in prefill/visit.ts, not resolved from
 * an account): registered for its mark only, so a definition binds nothing to it.
 */
export const visitSource: PrefillSource = {
  id: VISIT_SOURCE,
  labelKey: "prefill.source.visit",
  noteKey: "prefill.visitNote",
  offers: {},
  resolve: () => ({}),
};

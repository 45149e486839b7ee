/** The prefill sources of madoguchi: adding one is a module in sources/ and one line in this list. */
import { createPrefillSources } from "./prefill";
import { identitySource } from "./sources/identity.server";
import { koukinKouzaSource } from "./sources/koukin-kouza.server";
import { moveInSource } from "./sources/move-in.server";
import { profileSource } from "./sources/profile.server";
import { residentRecordsSource } from "./sources/resident-records.server";
import { visitSource } from "./sources/visit.server";

export const prefillSources = createPrefillSources([
  identitySource, // 基本4情報 from the sign-in
  residentRecordsSource, // 住民記録
  moveInSource, // 転出証明書情報
  profileSource, // contact data the resident kept
  koukinKouzaSource, // 公金受取口座 (demo)
  visitSource, // answers given earlier in a counter visit
]);

export const resolvePrefill = prefillSources.resolve;
export const sourceMarks = prefillSources.marks;
export const sourceLabelKey = prefillSources.labelKey;
export const sourceNoteKey = prefillSources.noteKey;
export type { PrefillValues } from "./prefill";

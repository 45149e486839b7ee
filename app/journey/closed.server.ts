/**
 * A retired procedure, as residents meet it: its start page says it has closed and whom to ask; a draft on it can
 * no longer be submitted (issue 11, point 5). Residents are told, never shown an error.
 */
import { cityTexts } from "../city";
import { getCity } from "../city.server";
import { now } from "../clock.server";
import { localizeText } from "../form-engine/localized";
import { publicationHistory } from "../procedures/lifecycle.server";
import { getFormVersion, isRetired } from "../procedures/store.server";

export type ClosedProcedure = { title: string; contact: ReturnType<typeof cityTexts>["contact"] };

/** The closed procedure's title (of its last live version) and the city's contact; undefined if it is not retired. */
export function closedProcedure(formId: string | undefined, lng: string, at: Date = now()): ClosedProcedure | undefined {
  if (!formId || !isRetired(formId, at)) return undefined;
  const lastLive = publicationHistory(formId).find((p) => p.versionId !== null && !p.cancelledAt && p.effectiveAt <= at);
  const title = lastLive?.versionId ? localizeText(getFormVersion(lastLive.versionId)?.definition.title, lng) : formId;
  return { title, contact: cityTexts(getCity(), lng).contact };
}

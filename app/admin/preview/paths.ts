/** URLs of an administrator's preview of a procedure (used by routes on both server and browser). */
import type { Place } from "../../journey/journey";
import { placePath, startPath } from "../../journey/paths";

export const previewStartPath = (formId: string) => `/admin/forms/${formId}/preview`;
/** The preview's overview: the pages at phone width in a frame, with links beside it. */
export const previewPath = (formId: string, previewId: string) => `${previewStartPath(formId)}/${previewId}`;
export const previewStepPath = (formId: string, previewId: string, stepId: string) => `${previewPath(formId, previewId)}/steps/${stepId}`;
export const previewCheckPath = (formId: string, previewId: string) => `${previewPath(formId, previewId)}/check`;
export const previewPdfPath = (formId: string, previewId: string) => `${previewPath(formId, previewId)}/pdf`;
/** Where an administrator edits the procedure: the builder's working copy (BUILDER's route). */
export const builderPath = (formId: string) => `/admin/forms/${formId}/edit`;
export const procedurePath = (formId: string) => `/admin/forms/${formId}`;

/**
 * A place of the journey in the preview: the resident's URL with the preview's prefix instead of the procedure's, so
 * the query (from the check page, focus, follow-ups) means the same. Before the first step is the preview's start.
 */
export function previewPlacePath(formId: string, previewId: string, place: Place): string {
  if (place.at === "start") return previewStartPath(formId);
  return previewPath(formId, previewId) + placePath(formId, place).slice(startPath(formId).length);
}

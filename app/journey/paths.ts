import type { Place } from "./journey";

/** URLs of the resident journey (used by routes on both server and browser). */
export const startPath = (formId: string) => `/procedures/${formId}`;
export const stepPath = (formId: string, stepId: string) => `/procedures/${formId}/steps/${stepId}`;
export const checkPath = (formId: string) => `/procedures/${formId}/check`;
export const receiptPath = (formId: string, receipt: string) => `/procedures/${formId}/receipt/${receipt}`;

/** The URL of a place in the journey of a procedure. */
export function placePath(formId: string, place: Place): string {
  if (place.at === "start") return startPath(formId);
  if (place.at === "check") return checkPath(formId);
  return `${stepPath(formId, place.stepId)}${place.returnToCheck ? "?from=check" : ""}${place.focus ? `#${place.focus}` : ""}`;
}

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
  // The element to focus goes in the query too: without JavaScript the server marks it autofocus.
  const query = new URLSearchParams();
  if (place.item) query.set("item", place.item);
  if (place.showErrors) query.set("errors", "1");
  if (place.saved) query.set("saved", place.saved);
  if (place.returnToCheck) query.set("from", "check");
  if (place.followUps) query.set("more", "1");
  if (place.focus) query.set("focus", place.focus);
  const search = query.toString() ? `?${query}` : "";
  return `${stepPath(formId, place.stepId)}${search}${place.focus ? `#${place.focus}` : ""}`;
}

/** What a step page's URL says (the reverse of placePath's query): the resident's step route and the preview's. */
export function arrivalOf(url: URL) {
  const query = url.searchParams;
  return {
    returnToCheck: query.has("from"),
    focus: query.get("focus") ?? undefined,
    followUps: query.has("more"),
    item: query.get("item") ?? undefined,
    showErrors: query.has("errors"),
    saved: query.get("saved") ?? undefined,
  };
}

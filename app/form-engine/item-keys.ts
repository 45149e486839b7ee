/**
 * Keys of an item in a list answer that are not answers: which offered person it is (its index in the offer made
 * from the city's records, kept until submission) and whether it is left out of the answer (offered, not ticked).
 */
export const OFFERED = "_offered";
export const EXCLUDED = "_excluded";
export const isExcluded = (item: unknown) => Boolean(item && typeof item === "object" && (item as Record<string, unknown>)[EXCLUDED]);
export const offeredIndex = (item: unknown): number | undefined => {
  const index = item && typeof item === "object" ? (item as Record<string, unknown>)[OFFERED] : undefined;
  return typeof index === "number" ? index : undefined;
};

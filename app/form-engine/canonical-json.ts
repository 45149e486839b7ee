/**
 * JSON with object keys sorted, so that values that mean the same are the same text (a re-formatted definition
 * file is not a new revision; an answer is "unchanged" whatever its key order). `omit` drops keys at every level.
 */
export function canonicalJson(value: unknown, omit: (key: string, value: unknown) => boolean = () => false): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, omit)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k, v]) => !omit(k, v));
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, omit)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

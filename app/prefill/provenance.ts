import type { Provenance } from "../../db/schema";
import type { Answers } from "../form-engine/engine";

export type Prefilled = Record<string, { value: unknown; source: string }>;

/** Same value, whatever the key order of objects. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && (v as Record<string, unknown>)[k] !== "")
      .sort()
      .map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** For a prefilled list, compare only what the city supplied: the resident adds the rest of each item. */
function projectLike(value: unknown, original: unknown): unknown {
  if (!Array.isArray(value) || !Array.isArray(original)) return value;
  return value.map((item, i) => {
    const keys = Object.keys((original[i] ?? {}) as object);
    return Object.fromEntries(keys.map((k) => [k, (item as Record<string, unknown>)[k]]));
  });
}

/** Where each saved answer came from: typed, prefilled as is, or prefilled and changed (keeping the original). */
export function provenanceOf(saved: Answers, prefilled: Prefilled): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  for (const [name, value] of Object.entries(saved)) {
    const p = prefilled[name];
    if (!p) out[name] = { kind: "typed" };
    else if (sameValue(projectLike(value, p.value), p.value)) out[name] = { kind: "prefilled", source: p.source };
    else out[name] = { kind: "changed", source: p.source, original: p.value };
  }
  return out;
}

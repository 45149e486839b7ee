import type { Provenance } from "../../db/schema";
import { canonicalJson } from "../form-engine/canonical-json";
import type { Answers } from "../form-engine/engine";
import { OFFERED } from "../form-engine/item-keys";

export type Prefilled = Record<string, { value: unknown; source: string }>;

/** Item keys starting with "_" say where an item came from; they are not answers. */
const isMeta = (key: string) => key.startsWith("_");

/** Same value, whatever the key order of objects; blank parts and item keys that are not answers do not count. */
const omitNonAnswers = (key: string, value: unknown) => isMeta(key) || value === undefined || value === "";
export const sameValue = (a: unknown, b: unknown) => canonicalJson(a, omitNonAnswers) === canonicalJson(b, omitNonAnswers);

/** Keys of an offered item that are not answers: the resident's own item, and where its other values came from. */
export const SELF = "_self";
export const ITEM_SOURCES = "_sources";

function valueProvenance(value: unknown, original: unknown, source: string): Provenance {
  return sameValue(value, original) ? { kind: "prefilled", source } : { kind: "changed", source, original };
}

/** Per item and field: which offered person an item is (OFFERED) decides what it is compared with. */
function itemsProvenance(saved: Answers[], offers: Answers[], source: string): Provenance {
  return {
    kind: "items",
    source,
    items: saved.map((item) => {
      const index = item[OFFERED];
      const original = typeof index === "number" ? offers[index] : undefined;
      if (!original) return null;
      const sources = (original[ITEM_SOURCES] ?? {}) as Record<string, string>;
      const fields = Object.keys(item).filter((k) => !isMeta(k));
      return Object.fromEntries(
        fields.map((k): [string, Provenance] => {
          const known = original[k];
          return [k, known === undefined || known === "" ? { kind: "typed" } : valueProvenance(item[k], known, sources[k] ?? source)];
        }),
      );
    }),
  };
}

/** Where each saved answer came from: typed, prefilled as is, or prefilled and changed (keeping the original). */
export function provenanceOf(saved: Answers, prefilled: Prefilled): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  for (const [name, value] of Object.entries(saved)) {
    const p = prefilled[name];
    if (!p) out[name] = { kind: "typed" };
    else if (Array.isArray(p.value) && Array.isArray(value)) out[name] = itemsProvenance(value as Answers[], p.value as Answers[], p.source);
    else out[name] = valueProvenance(value, p.value, p.source);
  }
  return out;
}

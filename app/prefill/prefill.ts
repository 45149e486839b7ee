/**
 * Resolving what the city already knows for a definition's bindings, for a given set of prefill sources. The app's
 * own set is prefill-sources.server.ts; tests make their own with a fake source.
 */
import type { Provenance } from "../../db/schema";
import { evaluate } from "../form-engine/conditions";
import type { BindingCatalog, FieldDef, FormDefinition } from "../form-engine/definition";
import { OFFERED } from "../form-engine/item-keys";
import { getFieldType } from "../form-engine/field-types";
import type { SourceMark } from "../form-engine/summary";
import { ITEM_SOURCES, SELF } from "./provenance";
import type { PrefillSource, ResidentAccount } from "./source";

export type PrefillValues = Record<string, { value: unknown; source: string }>;
type SourceData = Record<string, Record<string, unknown>>;

const sourceOf = (path: string) => path.split(".")[0]!;

function lookup(path: string, data: SourceData): unknown {
  const [source, ...rest] = path.split(".");
  return data[source!]?.[rest.join(".")];
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "";

/** Every binding of a definition: its fields' and, inside fields made of items, their children's. */
function bindings(form: FormDefinition): FieldDef[] {
  return form.steps.flatMap((step) => step.fields.flatMap((f) => [f, ...(getFieldType(f.type).items?.fields(f) ?? [])])).filter((f) => f.prefill);
}

function bindField(field: FieldDef, data: SourceData): unknown {
  const binding = field.prefill!;
  const value = lookup(binding.path, data);
  const items = getFieldType(field.type).items;
  if (value === undefined || !items) return value;
  // A list: keep the items the filter picks, and give each item field the item key it is mapped to. The resident's
  // own item also takes what their item fields bind to (勤務先 kept from an earlier procedure), with that source noted.
  const map = binding.map ?? {};
  const ownBindings = items.fields(field).filter((c) => c.prefill);
  return (value as Record<string, unknown>[])
    .filter((item) => evaluate(binding.filter, { answers: {}, item }))
    .map((item, i) => {
      const out: Record<string, unknown> = Object.fromEntries(Object.entries(map).map(([child, key]) => [child, item[key]]));
      out[OFFERED] = i;
      if (item.self !== true) return out;
      out[SELF] = true;
      const sources: Record<string, string> = {};
      for (const child of ownBindings) {
        const own = lookup(child.prefill!.path, data);
        if (isBlank(own)) continue;
        out[child.name] = own;
        sources[child.name] = sourceOf(child.prefill!.path);
      }
      if (Object.keys(sources).length > 0) out[ITEM_SOURCES] = sources;
      return out;
    });
}

export function createPrefillSources(sources: readonly PrefillSource[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  if (byId.size !== sources.length) throw new Error("Two prefill sources have the same id");
  const offers = sources.flatMap((s) => Object.entries(s.offers).map(([path, offer]) => [`${s.id}.${path}`, offer] as const));

  /** What the meta-schema checks bindings against, derived from the sources. */
  const catalog: BindingCatalog = {
    paths: offers.map(([path]) => path),
    lists: Object.fromEntries(offers.flatMap(([path, offer]) => (offer.itemKeys ? [[path, offer.itemKeys]] : []))),
    ownItemSources: sources.filter((s) => s.fillsOwnItem).map((s) => s.id),
    authoritative: offers.filter(([, offer]) => offer.authoritative).map(([path]) => path),
    purposes: Object.fromEntries(offers.flatMap(([path, offer]) => (offer.autocomplete ? [[path, offer.autocomplete]] : []))),
  };

  const labelKey = (id: string) => byId.get(id)?.labelKey ?? "prefill.source.unknown";
  const noteKey = (id: string) => byId.get(id)?.noteKey ?? "prefill.confirmNote";

  /** What the city already knows for every bound field of a form, for this resident. Only bound sources are asked. */
  function resolve(form: FormDefinition, resident: ResidentAccount): PrefillValues {
    const bound = bindings(form);
    const data: SourceData = {};
    for (const id of new Set(bound.map((f) => sourceOf(f.prefill!.path)))) {
      const source = byId.get(id);
      if (source) data[id] = source.resolve(resident);
    }
    const out: PrefillValues = {};
    for (const step of form.steps) {
      for (const field of step.fields) {
        if (!field.prefill) continue;
        const value = bindField(field, data);
        const empty = isBlank(value) || (Array.isArray(value) && value.length === 0);
        if (!empty) out[field.name] = { value, source: sourceOf(field.prefill.path) };
      }
    }
    return out;
  }

  /**
   * Marks for the check page and the staff view, by answer path ("phone", "guardians.0.employer"): the source of each
   * prefilled answer and whether it was changed (with the original). A list answer is marked as a whole too.
   */
  function marks(provenance: Record<string, Provenance>): Record<string, SourceMark> {
    const out: Record<string, SourceMark> = {};
    const mark = (path: string, p: Provenance) => {
      if (p.kind === "prefilled") out[path] = { sourceKey: labelKey(p.source), changed: false };
      if (p.kind === "changed") out[path] = { sourceKey: labelKey(p.source), changed: true, original: p.original };
    };
    for (const [name, p] of Object.entries(provenance)) {
      if (p.kind !== "items") {
        mark(name, p);
        continue;
      }
      out[name] = { sourceKey: labelKey(p.source), changed: p.items.some((item) => item && Object.values(item).some((f) => f.kind === "changed")) };
      p.items.forEach((item, i) => Object.entries(item ?? {}).forEach(([field, fp]) => mark(`${name}.${i}.${field}`, fp)));
    }
    return out;
  }

  return { sources, catalog, labelKey, noteKey, resolve, marks };
}

export type PrefillSources = ReturnType<typeof createPrefillSources>;

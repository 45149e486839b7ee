/** The prefill source registry: adding a source is one module listed here (and its paths in paths.ts). */
import type { Provenance } from "../../db/schema";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import type { SourceMark } from "../form-engine/summary";
import { evaluate } from "../form-engine/conditions";
import { identitySource } from "./sources/identity.server";
import { moveInSource } from "./sources/move-in.server";
import { profileSource } from "./sources/profile.server";
import { registrySource } from "./sources/registry.server";
import { OFFERED } from "../form-engine/fields/group";
import { ITEM_SOURCES, SELF } from "./provenance";
import type { PrefillSource, ResidentAccount } from "./source";

const sources: PrefillSource[] = [identitySource, registrySource, moveInSource, profileSource];

export const sourceLabelKey = (id: string) => sources.find((s) => s.id === id)?.labelKey ?? "prefill.source.unknown";
export const sourceNoteKey = (id: string) => sources.find((s) => s.id === id)?.noteKey ?? "prefill.confirmNote";

export type PrefillValues = Record<string, { value: unknown; source: string }>;

type SourceData = Record<string, Record<string, unknown>>;

function lookup(path: string, data: SourceData): unknown {
  const [source, ...rest] = path.split(".");
  return data[source!]?.[rest.join(".")];
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "";

function bindField(field: FieldDef, data: SourceData): unknown {
  const binding = field.prefill!;
  const value = lookup(binding.path, data);
  if (value === undefined) return undefined;
  if (field.type !== "group") return value;
  // A list: keep the items the filter picks, and give each group field the item key it is mapped to. The resident's
  // own item also takes what their item fields bind to (勤務先 kept from an earlier procedure), with that source noted.
  const map = binding.map ?? {};
  const ownBindings = (field.fields ?? []).filter((c) => c.prefill);
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
        sources[child.name] = child.prefill!.path.split(".")[0]!;
      }
      if (Object.keys(sources).length > 0) out[ITEM_SOURCES] = sources;
      return out;
    });
}

/** What the city already knows for every bound field of a form, for this resident. */
export function resolvePrefill(form: FormDefinition, resident: ResidentAccount): PrefillValues {
  const data: Record<string, Record<string, unknown>> = {};
  for (const source of sources) data[source.id] = source.resolve(resident);
  const out: PrefillValues = {};
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (!field.prefill) continue;
      const value = bindField(field, data);
      const empty = value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
      if (!empty) out[field.name] = { value, source: field.prefill.path.split(".")[0]! };
    }
  }
  return out;
}

/**
 * Marks for the check page and the staff view, by answer path ("phone", "guardians.0.employer"): the source of each
 * prefilled answer and whether it was changed (with the original). A group offered from a list is marked as a whole too.
 */
export function sourceMarks(provenance: Record<string, Provenance>): Record<string, SourceMark> {
  const out: Record<string, SourceMark> = {};
  const mark = (path: string, p: Provenance) => {
    if (p.kind === "prefilled") out[path] = { sourceKey: sourceLabelKey(p.source), changed: false };
    if (p.kind === "changed") out[path] = { sourceKey: sourceLabelKey(p.source), changed: true, original: p.original };
  };
  for (const [name, p] of Object.entries(provenance)) {
    if (p.kind !== "items") {
      mark(name, p);
      continue;
    }
    out[name] = { sourceKey: sourceLabelKey(p.source), changed: p.items.some((item) => item && Object.values(item).some((f) => f.kind === "changed")) };
    p.items.forEach((item, i) => Object.entries(item ?? {}).forEach(([field, fp]) => mark(`${name}.${i}.${field}`, fp)));
  }
  return out;
}

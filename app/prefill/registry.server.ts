/** The prefill source registry: adding a source is one module listed here (and its paths in paths.ts). */
import type { Provenance } from "../../db/schema";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import { evaluate } from "../form-engine/conditions";
import { identitySource } from "./sources/identity.server";
import { moveInSource } from "./sources/move-in.server";
import { profileSource } from "./sources/profile.server";
import { registrySource } from "./sources/registry.server";
import type { PrefillSource, ResidentAccount } from "./source";

const sources: PrefillSource[] = [identitySource, registrySource, moveInSource, profileSource];

export const sourceLabelKey = (id: string) => sources.find((s) => s.id === id)?.labelKey ?? "prefill.source.unknown";

export type PrefillValues = Record<string, { value: unknown; source: string }>;

function bindField(field: FieldDef, data: Record<string, Record<string, unknown>>): unknown {
  const binding = field.prefill!;
  const [source, ...rest] = binding.path.split(".");
  const value = data[source!]?.[rest.join(".")];
  if (value === undefined) return undefined;
  if (field.type !== "group") return value;
  // A list: keep the items the filter picks, and give each group field the item key it is mapped to.
  const map = binding.map ?? {};
  return (value as Record<string, unknown>[])
    .filter((item) => evaluate(binding.filter, { answers: {}, item }))
    .map((item) => Object.fromEntries(Object.entries(map).map(([child, key]) => [child, item[key]])));
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

/** Marks for the check page and the staff view: the source of each prefilled answer, and whether it was changed. */
export function sourceMarks(provenance: Record<string, Provenance>) {
  const out: Record<string, { sourceKey: string; changed: boolean }> = {};
  for (const [name, p] of Object.entries(provenance)) {
    if (p.kind !== "typed") out[name] = { sourceKey: sourceLabelKey(p.source), changed: p.kind === "changed" };
  }
  return out;
}

import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { searchKey } from "./search";

/** The applicant's name as the queue shows and searches it, from the answer the definition names (or none). */
export function applicantOf(definition: FormDefinition, answers: Answers, fallbackName?: string | null) {
  const [top, , child] = definition.applicantName?.split(".") ?? [];
  let value: unknown = answers;
  for (const key of definition.applicantName?.split(".") ?? []) value = (value as Record<string, unknown> | undefined)?.[key];
  const field = definition.steps.flatMap((s) => s.fields).find((f) => f.name === top);
  const named = child === undefined ? field : field?.fields?.find((f) => f.name === child);
  const person = named ? getFieldType(named.type).personName?.(value) : undefined;
  const display = person?.name || fallbackName || null;
  const kana = person?.reading ?? "";
  return {
    applicantName: display,
    searchName: display ? searchKey(display) : null,
    searchKana: kana ? searchKey(kana) : null,
  };
}

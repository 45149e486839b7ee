import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { searchKey } from "./search";

/** The answer at a path the definition names: a field, or a field of a group's item ("persons.0.birthDate"). */
export function answerAt(answers: Answers, path: string | undefined): unknown {
  let value: unknown = answers;
  for (const key of path?.split(".") ?? []) value = (value as Record<string, unknown> | undefined)?.[key];
  return path ? value : undefined;
}

/**
 * The applicant's name as the queue shows and searches it, from the answer the definition names (or none), and the
 * person key (name and birth date) by which a second open application of the same person is noticed.
 */
/** The person named by a personName answer at a path (a field, or "group.index.field"), if answered. */
export function personAt(definition: FormDefinition, answers: Answers, path: string | undefined) {
  const [top, , child] = path?.split(".") ?? [];
  const value = answerAt(answers, path);
  const field = definition.steps.flatMap((s) => s.fields).find((f) => f.name === top);
  const named = child === undefined ? field : field?.fields?.find((f) => f.name === child);
  return named ? getFieldType(named.type).personName?.(value) : undefined;
}

export function applicantOf(definition: FormDefinition, answers: Answers, fallbackName?: string | null) {
  const person = personAt(definition, answers, definition.applicantName);
  const display = person?.name || fallbackName || null;
  const kana = person?.reading ?? "";
  const birthDate = answerAt(answers, definition.applicantBirthDate);
  return {
    applicantName: display,
    searchName: display ? searchKey(display) : null,
    searchKana: kana ? searchKey(kana) : null,
    personKey: person?.name && typeof birthDate === "string" && birthDate ? `${searchKey(person.name)}|${birthDate}` : null,
  };
}

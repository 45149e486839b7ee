import type { FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { searchKey } from "./search";

type PersonName = { family?: string; given?: string; familyKana?: string; givenKana?: string };

/** The applicant's name as the queue shows and searches it, from the answer the definition names (or none). */
export function applicantOf(definition: FormDefinition, answers: Answers, fallbackName?: string | null) {
  let value: unknown = answers;
  for (const key of definition.applicantName?.split(".") ?? []) value = (value as Record<string, unknown> | undefined)?.[key];
  const name = (value && typeof value === "object" ? value : {}) as PersonName;
  const display = [name.family, name.given].filter(Boolean).join(" ") || fallbackName || null;
  const kana = [name.familyKana, name.givenKana].filter(Boolean).join("");
  return {
    applicantName: display,
    searchName: display ? searchKey(display) : null,
    searchKana: kana ? searchKey(kana) : null,
  };
}

/**
 * Carry-over within a counter visit (書かない窓口): an answer given in one procedure of the visit fills the same answer
 * of the procedures after it, so nothing is typed twice. Which answers are the same is data: each definition's
 * `shares` names its answer for a shared name (moveDate, address, household …). Pure and unit-tested.
 */
import { evaluate } from "../form-engine/conditions";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { isExcluded, OFFERED } from "../form-engine/item-keys";
import { isSharedFact, SHARED_LIST, type SharedAnswer, type ShareTarget } from "../form-engine/life-events";
import type { PrefillValues } from "./prefill";
import { SELF } from "./provenance";
import { ageOn } from "./source";

/** The source id of a carried-over answer (its mark: 「この来庁で回答済み」). */
export const VISIT_SOURCE = "visit";

export type SharedValues = Partial<Record<SharedAnswer, unknown>>;

const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
/** The answers a shared name fills in this form (a fact is given, never received: none). */
const namesOf = (v: ShareTarget) => (isSharedFact(v) ? [] : [v].flat());
const sharesOf = (definition: FormDefinition) => Object.entries(definition.shares ?? {}) as [SharedAnswer, ShareTarget][];
const topField = (definition: FormDefinition, name: string) => definition.steps.flatMap((s) => s.fields).find((f) => f.name === name);
const isMeta = (key: string) => key.startsWith("_");

/**
 * The people of a group answer as a list a binding can filter and map: the item's answers (without the keys that say
 * where it came from) and its age in full years on `today`, as the city's lists of people offer them.
 */
function peopleOf(value: unknown, today: Date, isSelf: (person: Answers) => boolean): Answers[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Answers => Boolean(item) && typeof item === "object" && !isExcluded(item))
    .map((item) => {
      const person: Answers = Object.fromEntries(Object.entries(item).filter(([k]) => !isMeta(k)));
      // The visit's own person (the one whose identity the clerk checked) stays known, to take their own contact.
      if (isSelf(person)) person[SELF] = true;
      return typeof person.birthDate === "string" && person.birthDate ? { ...person, ageYears: ageOn(person.birthDate, today) } : person;
    });
}

/**
 * What the visit's other procedures answered, by shared name, in the visit's order: for a value the latest answer wins
 * (a phone number corrected later); the household is the first procedure's that gives one (the life event's lead,
 * 転入届: everyone moving), since a later one lists only the people it is about (保育所: the child applying). Only
 * answers actually given count, a blank one does not.
 */
export function sharedValues(
  earlier: readonly { definition: FormDefinition; answers: Answers }[],
  today: Date,
  params: { city?: string; isSelf?: (person: Answers) => boolean } = {},
): SharedValues {
  const out: SharedValues = {};
  const isSelf = params.isSelf ?? (() => false);
  for (const { definition, answers } of earlier) {
    for (const [shared, target] of sharesOf(definition)) {
      const name = namesOf(target)[0]!;
      const value = isSharedFact(target)
        ? target.value.replace(/\{\{city\}\}/g, params.city ?? "")
        : shared === SHARED_LIST
          ? peopleOf(answers[name], today, isSelf)
          : answers[name];
      if (isBlank(value) || (shared === SHARED_LIST && out[shared] !== undefined)) continue;
      out[shared] = value;
    }
  }
  return out;
}

/**
 * A group filled from the visit's people, as its binding filters and maps a list of the city (or by child name). The
 * visit's own person also takes the visit's contact answers where their item asks for their own (an item field bound
 * to an own-item source's phone or email: 保育所's guardian 1 phone is the 転入届's phone).
 */
function offerPeople(field: FieldDef, people: Answers[], shared: SharedValues): Answers[] {
  const children = getFieldType(field.type).items?.fields(field) ?? [];
  const map = field.prefill?.map ?? Object.fromEntries(children.map((c) => [c.name, c.name]));
  const ownContact = children.flatMap((c) => {
    const key = c.prefill?.path.split(".").slice(1).join(".") as SharedAnswer | undefined;
    return key && (key === "phone" || key === "email") && !isBlank(shared[key]) ? [[c.name, shared[key]] as const] : [];
  });
  return people
    .filter((item) => evaluate(field.prefill?.filter, { answers: {}, item }))
    .map((item, i) => ({
      ...Object.fromEntries(Object.entries(map).map(([child, key]) => [child, item[key]])),
      ...(item[SELF] === true ? { ...Object.fromEntries(ownContact), [SELF]: true } : {}),
      [OFFERED]: i,
    }));
}

/**
 * The prefill a procedure of the visit starts with: what the city knows (`records`), with every shared answer the
 * visit already gave in its place (it is newer: the resident said it today).
 */
export function carryOver(definition: FormDefinition, records: PrefillValues, shared: SharedValues): PrefillValues {
  const out: PrefillValues = { ...records };
  for (const [key, target] of sharesOf(definition)) {
    const value = shared[key];
    if (isBlank(value)) continue;
    for (const name of namesOf(target)) {
      const field = topField(definition, name);
      if (!field) continue;
      const carried = key === SHARED_LIST ? offerPeople(field, value as Answers[], shared) : value;
      if (!isBlank(carried)) out[name] = { value: carried, source: VISIT_SOURCE };
    }
  }
  return out;
}

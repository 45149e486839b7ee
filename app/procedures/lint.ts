/**
 * Lint before publishing: what the meta-schema cannot say but an administrator must hear, in plain Japanese and
 * pointing to the question. Errors block publishing; warnings are shown and do not. Pure: the caller passes the
 * prefill catalog (definitions.server.ts does). One function per rule.
 */
import { evaluate, type Condition } from "../form-engine/conditions";
import { afterSubmitItem, checkDefinition, declaredLanguages, type BindingCatalog, type FieldDef, type FormDefinition } from "../form-engine/definition";
import { getFieldType } from "../form-engine/field-types";
import { definitionTexts } from "../form-engine/texts";
import { jaText, placeOf, type Place } from "./place";

export type LintRule =
  "schema" | "missingText" | "autocomplete" | "hintRepeatsLabel" | "tooManyQuestions" | "impossibleCondition" | "duplicateOption" | "fixedCorrectable";

/** An i18n key (admin.lint.*) and its values; language names and parts are nested keys the translation resolves. */
export type LintMessage = { key: string; params: Record<string, string | number> };

export type LintFinding = Omit<Place, "question"> & {
  rule: LintRule;
  severity: "error" | "warning";
  path: (string | number)[];
  message: LintMessage;
};

export type LintContext = { catalog?: BindingCatalog };
export type LintResult = { errors: LintFinding[]; warnings: LintFinding[] };

type Path = (string | number)[];
type Located = { field: FieldDef; path: Path; step: FormDefinition["steps"][number]; group?: FieldDef };

/** Every question with its path: the steps' fields and the fields of their repeating groups. */
function fieldsOf(def: FormDefinition): Located[] {
  return def.steps.flatMap((step, s) =>
    step.fields.flatMap((field, f) => {
      const path = ["steps", s, "fields", f];
      const children = (getFieldType(field.type).items?.fields(field) ?? []).map((child, c) => ({
        field: child,
        path: [...path, "fields", c],
        step,
        group: field,
      }));
      return [{ field, path, step }, ...children];
    }),
  );
}

const withoutQuestion = ({ question: _question, ...place }: Place) => place;
const label = (f: FieldDef) => jaText(f.label) ?? f.name;

function finding(
  def: FormDefinition,
  rule: LintRule,
  severity: LintFinding["severity"],
  path: Path,
  key: string,
  params: LintMessage["params"] = {},
): LintFinding {
  return { rule, severity, path, ...withoutQuestion(placeOf(def, path)), message: { key: `admin.lint.${key}`, params } };
}

/** A text in every language the form declares. Where it is decides the wording: a question, a step, or the form. */
export function missingTexts(def: FormDefinition): LintFinding[] {
  const languages = declaredLanguages(def);
  // The printed form is the city's record and always Japanese (pdf.server.ts), so its title needs no translation.
  const texts = definitionTexts(def).filter(({ path }) => path[0] !== "pdf");
  return texts.flatMap(({ path, text }) =>
    languages
      .filter((lng) => (typeof text === "string" ? lng !== "ja" : !text[lng]?.trim()))
      .map((language) => {
        const place = placeOf(def, path);
        if (place.question !== undefined) return finding(def, "missingText", "error", path, "missingText.question", { question: place.question, language });
        if (place.stepId !== undefined) {
          const step = def.steps[path[1] as number]!;
          return finding(def, "missingText", "error", path, "missingText.step", { step: jaText(step.title) ?? step.id, language });
        }
        return finding(def, "missingText", "error", path, "missingText.form", { part: String(path[0]), language });
      }),
  );
}

/**
 * Personal data (the type says so, or it is bound to the resident's own data) needs an autocomplete token, so that a
 * browser can fill it in and assistive technology can say what it is (WCAG 1.3.5).
 */
export function missingAutocomplete(def: FormDefinition, ctx: LintContext): LintFinding[] {
  return fieldsOf(def).flatMap(({ field, path }) => {
    const type = getFieldType(field.type);
    const personal = type.personalData || (field.prefill && ctx.catalog?.purposes?.[field.prefill.path]);
    if (!personal || type.autocomplete?.(field)) return [];
    return [finding(def, "autocomplete", "warning", path, "autocomplete", { question: label(field) })];
  });
}

/** For comparing a label with its hint: width, case, spaces and punctuation do not count. */
export const normaliseText = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");

// A hint that is only the label and an instruction to answer says nothing the label does not.
const FILLER = /^(を|の)?(入力|記入|選択|選ん|教え|書い|お書き)[^]*$|^(please)?(enter|select|choose|write|give|type)(your|the)?$/u;

/** A hint that repeats its label (GOV.UK: a hint says what the label cannot), in any language both have. */
export function hintsRepeatingLabels(def: FormDefinition): LintFinding[] {
  return fieldsOf(def).flatMap(({ field, path }) => {
    if (!field.hint) return [];
    const texts = (t: FieldDef["label"]) => (typeof t === "string" ? { ja: t } : (t as Record<string, string>));
    const labels = texts(field.label);
    const repeats = Object.entries(texts(field.hint)).some(([lng, hint]) => {
      const l = labels[lng] === undefined ? "" : normaliseText(labels[lng]);
      const h = normaliseText(hint);
      if (!l) return false;
      const rest = h.startsWith(l) ? h.slice(l.length) : h.endsWith(l) ? h.slice(0, -l.length) : undefined;
      return rest !== undefined && (rest === "" || FILLER.test(rest));
    });
    return repeats ? [finding(def, "hintRepeatsLabel", "warning", [...path, "hint"], "hintRepeatsLabel", { question: label(field) })] : [];
  });
}

/**
 * More than this many questions always shown on one step is too many for a phone screen: GOV.UK asks one thing per
 * page, and a resident checking a long page misses what is wrong (our effort target is a page of ~3,000 px at 390 px).
 */
export const MAX_QUESTIONS_PER_STEP = 7;

/** Questions always shown on a step: answered fields without a condition, and those of each group item. */
export function stepsWithTooManyQuestions(def: FormDefinition): LintFinding[] {
  const asked = (f: FieldDef) => getFieldType(f.type).hasValue && !getFieldType(f.type).derive && !f.showIf;
  return def.steps.flatMap((step, s) => {
    const count = step.fields.filter(asked).reduce((n, f) => {
      const children = getFieldType(f.type).items?.fields(f);
      return n + (children ? children.filter(asked).length : 1);
    }, 0);
    if (count <= MAX_QUESTIONS_PER_STEP) return [];
    return [
      finding(def, "tooManyQuestions", "warning", ["steps", s], "tooManyQuestions", {
        step: jaText(step.title) ?? step.id,
        count,
        max: MAX_QUESTIONS_PER_STEP,
      }),
    ];
  });
}

/** Option values given twice: the answer could not tell which was chosen. */
export function duplicateOptions(def: FormDefinition): LintFinding[] {
  return fieldsOf(def).flatMap(({ field, path }) => {
    if (!Array.isArray(field.options)) return [];
    const seen = new Set<string>();
    return (field.options as { value: string }[]).flatMap((o, i) => {
      const twice = seen.has(o.value);
      seen.add(o.value);
      return twice
        ? [finding(def, "duplicateOption", "error", [...path, "options", i, "value"], "duplicateOption", { question: label(field), value: o.value })]
        : [];
    });
  });
}

/** A `fixed` binding shows a value the resident cannot change: only for what the city's records settle. */
export function fixedOnCorrectable(def: FormDefinition, ctx: LintContext): LintFinding[] {
  const authoritative = ctx.catalog?.authoritative;
  if (!authoritative) return [];
  return fieldsOf(def).flatMap(({ field, path }) =>
    field.prefill?.mode === "fixed" && !authoritative.includes(field.prefill.path)
      ? [finding(def, "fixedCorrectable", "error", [...path, "prefill", "mode"], "fixedCorrectable", { question: label(field), source: field.prefill.path })]
      : [],
  );
}

// ---- conditions that can never hold -------------------------------------------------------------------------------

/** Above this many combinations of values a condition is not enumerated (and not reported): lint stays quick. */
const MAX_COMBINATIONS = 20_000;
const OTHER = "\u0000other";

type Comparison = Extract<Condition, { op: string }>;
const comparisons = (c: Condition): Comparison[] =>
  "all" in c ? c.all.flatMap(comparisons) : "any" in c ? c.any.flatMap(comparisons) : "not" in c ? comparisons(c.not) : "op" in c ? [c] : [];

const literals = (c: Comparison): (string | number | boolean)[] => (c.value === undefined ? [] : Array.isArray(c.value) ? c.value : [c.value]);

function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

/** Values between and around the given ones, so that every outcome of an ordering comparison is tried. */
function around(values: (string | number | boolean)[]): unknown[] {
  const numbers = [...new Set(values.map(Number).filter((n) => !Number.isNaN(n)))].sort((a, b) => a - b);
  const strings = [...new Set(values.filter((v): v is string => typeof v === "string" && Number.isNaN(Number(v))))].sort();
  const between = numbers.slice(1).map((n, i) => (n + numbers[i]!) / 2);
  return [
    ...(numbers.length ? [numbers[0]! - 1, ...numbers, ...between, numbers[numbers.length - 1]! + 1] : []),
    ...strings.flatMap((s) => [s, `${s}\u0000`]),
    ...(strings.length ? ["!"] : []),
  ];
}

/** What a named field may hold, for the values a condition mentions (undefined: hidden or not answered yet). */
function domainOf(field: FieldDef | undefined, mentioned: Comparison[]): unknown[] {
  const values = mentioned.flatMap(literals);
  if (!field) return [undefined, ...values, OTHER];
  const type = getFieldType(field.type);
  if (!type.hasValue) return [undefined];
  const choices = type.choices?.(field);
  if (choices && !choices.many) return [undefined, ...choices.values];
  if (choices?.many) {
    const relevant = choices.values.filter((v) => values.includes(v));
    const other = choices.values.find((v) => !relevant.includes(v));
    return [undefined, ...subsets(other === undefined ? relevant : [...relevant, other])];
  }
  const ordered = mentioned.some((c) => ["gt", "gte", "lt", "lte"].includes(c.op));
  return [undefined, ...new Set([...values, ...(ordered ? around(values) : []), OTHER])];
}

type Resolve = (name: string) => FieldDef | undefined;

/**
 * Whether some answers make the condition hold: every combination of the values that matter is tried with the
 * engine's own `evaluate`. A condition over a group's items stands for "some item": it can hold when its `where` can.
 * Undefined when there are too many combinations to try.
 */
export function canHold(cond: Condition, resolve: Resolve): boolean | undefined {
  let n = 0;
  const slots = new Map<string, unknown[]>();
  const replace = (c: Condition): Condition | undefined => {
    if ("all" in c || "any" in c) {
      const parts = ("all" in c ? c.all : c.any).map(replace);
      if (parts.some((p) => p === undefined)) return undefined;
      return "all" in c ? { all: parts as Condition[] } : { any: parts as Condition[] };
    }
    if ("not" in c) {
      const inner = replace(c.not);
      return inner && { not: inner };
    }
    if ("someItem" in c || "everyItem" in c) {
      const { group, where } = "someItem" in c ? c.someItem : c.everyItem;
      const groupDef = resolve(group);
      const children = groupDef ? (getFieldType(groupDef.type).items?.fields(groupDef) ?? []) : [];
      const inner = canHold(where, (name) => children.find((f) => f.name === name) ?? resolve(name));
      if (inner === undefined) return undefined;
      const slot = `\u0000item${n++}`;
      // every item meets `where` when there are none; some item only when `where` can hold.
      slots.set(slot, "everyItem" in c || inner ? [true, false] : [false]);
      return { field: slot, op: "eq", value: true };
    }
    return c;
  };
  const flat = replace(cond);
  if (!flat) return undefined;
  const byField = new Map<string, Comparison[]>();
  for (const c of comparisons(flat)) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  const names = [...byField.keys()];
  const domains = names.map((name) => slots.get(name) ?? domainOf(resolve(name), byField.get(name)!));
  if (domains.reduce((p, d) => p * d.length, 1) > MAX_COMBINATIONS) return undefined;
  const tryFrom = (i: number, answers: Record<string, unknown>): boolean =>
    i === names.length ? evaluate(flat, { answers }) : domains[i]!.some((v) => tryFrom(i + 1, { ...answers, [names[i]!]: v }));
  return tryFrom(0, {});
}

/** A comparison naming a value the field can never have (not one of its options, not yes/no). */
function unknownValue(cond: Condition, resolve: Resolve): { field: FieldDef; value: string } | undefined {
  for (const c of comparisons(cond)) {
    if (!["eq", "in", "includes"].includes(c.op)) continue;
    const field = resolve(c.field);
    const choices = field && getFieldType(field.type).choices?.(field);
    if (!field || !choices) continue;
    const wrong = literals(c).find((v) => !choices.values.includes(String(v)));
    if (wrong !== undefined && literals(c).every((v) => !choices.values.includes(String(v)))) return { field, value: String(wrong) };
  }
  return undefined;
}

/** Every condition of a definition with its path, what it decides, and how its names resolve. */
function conditionsOf(def: FormDefinition) {
  const all = fieldsOf(def);
  const top: Resolve = (name) => all.find((l) => !l.group && l.field.name === name)?.field;
  const within =
    (group: FieldDef | undefined): Resolve =>
    (name) =>
      (group && (getFieldType(group.type).items?.fields(group) ?? []).find((f) => f.name === name)) || top(name);
  type Found = { cond: Condition; path: Path; resolve: Resolve; where: "step" | "question" | "afterSubmit"; params: LintMessage["params"] };
  const out: Found[] = [];
  def.steps.forEach((step, s) => {
    if (step.showIf)
      out.push({ cond: step.showIf, path: ["steps", s, "showIf"], resolve: top, where: "step", params: { step: jaText(step.title) ?? step.id } });
  });
  for (const { field, path, group } of all) {
    const resolve = within(group);
    const params = { question: label(field) };
    for (const key of ["showIf", "requiredIf"] as const) {
      const cond = field[key];
      if (cond) out.push({ cond, path: [...path, key], resolve, where: "question", params });
    }
    if (Array.isArray(field.rules))
      (field.rules as { when?: Condition }[]).forEach(
        (r, i) => r.when && out.push({ cond: r.when, path: [...path, "rules", i, "when"], resolve, where: "question", params }),
      );
  }
  def.afterSubmit.map(afterSubmitItem).forEach((item, i) => {
    if (item.showIf) out.push({ cond: item.showIf, path: ["afterSubmit", i, "showIf"], resolve: top, where: "afterSubmit", params: { item: i + 1 } });
  });
  return out;
}

/** A condition that no answers can make true: what it shows (or requires) would never be asked. */
export function impossibleConditions(def: FormDefinition): LintFinding[] {
  return conditionsOf(def).flatMap(({ cond, path, resolve, where, params }) => {
    if (canHold(cond, resolve) !== false) return [];
    const unknown = unknownValue(cond, resolve);
    return [
      unknown
        ? finding(def, "impossibleCondition", "error", path, `impossibleCondition.${where}Value`, {
            ...params,
            target: label(unknown.field),
            value: unknown.value,
          })
        : finding(def, "impossibleCondition", "error", path, `impossibleCondition.${where}`, params),
    ];
  });
}

/**
 * Lints a definition (JSON as in forms/*.json). A definition the meta-schema refuses has only those errors: the other
 * rules need one that parses.
 */
export function lintDefinition(input: unknown, ctx: LintContext = {}): LintResult {
  const checked = checkDefinition(input, ctx.catalog);
  if (!checked.ok) {
    return {
      errors: checked.problems.map((p) => ({
        rule: "schema" as const,
        severity: "error" as const,
        path: p.path,
        ...withoutQuestion(placeOf(input, p.path)),
        message: { key: "admin.lint.schema", params: { path: p.path.join("."), detail: p.message } },
      })),
      warnings: [],
    };
  }
  const def = checked.definition;
  const findings = [
    ...missingTexts(def),
    ...missingAutocomplete(def, ctx),
    ...hintsRepeatingLabels(def),
    ...stepsWithTooManyQuestions(def),
    ...impossibleConditions(def),
    ...duplicateOptions(def),
    ...fixedOnCorrectable(def, ctx),
  ];
  return { errors: findings.filter((f) => f.severity === "error"), warnings: findings.filter((f) => f.severity === "warning") };
}

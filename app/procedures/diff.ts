/**
 * What changed between two versions of a procedure: in words (「手順『連絡先』に質問『メールアドレス』を追加」) for the
 * administrator, and as a line diff of the canonical JSON. Pure; messages are i18n keys (admin.diff.*) with values.
 */
import { structuredPatch } from "diff";
import { canonicalJson } from "../form-engine/canonical-json";
import { afterSubmitItem, type FieldDef, type FormDefinition } from "../form-engine/definition";
import type { LocalizedText } from "../form-engine/localized";
import { jaText } from "./place";

export type Change = { key: string; params: Record<string, string | number> };

type Step = FormDefinition["steps"][number];
type Option = { value: string; label: LocalizedText; hint?: LocalizedText };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const change = (key: string, params: Change["params"] = {}): Change => ({ key: `admin.diff.${key}`, params });

/** A text as words: its Japanese, or the only language it has. */
const words = (t: LocalizedText | undefined) => jaText(t) ?? "";

/**
 * How a text changed, in the language that changed: its Japanese, or else the first translation that differs (so
 * that an English correction reads 「『Phone』を『Daytime phone』に変更」). Undefined when it did not.
 */
function textChange(a: LocalizedText | undefined, b: LocalizedText | undefined): { before: string; after: string } | undefined {
  if (same(a, b)) return undefined;
  const map = (t: LocalizedText | undefined): Record<string, string> => (t === undefined ? {} : typeof t === "string" ? { ja: t } : t);
  const [x, y] = [map(a), map(b)];
  const lng = ["ja", ...Object.keys({ ...x, ...y })].find((l) => x[l] !== y[l]) ?? "ja";
  return { before: x[lng] ?? "", after: y[lng] ?? "" };
}

/** The ones of `common` (in both orders) that left the longest run kept in order: those moved. */
function moved(before: string[], after: string[]): Set<string> {
  const a = before.filter((x) => after.includes(x));
  const b = after.filter((x) => before.includes(x));
  // Longest common subsequence, small inputs (steps of a form, questions of a step).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((x) => !kept.has(x)));
}

/** Added, removed, or changed: which of three keys a property's change takes. */
function presence(key: string, a: unknown, b: unknown, params: Change["params"]): Change[] {
  if (same(a, b)) return [];
  if (a === undefined) return [change(`${key}Added`, params)];
  if (b === undefined) return [change(`${key}Removed`, params)];
  return [change(`${key}Changed`, params)];
}

// What a question's own words say; every other property of a question is a setting (maxLength, pattern, min …).
const DESCRIBED = new Set(["name", "type", "label", "hint", "required", "showIf", "requiredIf", "prefill", "options", "fields"]);

function describeOptions(question: string, a: Option[], b: Option[]): Change[] {
  const out: Change[] = [];
  for (const o of b) if (!a.some((x) => x.value === o.value)) out.push(change("option.added", { question, option: words(o.label) }));
  for (const o of a) if (!b.some((x) => x.value === o.value)) out.push(change("option.removed", { question, option: words(o.label) }));
  for (const o of b) {
    const old = a.find((x) => x.value === o.value);
    if (!old) continue;
    const label = textChange(old.label, o.label);
    if (label) out.push(change("option.relabelled", { question, ...label }));
    if (!same(old.hint, o.hint)) out.push(change("option.hintChanged", { question, option: words(o.label) }));
  }
  const order = moved(
    a.map((o) => o.value),
    b.map((o) => o.value),
  );
  if (order.size > 0) out.push(change("option.reordered", { question }));
  return out;
}

function describePrefill(question: string, a: FieldDef["prefill"], b: FieldDef["prefill"]): Change[] {
  if (same(a, b)) return [];
  if (!a) return [change("prefill.added", { question, source: b!.path })];
  if (!b) return [change("prefill.removed", { question, source: a.path })];
  const out: Change[] = [];
  if (a.path !== b.path) out.push(change("prefill.source", { question, before: a.path, after: b.path }));
  if (a.mode !== b.mode) out.push(change(b.mode === "fixed" ? "prefill.fixed" : "prefill.confirm", { question }));
  const rest = (p: NonNullable<FieldDef["prefill"]>) => ({ ...p, path: undefined, mode: undefined });
  if (!same(rest(a), rest(b))) out.push(change("prefill.details", { question }));
  return out;
}

/** The changes of one question kept from one version to the next (`question` names it in the messages). */
function describeQuestion(a: FieldDef, b: FieldDef, question: string): Change[] {
  const out: Change[] = [];
  const label = textChange(a.label, b.label);
  if (label) out.push(change("question.label", label));
  if (a.type !== b.type) out.push(change("question.type", { question, before: a.type, after: b.type }));
  if (a.required !== b.required) out.push(change(b.required ? "question.required" : "question.optional", { question }));
  out.push(...presence("question.hint", a.hint, b.hint, { question }));
  out.push(...presence("question.condition", a.showIf, b.showIf, { question }));
  out.push(...presence("question.requiredIf", a.requiredIf, b.requiredIf, { question }));
  out.push(...describePrefill(question, a.prefill, b.prefill));
  if (Array.isArray(a.options) && Array.isArray(b.options)) out.push(...describeOptions(question, a.options as Option[], b.options as Option[]));
  if (a.fields && b.fields) out.push(...describeItems(a, b, question));
  const settings = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !DESCRIBED.has(k) && !same(a[k], b[k]));
  if (a.type === b.type && settings.length > 0) out.push(change("question.settings", { question, keys: settings.sort().join(", ") }));
  return out;
}

/** The questions of a repeating group's items, matched by name. */
function describeItems(a: FieldDef, b: FieldDef, group: string): Change[] {
  const [x, y] = [a.fields ?? [], b.fields ?? []];
  const out: Change[] = [];
  for (const f of y) if (!x.some((c) => c.name === f.name)) out.push(change("item.added", { group, question: words(f.label) }));
  for (const f of x) if (!y.some((c) => c.name === f.name)) out.push(change("item.removed", { group, question: words(f.label) }));
  for (const f of y) {
    const old = x.find((c) => c.name === f.name);
    if (old) out.push(...describeQuestion(old, f, `${group}・${words(f.label)}`));
  }
  if (
    moved(
      x.map((f) => f.name),
      y.map((f) => f.name),
    ).size > 0
  )
    out.push(change("item.reordered", { group }));
  return out;
}

function describeSteps(a: FormDefinition, b: FormDefinition): Change[] {
  const out: Change[] = [];
  const stepTitle = (s: Step) => words(s.title) || s.id;
  const byId = (def: FormDefinition, id: string) => def.steps.find((s) => s.id === id);
  for (const s of b.steps) if (!byId(a, s.id)) out.push(change("step.added", { step: stepTitle(s) }));
  for (const s of a.steps) if (!byId(b, s.id)) out.push(change("step.removed", { step: stepTitle(s) }));
  const stepsMoved = moved(
    a.steps.map((s) => s.id),
    b.steps.map((s) => s.id),
  );
  for (const s of b.steps) {
    const old = byId(a, s.id);
    if (!old) continue;
    const title = textChange(old.title, s.title);
    if (title) out.push(change("step.renamed", title));
    if (stepsMoved.has(s.id)) out.push(change("step.moved", { step: stepTitle(s), position: b.steps.indexOf(s) + 1 }));
    out.push(...presence("step.description", old.description, s.description, { step: stepTitle(s) }));
    out.push(...presence("step.condition", old.showIf, s.showIf, { step: stepTitle(s) }));
  }

  // Questions are matched by name across the form: one that changed step was moved, not removed and added.
  const questions = (def: FormDefinition) => def.steps.flatMap((step) => step.fields.map((field) => ({ step, field })));
  const [qa, qb] = [questions(a), questions(b)];
  const find = (list: typeof qa, name: string) => list.find((q) => q.field.name === name);
  for (const { step, field } of qb) {
    const old = find(qa, field.name);
    const question = words(field.label);
    if (!old) out.push(change("question.added", { step: stepTitle(step), question }));
    else if (old.step.id !== step.id) out.push(change("question.moved", { question, from: stepTitle(old.step), to: stepTitle(step) }));
  }
  for (const { step, field } of qa) if (!find(qb, field.name)) out.push(change("question.removed", { step: stepTitle(step), question: words(field.label) }));
  for (const step of b.steps) {
    const old = byId(a, step.id);
    if (!old) continue;
    const reordered = moved(
      old.fields.map((f) => f.name),
      step.fields.map((f) => f.name),
    );
    for (const name of reordered)
      out.push(change("question.reordered", { step: stepTitle(step), question: words(step.fields.find((f) => f.name === name)!.label) }));
  }
  for (const { field } of qb) {
    const old = find(qa, field.name);
    if (old) out.push(...describeQuestion(old.field, field, words(field.label)));
  }
  return out;
}

// Top-level keys described on their own; the others are settings (applicantName, contactEmail, languages …).
const FORM_DESCRIBED = new Set(["$schema", "version", "id", "title", "description", "guidance", "steps", "declaration", "afterSubmit", "pdf"]);

function describeForm(a: FormDefinition, b: FormDefinition): Change[] {
  const out: Change[] = [];
  const title = textChange(a.title, b.title);
  if (title) out.push(change("form.title", title));
  for (const part of ["description", "guidance", "declaration"] as const) if (!same(a[part], b[part])) out.push(change(`form.${part}`));
  const items = (def: FormDefinition) => def.afterSubmit.map(afterSubmitItem);
  if (!same(items(a), items(b))) out.push(change("form.afterSubmit"));
  const pdfTitle = textChange(a.pdf.title, b.pdf.title);
  if (pdfTitle) out.push(change("form.pdfTitle", pdfTitle));
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !FORM_DESCRIBED.has(k) && !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
  if (!same(a.pdf.staffBoxes, b.pdf.staffBoxes)) keys.push("pdf.staffBoxes");
  if (keys.length > 0) out.push(change("form.settings", { keys: keys.sort().join(", ") }));
  return out;
}

/** Every change from `before` to `after`, the form's first, then its steps', then its questions'. */
export function describeChanges(before: FormDefinition, after: FormDefinition): Change[] {
  return [...describeForm(before, after), ...describeSteps(before, after)];
}

export type DiffLine = { kind: "context" | "added" | "removed"; text: string; oldLine?: number; newLine?: number };
/** A run of changed lines with the lines around them; starts and counts are lines of the canonical JSON (from 1). */
export type DiffHunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: DiffLine[] };

/** A definition as canonical, pretty-printed JSON: key order and formatting do not count, `$schema` neither. */
export const canonicalText = (definition: unknown) => `${JSON.stringify(JSON.parse(canonicalJson(definition, (key) => key === "$schema")), null, 2)}\n`;

/** The line diff of two definitions' canonical JSON, as hunks with `context` lines around each change. */
export function jsonDiff(before: unknown, after: unknown, context = 3): DiffHunk[] {
  const patch = structuredPatch("before", "after", canonicalText(before), canonicalText(after), undefined, undefined, { context });
  return patch.hunks.map((h) => {
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    const lines = h.lines
      .filter((l) => !l.startsWith("\\")) // "\ No newline at end of file" cannot happen: both texts end with one
      .map((l): DiffLine => {
        const text = l.slice(1);
        if (l.startsWith("+")) return { kind: "added", text, newLine: newLine++ };
        if (l.startsWith("-")) return { kind: "removed", text, oldLine: oldLine++ };
        return { kind: "context", text, oldLine: oldLine++, newLine: newLine++ };
      });
    return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines };
  });
}

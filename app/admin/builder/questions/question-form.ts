/**
 * A question as the editor's form posts it, and the editor's buttons. Pure: the page and the tests share it. Input
 * names: `name`; `p.<property>` (and `p.<property>.<language>` for texts); `opt.<property>.<i>.value|label.<language>`
 * for options; `p.<property>.…` condition editors (condition-editor.ts); `p.prefill.path|mode|map.<child>|filter…`.
 */
import type { Condition } from "../../../form-engine/conditions";
import type { Property } from "./properties";
import { applyConditionCommand, readCondition, type FormLike } from "./condition-editor";

export type QuestionDraft = Record<string, unknown> & { type: string; name?: unknown };

const text = (form: FormLike, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
};

/** A text per declared language; undefined when every one is blank. A plain string stays one while only ja is given. */
export function readLocalized(form: FormLike, prefix: string, languages: readonly string[], current: unknown) {
  const entries = languages.map((lng) => [lng, (text(form, `${prefix}.${lng}`) ?? "").trim()] as const).filter(([, v]) => v !== "");
  // Languages the page does not show are kept as they were.
  const kept = current && typeof current === "object" ? Object.entries(current as Record<string, string>).filter(([lng]) => !languages.includes(lng)) : [];
  const all = [...entries, ...kept];
  if (all.length === 0) return undefined;
  if (typeof current === "string" && all.length === 1 && all[0]![0] === "ja") return all[0]![1];
  return Object.fromEntries(all);
}

export type OptionDraft = { value: string; label: unknown; hint?: unknown } & Record<string, unknown>;

function readOptions(form: FormLike, key: string, languages: readonly string[]): OptionDraft[] {
  const out: OptionDraft[] = [];
  for (let i = 0; text(form, `opt.${key}.${i}.value`) !== null; i++) {
    const label = readLocalized(form, `opt.${key}.${i}.label`, languages, {});
    const hint = readLocalized(form, `opt.${key}.${i}.hint`, languages, {});
    out.push({ value: text(form, `opt.${key}.${i}.value`)!.trim(), label: label ?? "", ...(hint === undefined ? {} : { hint }) });
  }
  return out;
}

function readPrefill(form: FormLike, current: unknown) {
  const path = text(form, "p.prefill.path") ?? "";
  if (path === "") return undefined;
  const was = (current && typeof current === "object" ? current : {}) as Record<string, unknown>;
  const mode = text(form, "p.prefill.mode") === "fixed" ? "fixed" : "confirm";
  const map = Object.fromEntries(
    [...new Set(form.getAll("p.prefill.mapKeys").map(String))].flatMap((child) => {
      const key = text(form, `p.prefill.map.${child}`) ?? "";
      return key ? [[child, key]] : [];
    }),
  );
  const filter = readCondition(form, "p.prefill.filter");
  const out: Record<string, unknown> = { ...was, path, mode };
  if (Object.keys(map).length) out.map = map;
  else delete out.map;
  if (filter) out.filter = filter;
  else delete out.filter;
  return out;
}

/** The question as posted: every property the page shows read back; everything else kept as it was. */
export function readQuestion(
  form: FormLike,
  current: QuestionDraft,
  properties: Property[],
  languages: readonly string[],
  nameEditable: boolean,
): QuestionDraft {
  const out: QuestionDraft = { ...current };
  const set = (key: string, value: unknown) => {
    const p = properties.find((x) => x.key === key);
    // A value equal to the default is left out when the file did not say it (the file stays as it was written).
    if (value === undefined || (p?.default !== undefined && value === p.default && !(key in current))) delete out[key];
    else out[key] = value;
  };
  for (const p of properties) {
    const name = `p.${p.key}`;
    switch (p.kind) {
      case "name":
        if (nameEditable) out.name = (text(form, "name") ?? "").trim();
        break;
      case "text": {
        const v = (text(form, name) ?? "").trim();
        set(p.key, v === "" ? undefined : v);
        break;
      }
      case "number": {
        const v = (text(form, name) ?? "").trim();
        // Not a number: kept as typed, so that saving says so next to the input.
        set(p.key, v === "" ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);
        break;
      }
      case "boolean":
        set(p.key, text(form, name) === "yes");
        break;
      case "enum": {
        const v = text(form, name) ?? "";
        set(p.key, v === "" ? undefined : v);
        break;
      }
      case "localized":
        set(p.key, readLocalized(form, name, languages, current[p.key]));
        break;
      case "options":
        set(p.key, readOptions(form, p.key, languages));
        break;
      case "condition":
        set(p.key, readCondition(form, name));
        break;
      case "prefill":
        set(p.key, readPrefill(form, current[p.key]));
        break;
      default:
        // fields (edited on their own pages) and json (shown read-only) stay as they were.
        break;
    }
  }
  return out;
}

export type QuestionCommand =
  | { verb: "save" }
  | { verb: "refresh" }
  | { verb: "cond"; what: "add" | "remove"; path: string }
  | { verb: "opt"; what: "add" | "remove" | "up" | "down"; key: string; index: number }
  | { verb: "child"; what: "add"; type: string }
  | { verb: "child"; what: "remove"; name: string };

/** `_action` as the buttons post it: "save", "refresh", "cond:add:p.showIf.0", "opt:up:options:2", "child:remove:x". */
export function parseCommand(action: string, form: FormLike): QuestionCommand | undefined {
  const [verb, what, ...rest] = action.split(":");
  const arg = rest.join(":");
  if (verb === "save" || verb === "refresh") return { verb };
  if (verb === "cond" && (what === "add" || what === "remove") && arg) return { verb, what, path: arg };
  if (verb === "opt" && (what === "add" || what === "remove" || what === "up" || what === "down")) {
    const [key, index] = arg.split(":");
    return key ? { verb, what, key, index: Number(index ?? 0) } : undefined;
  }
  if (verb === "child" && what === "add") return { verb, what, type: String(form.get("child.type") ?? "") };
  if (verb === "child" && what === "remove" && arg) return { verb, what, name: arg };
  return undefined;
}

/** Carries out a button that changes the page's state without saving (options, conditions). */
export function applyCommand(
  question: QuestionDraft,
  command: QuestionCommand,
  properties: Property[],
  blankOption: (n: number) => OptionDraft,
): QuestionDraft {
  if (command.verb === "cond") {
    const editors = [...properties.filter((p) => p.kind === "condition").map((p) => p.key), "prefill.filter"];
    const key = editors.find((k) => command.path === `p.${k}` || command.path.startsWith(`p.${k}.`));
    if (!key) return question;
    if (key === "prefill.filter") {
      const prefill = question.prefill as Record<string, unknown> | undefined;
      if (!prefill) return question;
      const filter = applyConditionCommand(prefill.filter as Condition | undefined, `p.${key}`, command.what, command.path);
      const { filter: _old, ...rest } = prefill;
      return { ...question, prefill: filter ? { ...rest, filter } : rest };
    }
    const next = applyConditionCommand(question[key] as Condition | undefined, `p.${key}`, command.what, command.path);
    const { [key]: _old, ...rest } = question;
    return (next ? { ...rest, [key]: next } : rest) as QuestionDraft;
  }
  if (command.verb === "opt") {
    const list = [...((question[command.key] as OptionDraft[] | undefined) ?? [])];
    const i = command.index;
    if (command.what === "add") list.push(blankOption(list.length + 1));
    if (command.what === "remove") list.splice(i, 1);
    if (command.what === "up" && i > 0) [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
    if (command.what === "down" && i < list.length - 1) [list[i], list[i + 1]] = [list[i + 1]!, list[i]!];
    return { ...question, [command.key]: list };
  }
  return question;
}

/** Option values that appear more than once (each is refused, with its place). */
export function duplicateOptionValues(list: unknown): number[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.flatMap((o, i) => {
    const value = (o as OptionDraft).value;
    if (seen.has(value)) return [i];
    seen.add(value);
    return [];
  });
}

/**
 * A definition given as text (an uploaded or pasted file, the "edit as JSON" view): parsed, checked against the
 * meta-schema, and every problem reported with its JSON path, its line and column in that text, and the step and
 * question it is in. Pure: the caller passes the prefill catalog (definitions.server.ts does).
 */
import { findNodeAtLocation, getLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { checkDefinition, type BindingCatalog, type FormDefinition } from "../form-engine/definition";
import { placeOf, type Place } from "./place";

/** Far more than any procedure needs (the largest shipped form is ~30 kB); refuses a pasted book before parsing it. */
export const MAX_DEFINITION_TEXT_LENGTH = 1_000_000;

export type TextPosition = { line: number; column: number };

export type TextProblem = Place &
  TextPosition & {
    /** syntax: not JSON (nothing else can be checked); schema: JSON, but not a definition madoguchi accepts. */
    kind: "syntax" | "schema";
    path: (string | number)[];
    /** In the meta-schema's (English, technical) words. */
    message: string;
    /** A syntax problem's kind (jsonc-parser's name, e.g. "CommaExpected", or "DuplicateKey", "TooLong"). */
    code?: string;
  };

export type DefinitionTextResult = { ok: true; definition: FormDefinition; json: unknown } | { ok: false; problems: TextProblem[] };

/** Line and column (both from 1; the column counts UTF-16 code units, as editors' JSON tooling does) of offsets. */
function positions(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

export const positionAt = (text: string, offset: number): TextPosition => positions(text)(offset);

/** The node at a path, or the nearest one above it that exists (a missing key is reported at its object). */
function nodeAt(root: Node, path: readonly (string | number)[]): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
    if (node) return node.parent?.type === "property" ? node.parent : node;
  }
  return root;
}

/** Where a path of a definition is in its text (for lint findings shown in the "edit as JSON" view). */
export function positionOfPath(text: string, path: readonly (string | number)[]): TextPosition | undefined {
  const root = parseTree(stripBom(text));
  return root ? positionAt(stripBom(text), nodeAt(root, path).offset) : undefined;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Keys given twice in one object: JSON.parse keeps the last silently, which is never what an author meant. */
function duplicateKeys(node: Node, out: Node[]) {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value as string | undefined;
      if (key === undefined) continue;
      if (seen.has(key)) out.push(property);
      seen.add(key);
    }
  }
  for (const child of node.children ?? []) duplicateKeys(child, out);
}

function syntaxProblems(text: string): { problems: TextProblem[]; root?: Node; json?: unknown } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = positions(text);
  const problem = (offset: number, code: string, message: string): TextProblem => ({
    kind: "syntax",
    path: getLocation(text, offset).path.filter((p) => p !== ""),
    ...at(offset),
    message,
    code,
  });
  // jsonc-parser recovers and goes on, so one slip can cause a few more: the first is the one to fix.
  if (errors.length > 0)
    return { problems: errors.map((e) => problem(e.offset, printParseErrorCode(e.error), `invalid JSON: ${printParseErrorCode(e.error)}`)) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // What jsonc-parser lets through and JSON does not (a control character in a string …).
    const offset = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
    return { problems: [problem(offset, "InvalidJson", `invalid JSON: ${(e as Error).message}`)] };
  }
  const duplicates: Node[] = [];
  if (root) duplicateKeys(root, duplicates);
  if (duplicates.length > 0) {
    return {
      problems: duplicates.map((p) => ({ ...problem(p.offset, "DuplicateKey", `duplicate key "${String(p.children?.[0]?.value)}"`), kind: "syntax" as const })),
    };
  }
  return { problems: [], root, json };
}

/**
 * Parses a definition file's text. Problems come in file order: JSON syntax first (then nothing else is checked),
 * else every meta-schema problem, each at the line of the node it is about (a missing key: its object).
 */
export function parseDefinitionText(input: string, catalog?: BindingCatalog): DefinitionTextResult {
  if (input.length > MAX_DEFINITION_TEXT_LENGTH) {
    return {
      ok: false,
      problems: [{ kind: "syntax", code: "TooLong", path: [], line: 1, column: 1, message: `longer than ${MAX_DEFINITION_TEXT_LENGTH} characters` }],
    };
  }
  const text = stripBom(input);
  const syntax = syntaxProblems(text);
  if (syntax.problems.length > 0 || !syntax.root) return { ok: false, problems: syntax.problems };
  const { root, json } = syntax;
  const checked = checkDefinition(json, catalog);
  if (checked.ok) return { ok: true, definition: checked.definition, json };
  const at = positions(text);
  const problems = checked.problems.map((p) => {
    const node = nodeAt(root, p.path);
    return { kind: "schema" as const, ...placeOf(json, p.path), path: p.path, ...at(node.offset), message: p.message, offset: node.offset };
  });
  return { ok: false, problems: problems.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...p }) => p) };
}

/** A problem in words for the administrator (admin.definitionText.*); show it with `admin.definitionText.at`. */
export function describeTextProblem(p: TextProblem): { key: string; params: Record<string, string | number> } {
  const at = { line: p.line, column: p.column, path: p.path.join(".") };
  if (p.kind === "syntax") return { key: `admin.definitionText.syntax.${p.code ?? "InvalidJson"}`, params: at };
  return { key: "admin.definitionText.schema", params: { ...at, detail: p.message } };
}

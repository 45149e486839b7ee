/**
 * Definitions as text and files: a new procedure, importing a file (upload or paste), the "edit as JSON" view,
 * exporting a version, and the diff between two editions. Every problem names its line, path and question.
 */
import { now } from "../../clock.server";
import { getDb } from "../../db.server";
import { localizeText, type LocalizedText } from "../../form-engine/localized";
import { DEFINITION_FORM, readFormBody } from "../../security/form-body.server";
import { MAX_DEFINITION_TEXT_LENGTH, parseDefinitionText, positionOfPath, type TextProblem } from "../../procedures/definition-text";
import { describeChanges, jsonDiff } from "../../procedures/diff";
import {
  createProcedure,
  exportVersion,
  getFormDraft,
  importDefinition,
  LifecycleError,
  saveFormDraft,
  startEditing,
  type AdminActor,
} from "../../procedures/lifecycle.server";
import { checkForPublish } from "../../procedures/publish-check.server";
import { definitionCatalog, parseDefinition } from "../../procedures/definitions.server";
import { getFormVersion, publicationInEffect } from "../../procedures/store.server";
import { versionChoices, type InputProblem } from "./procedures.server";

export { MAX_DEFINITION_TEXT_LENGTH };

/** A problem in a definition's text as the pages list it: where (line, column, path, question) and what. */
export type PlacedProblem = {
  severity: "error" | "warning";
  line?: number;
  column?: number;
  path: string;
  stepId?: string;
  question?: string;
  /** Either a translated finding (key) or the meta-schema's own technical words (text). */
  message: { key: string; params?: Record<string, string | number> } | { text: string; syntax?: string };
};

const pathText = (path: readonly (string | number)[]) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

const fromTextProblem = (p: TextProblem): PlacedProblem => ({
  severity: "error",
  line: p.line,
  column: p.column,
  path: pathText(p.path),
  stepId: p.stepId,
  question: p.question ?? p.fieldName,
  message: p.kind === "syntax" ? { text: p.message, syntax: p.code } : { text: p.message },
});

const parseText = (text: string) => parseDefinitionText(text, definitionCatalog);

// ── a new procedure ────────────────────────────────────────────────────────────────────────────────────────────

export function createNewProcedure(
  input: { formId: string; title: string },
  actor: AdminActor,
): { ok: true; formId: string } | { ok: false; problems: InputProblem[] } {
  const formId = input.formId.normalize("NFKC").trim();
  const title = input.title.normalize("NFKC").trim();
  const problems: InputProblem[] = [];
  if (!formId) problems.push({ target: "formId", message: { key: "admin.forms.new.errors.idMissing" } });
  else if (!/^[a-z][a-z0-9-]{1,39}$/.test(formId)) problems.push({ target: "formId", message: { key: "admin.forms.errors.idInvalid" } });
  if (!title) problems.push({ target: "title", message: { key: "admin.forms.new.errors.titleMissing" } });
  else if (title.length > 100) problems.push({ target: "title", message: { key: "admin.forms.new.errors.titleTooLong" } });
  if (problems.length) return { ok: false, problems };
  try {
    createProcedure({ formId, title }, actor, now());
  } catch (error) {
    if (error instanceof LifecycleError) return { ok: false, problems: [{ target: "formId", message: { key: `admin.forms.errors.${error.code}` } }] };
    throw error;
  }
  return { ok: true, formId };
}

// ── import ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The import form's post: an uploaded file, or else the pasted text. More than the limit is refused before it is read
 * whole (a part larger than the limit stops the upload).
 */
export async function readDefinitionPost(request: Request): Promise<{ text: string; tooLarge: boolean }> {
  const form = await readFormBody(request, DEFINITION_FORM);
  const file = form.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_DEFINITION_TEXT_LENGTH) return { text: "", tooLarge: true };
    return { text: await file.text(), tooLarge: false };
  }
  const pasted = String(form.get("text") ?? "");
  return { text: pasted, tooLarge: pasted.length > MAX_DEFINITION_TEXT_LENGTH };
}

export type ImportOutcome =
  { ok: true; formId: string; created: boolean } | { ok: false; problem: "empty" | "tooLarge" | "idInvalid" | "invalid"; problems: PlacedProblem[] };

/**
 * A definition file's text becomes the working copy of the procedure it names, when it is JSON and a definition the
 * meta-schema accepts. Lint findings do not stop an import: they show on the procedure page and block publishing.
 */
export function importDefinitionText(text: string, actor: AdminActor): ImportOutcome {
  if (!text.trim()) return { ok: false, problem: "empty", problems: [] };
  if (text.length > MAX_DEFINITION_TEXT_LENGTH) return { ok: false, problem: "tooLarge", problems: [] };
  const parsed = parseText(text);
  if (!parsed.ok) return { ok: false, problem: "invalid", problems: parsed.problems.map(fromTextProblem) };
  try {
    return { ok: true, ...importDefinition(parsed.json, actor, now()) };
  } catch (error) {
    if (error instanceof LifecycleError) return { ok: false, problem: "idInvalid", problems: [] };
    throw error;
  }
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────────────────────

export function exportFile(formId: string, versionId: number): { filename: string; body: string } | undefined {
  const version = getFormVersion(versionId);
  const body = exportVersion(formId, versionId);
  if (!version || body === undefined) return undefined;
  return { filename: `${formId}-r${version.revision}.json`, body };
}

// ── edit as JSON ───────────────────────────────────────────────────────────────────────────────────────────────

const pretty = (json: unknown) => `${JSON.stringify(json, null, 2)}\n`;
/** What the hidden input says when the page showed a version because there was no working copy yet. */
const NO_WORKING_COPY = "none";

/** The JSON view: the working copy, or (none yet) the live or latest version it will be started from on save. */
export function jsonEditor(formId: string, lng: string) {
  const working = getFormDraft(formId);
  if (working) {
    return {
      formId,
      text: pretty(working.definition),
      expected: String(working.updatedAt.getTime()),
      title: titleOf(working.definition, lng) || formId,
      fromVersion: null,
    };
  }
  const live = publicationInEffect(formId)?.versionId;
  const versionId = live ?? versionChoices(formId).at(-1)?.id;
  const version = versionId ? getFormVersion(versionId) : undefined;
  if (!version) return undefined;
  return {
    formId,
    text: pretty(getRawVersion(formId, version.versionId)),
    expected: NO_WORKING_COPY,
    title: titleOf(version.definition, lng) || formId,
    fromVersion: version.revision,
  };
}

const titleOf = (definition: unknown, lng: string) => localizeText((definition as { title?: LocalizedText } | null)?.title, lng);
const getRawVersion = (formId: string, versionId: number) => versionChoices(formId).find((v) => v.id === versionId)!.definition;

export type JsonSaveOutcome =
  { ok: true; findings: PlacedProblem[] } | { ok: false; problem: "syntax" | "notObject" | "stale" | "tooLarge" | "idChanged"; problems: PlacedProblem[] };

/**
 * Saves the text as the working copy if it is a JSON object (nothing is saved on a syntax error). A save based on a
 * copy someone has changed meanwhile is refused. Returns what checking finds, each with its line and path.
 */
export function saveJsonText(formId: string, text: string, expected: string, actor: AdminActor): JsonSaveOutcome {
  if (text.length > MAX_DEFINITION_TEXT_LENGTH) return { ok: false, problem: "tooLarge", problems: [] };
  const parsed = parseText(text);
  if (!parsed.ok && parsed.problems.some((p) => p.kind === "syntax")) return { ok: false, problem: "syntax", problems: parsed.problems.map(fromTextProblem) };
  const json: unknown = parsed.ok ? parsed.json : JSON.parse(text.replace(/^\uFEFF/, ""));
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, problem: "notObject", problems: [] };
  // The id names the procedure: a different one would be another procedure's definition (import it instead).
  if ((json as { id?: unknown }).id !== formId) return { ok: false, problem: "idChanged", problems: [] };
  const at = now();
  try {
    // Looked at and written under the write lock: a working copy another administrator opened a moment ago (another
    // app server) makes this save stale, instead of this text being written over it.
    const stale = getDb().transaction(() => {
      if (expected !== NO_WORKING_COPY) {
        saveFormDraft(formId, json, actor, { expectedUpdatedAt: Number(expected), action: "procedure.editJson" }, at);
        return false;
      }
      if (getFormDraft(formId)) return true;
      startEditing(formId, actor, undefined, at);
      saveFormDraft(formId, json, actor, { action: "procedure.editJson" }, at);
      return false;
    });
    if (stale) return { ok: false, problem: "stale", problems: [] };
  } catch (error) {
    if (error instanceof LifecycleError)
      return { ok: false, problem: error.code === "stale" || error.code === "noDraft" ? "stale" : "notObject", problems: [] };
    throw error;
  }
  if (!parsed.ok) return { ok: true, findings: parsed.problems.map(fromTextProblem) };
  const findings = checkForPublish(json).map<PlacedProblem>((f) => ({
    severity: f.severity,
    ...(f.line ? { line: f.line, column: f.column } : positionOfPath(text, f.path)),
    path: pathText(f.path),
    stepId: f.stepId,
    question: f.fieldName,
    message: f.message,
  }));
  return { ok: true, findings };
}

// ── diff ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** `draft`, or a version's id: what the diff page compares. */
function editionOf(formId: string, ref: string | null) {
  if (ref === "draft") {
    const working = getFormDraft(formId);
    return working ? { ref, revision: null, definition: working.definition } : undefined;
  }
  if (!ref || !/^\d{1,12}$/.test(ref)) return undefined;
  const version = versionChoices(formId).find((v) => v.id === Number(ref));
  return version ? { ref, revision: version.revision, definition: version.definition } : undefined;
}

/**
 * The changes between two editions, in words and as JSON. Without `from`, the live version; without `to`, the
 * working copy (or the newest version).
 */
export function diffPage(formId: string, fromRef: string | null, toRef: string | null, lng: string) {
  const versions = versionChoices(formId);
  const working = getFormDraft(formId);
  if (!versions.length && !working) return undefined;
  const live = publicationInEffect(formId)?.versionId;
  const from = editionOf(formId, fromRef ?? (live ? String(live) : versions[0] ? String(versions[0].id) : "draft"));
  const to = editionOf(formId, toRef ?? (working ? "draft" : String(versions.at(-1)!.id)));
  const choices = [
    ...versions.map((v) => ({ ref: String(v.id), revision: v.revision as number | null })),
    ...(working ? [{ ref: "draft", revision: null }] : []),
  ];
  const title = titleOf(working?.definition ?? versions.at(-1)?.definition, lng) || formId;
  if (!from || !to) return { formId, title, choices, from: fromRef, to: toRef, found: false as const };
  return {
    formId,
    title,
    choices,
    from: from.ref,
    to: to.ref,
    fromRevision: from.revision,
    toRevision: to.revision,
    found: true as const,
    // In words only between definitions that parse (a working copy may not yet); as JSON always.
    changes: changesInWords(from.definition, to.definition),
    hunks: jsonDiff(from.definition, to.definition),
  };
}

function changesInWords(before: unknown, after: unknown) {
  const a = parseDefinition(before);
  const b = parseDefinition(after);
  return a.ok && b.ok ? describeChanges(a.definition, b.definition) : null;
}

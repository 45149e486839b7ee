/**
 * The administrator's catalogue and procedure page: what the store holds, shaped for the pages, and every command of
 * the procedure page (publish, schedule, cancel, retire, roll back, edit from a version, discard). Routes parse the
 * request and map the outcome; every change goes through lifecycle.server.ts, which audits it.
 */
import { languageCodes } from "../../i18n/languages.server";
import { translationCoverage } from "../../procedures/translations.server";
import { and, asc, desc, eq } from "drizzle-orm";
import { auditLog, formVersions, staffUsers } from "../../../db/schema";
import { now } from "../../clock.server";
import { getDb } from "../../db.server";
import { localizeText, type LocalizedText } from "../../form-engine/localized";
import { formatDateTime } from "../../i18n/dates";
import type { Finding } from "../../procedures/findings";
import {
  cancelScheduled,
  discardFormDraft,
  getFormDraft,
  LifecycleError,
  listCatalogue,
  publicationHistory,
  publishFormDraft,
  publishVersion,
  retireProcedure,
  startEditing,
  type AdminActor,
  type CatalogueEntry,
} from "../../procedures/lifecycle.server";
import { checkForPublish } from "../../procedures/publish-check.server";
import { parseJstDateTime, type ScheduleInput } from "./schedule";

/** A message for the page: an i18n key and its parameters (the component translates). */
export type Message = { key: string; params?: Record<string, string | number> };
/** A problem tied to an input (the error summary links to `target`). */
export type InputProblem = { target: string; message: Message };

const titleText = (title: unknown, lng: string) => localizeText(title as LocalizedText | undefined, lng);
const labelOf = (definition: unknown) => {
  const v = (definition as { version?: unknown } | null)?.version;
  return typeof v === "string" ? v : undefined;
};

function staffNames() {
  return new Map(
    getDb()
      .select({ id: staffUsers.id, name: staffUsers.displayName })
      .from(staffUsers)
      .all()
      .map((s) => [s.id, s.name]),
  );
}

/** Authors and the author's own version label (the definition's `version`) of every frozen version of procedures. */
function versionDetails(formId?: string) {
  const names = staffNames();
  const rows = getDb()
    .select({ id: formVersions.id, definition: formVersions.definition, createdBy: formVersions.createdBy })
    .from(formVersions)
    .where(formId ? eq(formVersions.formId, formId) : undefined)
    .all();
  return new Map(rows.map((r) => [r.id, { label: labelOf(r.definition), author: r.createdBy ? (names.get(r.createdBy) ?? r.createdBy) : null }]));
}

/** The catalogue (/admin/forms): one row per procedure, times as the city's clock shows them. */
export function catalogue(lng: string, at: Date = now()) {
  const details = versionDetails();
  return listCatalogue(at).map((e) => ({
    formId: e.formId,
    title: titleText(e.title, lng) || e.formId,
    state: e.state,
    live: e.live ? { revision: e.live.revision, label: details.get(e.live.versionId)?.label, since: formatDateTime(e.live.since, lng) } : null,
    scheduled: e.scheduled.map((s) => ({ revision: s.revision, at: formatDateTime(s.effectiveAt, lng) })),
    hasWorkingCopy: e.hasWorkingCopy,
    lastChange: e.lastChange ? { at: formatDateTime(e.lastChange.at, lng), by: e.lastChange.by } : null,
    versions: e.versions
      .filter((v) => v.openDrafts > 0 || v.submissions > 0)
      .map((v) => ({ revision: v.revision, openDrafts: v.openDrafts, submissions: v.submissions })),
  }));
}

const groupFindings = (findings: Finding[]) => ({
  errors: findings.filter((f) => f.severity === "error"),
  warnings: findings.filter((f) => f.severity === "warning"),
});

/** The procedure's audit entries, newest first: who, when, what, which version. */
function auditEntries(formId: string, lng: string) {
  const names = staffNames();
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "procedure"), eq(auditLog.subjectId, formId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(100)
    .all()
    .map((a) => {
      const details = a.details ?? {};
      const revision = typeof details.revision === "number" ? details.revision : typeof details.fromVersion === "number" ? details.fromVersion : null;
      return {
        id: a.id,
        at: formatDateTime(a.at, lng),
        by: a.actorId ? (names.get(a.actorId) ?? a.actorId) : null,
        action: a.action.replace(/^procedure\./, ""),
        revision,
        effectiveAt: typeof details.effectiveAt === "string" ? formatDateTime(details.effectiveAt, lng) : null,
      };
    });
}

/** Everything the procedure page shows; undefined for a procedure nobody knows. */
export function procedurePage(formId: string, lng: string, at: Date = now()) {
  const entry: CatalogueEntry | undefined = listCatalogue(at).find((e) => e.formId === formId);
  if (!entry) return undefined;
  const details = versionDetails(formId);
  const working = getFormDraft(formId);
  const liveVersionId = entry.live?.versionId;
  return {
    formId,
    title: titleText(entry.title, lng) || formId,
    state: entry.state,
    live: entry.live ? { versionId: entry.live.versionId, revision: entry.live.revision, since: formatDateTime(entry.live.since, lng) } : null,
    scheduled: entry.scheduled.map((s) => ({ publicationId: s.publicationId, revision: s.revision, at: formatDateTime(s.effectiveAt, lng) })),
    workingCopy: working
      ? {
          title: titleText((working.definition as { title?: unknown } | null)?.title, lng),
          label: labelOf(working.definition),
          origin: working.origin,
          basedOn: entry.versions.find((v) => v.versionId === working.basedOn)?.revision ?? null,
          updatedAt: formatDateTime(working.updatedAt, lng),
          updatedBy: working.updatedBy ? (staffNames().get(working.updatedBy) ?? working.updatedBy) : null,
          findings: groupFindings(checkForPublish(working.definition)),
        }
      : null,
    versions: entry.versions.map((v) => ({
      versionId: v.versionId,
      revision: v.revision,
      label: details.get(v.versionId)?.label,
      origin: v.origin,
      frozenAt: formatDateTime(v.frozenAt, lng),
      author: details.get(v.versionId)?.author ?? null,
      openDrafts: v.openDrafts,
      submissions: v.submissions,
      live: v.versionId === liveVersionId,
    })),
    history: publicationHistory(formId).map((p) => ({
      id: p.id,
      revision: p.revision,
      retirement: p.versionId === null,
      effectiveAt: formatDateTime(p.effectiveAt, lng),
      by: p.by,
      cancelled: Boolean(p.cancelledAt),
      pending: !p.cancelledAt && p.effectiveAt.getTime() > at.getTime(),
    })),
    audit: auditEntries(formId, lng),
    translations: coverageOf(formId, working?.definition, liveVersionId),
  };
}

/**
 * How far each language covers the procedure's resident texts: the working copy's if there is one (what will be
 * published), else the live version's, else the latest. Japanese is the source, so not listed.
 */
function coverageOf(formId: string, working: unknown, liveVersionId: number | null | undefined) {
  const versions = versionChoices(formId);
  const source = working ?? (versions.find((v) => v.id === liveVersionId) ?? versions.at(-1))?.definition;
  if (!source) return null;
  const of = working ? "working" : liveVersionId ? "live" : "latest";
  return {
    of,
    languages: translationCoverage(
      source,
      formId,
      languageCodes().filter((l) => l !== "ja"),
    ),
  };
}

export type ProcedureCommand =
  | { intent: "publish" }
  | { intent: "schedule"; when: ScheduleInput }
  | { intent: "discard" }
  | { intent: "publishVersion"; versionId: number }
  | { intent: "editFrom"; versionId: number }
  | { intent: "cancel"; publicationId: number }
  | { intent: "retire" }
  | { intent: "retireAt"; when: ScheduleInput };

/** A form post as a command, or null for anything else (a hostile or stale page). */
export function parseProcedureCommand(form: FormData): ProcedureCommand | null {
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 100);
  const id = (name: string) => (/^\d{1,12}$/.test(text(name)) ? Number(text(name)) : null);
  const when = { date: text("date"), time: text("time") };
  switch (text("intent")) {
    case "publish":
    case "discard":
    case "retire":
      return { intent: text("intent") as "publish" | "discard" | "retire" };
    case "schedule":
      return { intent: "schedule", when };
    case "retireAt":
      return { intent: "retireAt", when };
    case "publishVersion":
    case "editFrom": {
      const versionId = id("versionId");
      return versionId === null ? null : { intent: text("intent") as "publishVersion" | "editFrom", versionId };
    }
    case "cancel": {
      const publicationId = id("publicationId");
      return publicationId === null ? null : { intent: "cancel", publicationId };
    }
    default:
      return null;
  }
}

export type CommandOutcome =
  | { ok: true; done: ProcedureCommand["intent"]; goTo?: "edit" }
  | { ok: false; problems: InputProblem[]; /** the lifecycle's own words (meta-schema problems) */ details: string[] };

/** Errors of checkForPublish block publishing; their messages go with the refusal. Warnings do not block. */
export const publishCheck = (definition: unknown) =>
  checkForPublish(definition)
    .filter((f) => f.severity === "error")
    .map((f) => [f.path.join("."), String(f.message.params?.problem ?? f.message.key)].filter(Boolean).join(": "));

const lifecycleProblem = (error: LifecycleError, target: string): CommandOutcome => ({
  ok: false,
  problems: [{ target, message: { key: `admin.forms.errors.${error.code}` } }],
  details: error.problems,
});

const scheduleProblem = (problem: "missing" | "invalid" | "inPast", target: string): CommandOutcome => ({
  ok: false,
  problems: [{ target, message: { key: `admin.forms.schedule.${problem}` } }],
  details: [],
});

/** Carries out a command of the procedure page. A LifecycleError is a message for the administrator, never a 500. */
export function runProcedureCommand(formId: string, command: ProcedureCommand | null, actor: AdminActor, at: Date = now()): CommandOutcome {
  if (!command) return { ok: false, problems: [{ target: "main", message: { key: "admin.forms.errors.badRequest" } }], details: [] };
  // Where the error summary sends the administrator: the control that was used.
  const target = {
    publish: "publish-now",
    schedule: "schedule-date",
    discard: "discard",
    publishVersion: "versions-title",
    editFrom: "versions-title",
    cancel: "history-title",
    retire: "retire-now",
    retireAt: "retire-date",
  }[command.intent];
  try {
    switch (command.intent) {
      case "publish":
        publishFormDraft(formId, actor, { check: publishCheck }, at);
        break;
      case "schedule": {
        const when = parseJstDateTime(command.when, at);
        if (!when.ok) return scheduleProblem(when.problem, target);
        publishFormDraft(formId, actor, { effectiveAt: when.at, check: publishCheck }, at);
        break;
      }
      case "discard":
        discardFormDraft(formId, actor, at);
        break;
      case "publishVersion":
        publishVersion(formId, command.versionId, actor, {}, at);
        break;
      case "editFrom": {
        // startEditing returns an existing working copy as it is: starting from another version must not hide it,
        // nor one another administrator opened a moment ago (looked for and started under the write lock).
        const started = getDb().transaction(() => !getFormDraft(formId) && Boolean(startEditing(formId, actor, command.versionId, at)));
        if (!started) return { ok: false, problems: [{ target, message: { key: "admin.forms.errors.workingCopyExists" } }], details: [] };
        return { ok: true, done: command.intent, goTo: "edit" };
      }
      case "cancel":
        cancelScheduled(formId, command.publicationId, actor, at);
        break;
      case "retire":
        retireProcedure(formId, actor, {}, at);
        break;
      case "retireAt": {
        const when = parseJstDateTime(command.when, at);
        if (!when.ok) return scheduleProblem(when.problem, target);
        retireProcedure(formId, actor, { effectiveAt: when.at }, at);
        break;
      }
    }
  } catch (error) {
    if (error instanceof LifecycleError) return lifecycleProblem(error, target);
    throw error;
  }
  return { ok: true, done: command.intent };
}

/** For the retire confirmation page: how many residents are part way through, per version. */
export function retirementImpact(formId: string, at: Date = now()) {
  const entry = listCatalogue(at).find((e) => e.formId === formId);
  if (!entry) return undefined;
  return {
    state: entry.state,
    openDrafts: entry.versions.reduce((n, v) => n + v.openDrafts, 0),
  };
}

/** Versions of a procedure by id, oldest first (the diff page's menus). */
export function versionChoices(formId: string) {
  return getDb()
    .select({ id: formVersions.id, revision: formVersions.revision, definition: formVersions.definition })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.revision))
    .all();
}

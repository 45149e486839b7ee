/**
 * An administrator previews a procedure as a resident sees it (issue 11 point 4): the working copy or any version,
 * with or without a chosen resident's records as prefill. The answers live in form_previews, owned by the
 * administrator; the step and check pages are the resident's (journey/ with a preview actor and a preview answers
 * store), so nothing here is ever a draft, a submission, an attachment or a publication.
 */
import { randomUUID } from "node:crypto";
import type { TFunction } from "i18next";
import { and, asc, eq, lt, or } from "drizzle-orm";
import { formPreviews, formVersions } from "../../../db/schema";
import { recordAudit } from "../../audit/audit.server";
import { renderPdf } from "../../backoffice/pdf-render.server";
import { now } from "../../clock.server";
import { getDb } from "../../db.server";
import type { FormDefinition } from "../../form-engine/definition";
import { pruneAnswers, type Answers } from "../../form-engine/engine";
import type { LocalizedText } from "../../form-engine/localized";
import type { AnswersState, AnswersStore } from "../../journey/answers-store.server";
import { journeyOf, type Actor, type Place } from "../../journey/journey";
import { resolvePrefill } from "../../prefill/prefill-sources.server";
import { provenanceOf } from "../../prefill/provenance";
import type { ResidentAccount } from "../../prefill/source";
import { parseDefinition } from "../../procedures/definitions.server";
import type { Finding } from "../../procedures/findings";
import { getFormDraft } from "../../procedures/lifecycle.server";
import { checkForPublish } from "../../procedures/publish-check.server";
import { publicationInEffect } from "../../procedures/store.server";
import { receiveUploadsInto, type FileKeeper } from "../../submissions/attachments.server";
import {
  formatAddress,
  fullName,
  getPendingMover,
  getRegistryPerson,
  listPendingMovers,
  listRegistryPersons,
  previousAddressOf,
} from "../../residents/resident-records.server";
import { previewPlacePath } from "./paths";
import type { BannerData } from "./preview-banner";

export type AdminActor = { staffId: string };
export type PreviewSource = { kind: "working" } | { kind: "version"; versionId: number };

/** A preview not touched for a day is removed when anyone starts one; an administrator has one per procedure. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A resident whose records may prefill a preview, named as the demo sign-in names them: `registry:<person id>` (住民記録)
 * or `move-in:<person id>` (転出証明書情報 of a pending move-in).
 */
export type ResidentChoice = { subject: string; name: string; birthDate: string; address: string; kind: "registry" | "move-in" };

export function listResidentChoices(): ResidentChoice[] {
  return [
    ...listRegistryPersons().map(({ person, household }) => ({
      subject: `registry:${person.id}`,
      name: fullName(person),
      birthDate: person.birthDate,
      address: formatAddress(household),
      kind: "registry" as const,
    })),
    ...listPendingMovers().map(({ person, moveIn }) => ({
      subject: `move-in:${person.id}`,
      name: fullName(person),
      birthDate: person.birthDate,
      address: formatAddress(previousAddressOf(moveIn)),
      kind: "move-in" as const,
    })),
  ];
}

/**
 * The resident account the prefill sources are asked for, as if that person had signed in. It is no account: its id
 * matches no kept profile, so only the city's records (本人確認情報, 住民記録, 転出証明書情報) fill the preview.
 */
function residentFor(subject: string): ResidentAccount | undefined {
  const [kind, id] = subject.split(":", 2);
  const base = {
    id: `preview:${subject}`,
    provider: "preview",
    subject,
    nameKana: null,
    address: null,
    language: null,
    createdAt: new Date(0),
    lastSignInAt: null,
  };
  if (kind === "registry" && id) {
    const row = getRegistryPerson(id);
    if (row)
      return { ...base, name: fullName(row.person), birthDate: row.person.birthDate, sex: row.person.sex, personId: row.person.id, moveInPersonId: null };
  }
  if (kind === "move-in" && id) {
    const row = getPendingMover(id);
    if (row)
      return { ...base, name: fullName(row.person), birthDate: row.person.birthDate, sex: row.person.sex, personId: null, moveInPersonId: row.person.id };
  }
  return undefined;
}

/** What the start page offers: the working copy (if any), every version (newest first, the live one marked), residents. */
export function previewChoices(formId: string, at: Date = now()) {
  const versions = getDb()
    .select({ versionId: formVersions.id, revision: formVersions.revision, frozenAt: formVersions.frozenAt, definition: formVersions.definition })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.revision))
    .all()
    .reverse();
  const working = getFormDraft(formId);
  if (!working && versions.length === 0) return undefined;
  const liveId = publicationInEffect(formId, at)?.versionId ?? null;
  const title = (working?.definition ?? versions[0]?.definition) as { title?: unknown } | undefined;
  return {
    procedureTitle: localizedOrId(title?.title, formId),
    workingCopy: working ? { updatedAt: working.updatedAt } : null,
    versions: versions.map(({ definition: _d, ...v }) => ({ ...v, live: v.versionId === liveId })),
    residents: listResidentChoices(),
  };
}

/** A title as the definition has it, or the procedure's id when a working copy has none (yet). */
function localizedOrId(title: unknown, formId: string): LocalizedText {
  return typeof title === "object" && title !== null && typeof (title as { ja?: unknown }).ja === "string" ? (title as LocalizedText) : { ja: formId };
}

export type StartOutcome =
  | { kind: "started"; previewId: string; place: Place }
  | { kind: "notFound" }
  /** The working copy is not a definition yet: what checking it found, to fix before previewing. */
  | { kind: "invalid"; findings: Finding[] }
  | { kind: "unknownResident" };

/**
 * Starts a preview: the definition is copied into it (the working copy may change meanwhile), the chosen resident's
 * records are resolved as for a real resident, and using them is audited. The administrator's earlier previews of the
 * procedure, and anyone's untouched for a day, are removed.
 */
export function startPreview(actor: AdminActor, formId: string, source: PreviewSource, residentSubject: string | null, at: Date = now()): StartOutcome {
  let json: unknown;
  let versionId: number | null = null;
  if (source.kind === "working") {
    const working = getFormDraft(formId);
    if (!working) return { kind: "notFound" };
    json = working.definition;
  } else {
    const row = getDb().select().from(formVersions).where(eq(formVersions.id, source.versionId)).get();
    if (!row || row.formId !== formId) return { kind: "notFound" };
    json = row.definition;
    versionId = row.id;
  }
  const parsed = parseDefinition(json);
  if (!parsed.ok) return { kind: "invalid", findings: checkForPublish(json) };
  const resident = residentSubject ? residentFor(residentSubject) : undefined;
  if (residentSubject && !resident) return { kind: "unknownResident" };
  const prefill = resident ? resolvePrefill(parsed.definition, resident) : {};
  const id = randomUUID();
  getDb().transaction((tx) => {
    tx.delete(formPreviews)
      .where(
        or(
          and(eq(formPreviews.staffUserId, actor.staffId), eq(formPreviews.formId, formId)),
          lt(formPreviews.updatedAt, new Date(at.getTime() - PREVIEW_TTL_MS)),
        ),
      )
      .run();
    tx.insert(formPreviews)
      .values({ id, staffUserId: actor.staffId, formId, versionId, definition: json, residentId: residentSubject, prefill, updatedAt: at })
      .run();
    // Staff looking at a person's records is audited, whatever for (here: a procedure's preview).
    if (resident)
      recordAudit(
        {
          actor: { role: "admin", id: actor.staffId },
          action: "preview.resident_records_used",
          subject: { type: "person", id: residentSubject! },
          details: { formId, previewId: id, fields: Object.keys(prefill) },
          at,
        },
        tx,
      );
  });
  return { kind: "started", previewId: id, place: journeyOf(parsed.definition, { answers: {}, completedSteps: [] }, previewActor(actor)).whereToContinue() };
}

const previewActor = (actor: AdminActor): Actor => ({ kind: "preview", staffId: actor.staffId });

type PreviewRow = typeof formPreviews.$inferSelect;

/** A file in a preview is checked like a resident's and described in the answers, but its content is not kept. */
function previewFiles(row: PreviewRow): FileKeeper {
  return {
    keep: (_def, file) => ({ id: `preview-${randomUUID()}`, name: file.name, type: file.type, size: file.bytes.length }),
    kept: (id) => findFile(row.answers, id),
  };
}

type Described = { id: string; name: string; type: string; size: number };
function findFile(value: unknown, id: string): Described | undefined {
  if (Array.isArray(value)) return value.map((v) => findFile(v, id)).find(Boolean);
  if (typeof value !== "object" || value === null) return undefined;
  const o = value as Record<string, unknown>;
  if (o.id === id && typeof o.name === "string" && typeof o.type === "string" && typeof o.size === "number") return o as Described;
  return Object.values(o)
    .map((v) => findFile(v, id))
    .find(Boolean);
}

function previewStore(row: PreviewRow, definition: FormDefinition): AnswersStore {
  const write = (set: Partial<PreviewRow>) =>
    getDb()
      .update(formPreviews)
      .set({ ...set, updatedAt: now() })
      .where(eq(formPreviews.id, row.id))
      .run();
  return {
    receiveUploads: (fields, received, raw) => receiveUploadsInto(previewFiles(row), fields, received, raw),
    saveWorkingValues(stepId, values) {
      write({ answers: { ...row.answers, ...values }, completedSteps: row.completedSteps.filter((id) => id !== stepId) });
    },
    // As a draft saves a step (submissions/drafts.server.ts saveStep): pruned answers, provenance of what changed.
    saveStep(stepId, values): AnswersState {
      const answers = pruneAnswers(definition, { ...row.answers, ...values });
      const completedSteps = [...new Set([...row.completedSteps, stepId])];
      const all = { ...row.provenance, ...provenanceOf(values, row.prefill) };
      const provenance = Object.fromEntries(Object.entries(all).filter(([name]) => name in answers));
      write({ answers, completedSteps, provenance });
      return { answers, completedSteps, prefill: row.prefill, provenance };
    },
  };
}

/**
 * The administrator's own preview, as the journey's step and check pages take it; undefined for another
 * administrator's preview, another procedure's, a removed one, or a definition that no longer parses.
 */
export function openPreview(actor: AdminActor, formId: string, previewId: string) {
  const row = getDb()
    .select()
    .from(formPreviews)
    .where(and(eq(formPreviews.id, previewId), eq(formPreviews.staffUserId, actor.staffId), eq(formPreviews.formId, formId)))
    .get();
  if (!row) return undefined;
  const parsed = parseDefinition(row.definition);
  if (!parsed.ok) return undefined;
  const definition = parsed.definition;
  const revision = row.versionId
    ? (getDb().select({ revision: formVersions.revision }).from(formVersions).where(eq(formVersions.id, row.versionId)).get()?.revision ?? null)
    : null;
  const banner: BannerData = { formId, previewId: row.id, versionId: row.versionId, revision, prefilled: row.residentId !== null };
  return {
    previewId: row.id,
    banner,
    form: { formId, definition },
    draft: { id: row.id, correctionOf: null, answers: row.answers, completedSteps: row.completedSteps, prefill: row.prefill, provenance: row.provenance },
    actor: previewActor(actor),
    store: previewStore(row, definition),
    placeUrl: (place: Place) => previewPlacePath(formId, row.id, place),
  };
}

export type PreviewContext = NonNullable<ReturnType<typeof openPreview>>;

/** The steps that apply to the preview's answers so far, and whether the check page is reachable (the overview's links). */
export function previewOutline(ctx: PreviewContext) {
  const journey = journeyOf(ctx.form.definition, ctx.draft, ctx.actor);
  return {
    steps: journey.steps.map((s) => ({ id: s.id, title: s.title, done: ctx.draft.completedSteps.includes(s.id) })),
    checkReady: journey.checkPage() === null,
    continueAt: journey.whereToContinue(),
  };
}

/**
 * The PDF staff would print for this submission, from the preview's answers, marked 見本 on every page; made in
 * memory and stored nowhere. Uploaded files are not kept in a preview, so none follow the form. Before every step
 * is done: where to continue instead.
 */
export async function samplePdf(ctx: PreviewContext, t: TFunction): Promise<{ pdf: Uint8Array } | { goTo: Place }> {
  const open = journeyOf(ctx.form.definition, ctx.draft, ctx.actor).checkPage();
  if (open) return { goTo: open };
  const answers: Answers = ctx.draft.answers;
  const pdf = await renderPdf([{ definition: ctx.form.definition, answers, receiptNumber: t("pdf.sample"), submittedAt: now(), sample: true }], "ja");
  return { pdf };
}

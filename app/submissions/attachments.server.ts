import { createHash, randomUUID } from "node:crypto";
import { eq, getTableColumns, inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { attachments, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { readFormBody, UPLOAD_FORM } from "../security/form-body.server";
import { allow, tooManyRequests } from "../security/throttle.server";
import { makeUploadSafe } from "./upload-safety.server";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import type { FileAnswer, RejectedFile } from "../form-engine/fields/file";
import { getFieldType } from "../form-engine/field-types";
import { formOfDraft, type Draft } from "./drafts.server";

export type ReceivedForm = { form: FormData; tooLarge: boolean };

/**
 * Reads a step's post (readFormBody). A multipart post over the limits comes back as "too large" for every upload of
 * the step, so the resident reads the field's own message beside it rather than an error page.
 */
export async function readStepForm(request: Request, { throttleAddress }: { throttleAddress?: string } = {}): Promise<ReceivedForm> {
  if (!request.headers.get("Content-Type")?.toLowerCase().startsWith("multipart/form-data")) return { form: await readFormBody(request), tooLarge: false };
  let form: FormData;
  try {
    form = await readFormBody(request, UPLOAD_FORM);
  } catch (error) {
    if (error instanceof Response && error.status === 413) return { form: new FormData(), tooLarge: true };
    throw error;
  }
  // A resident's files count against their address's allowance (throttle.server.ts); a clerk's do not.
  const sendsFiles = [...form.values()].some((v) => typeof v !== "string" && v.size > 0);
  if (throttleAddress && sendsFiles && !(await allow("uploads", throttleAddress))) throw tooManyRequests();
  return { form, tooLarge: false };
}

type Slot = { def: FieldDef; htmlName: string; place: (value: unknown) => void };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Where uploads go in a step's post: each upload field of the step, and each upload field inside every posted item
 * of a field made of items (a 就労証明書 per 保護者), with its form name and a setter for its answer.
 */
function uploadSlots(fields: FieldDef[], raw: Record<string, unknown>): Slot[] {
  return fields.flatMap((f): Slot[] => {
    const type = getFieldType(f.type);
    if (type.upload) return [{ def: f, htmlName: f.name, place: (v) => (raw[f.name] = v) }];
    const children = type.items?.fields(f).filter((c) => getFieldType(c.type).upload) ?? [];
    const posted = raw[f.name];
    if (children.length === 0 || !isRecord(posted)) return [];
    return Object.entries(posted).flatMap(([i, item]) =>
      /^\d{1,3}$/.test(i) && isRecord(item)
        ? children.map((c) => ({ def: c, htmlName: `${f.name}[${i}][${c.name}]`, place: (v: unknown) => (item[c.name] = v) }))
        : [],
    );
  });
}

/**
 * For each upload of the step (see uploadSlots): a new file is checked by its content (magic bytes, not its name or
 * the type the browser claims) and its size, then stored with the draft; a file already kept stays when the page says
 * so. The answer placed in `raw` is what the server received and checked, never what was posted in its place: a
 * descriptor, a list of them (`multiple`), or a rejection the field type turns into a message.
 */
export async function receiveUploads(draft: Draft, fields: FieldDef[], received: ReceivedForm, raw: Record<string, unknown>): Promise<void> {
  return receiveUploadsInto(draftFiles(draft), fields, received, raw);
}

/**
 * Where checked files go: a draft keeps them as its attachments; an administrator's preview keeps none (it only
 * needs the descriptor, so the journey goes on as it would for a resident).
 */
export type FileKeeper = {
  keep(def: FieldDef, file: { name: string; type: string; bytes: Buffer }): FileAnswer;
  kept(id: string): FileAnswer | undefined;
};

const draftFiles = (draft: Draft): FileKeeper => ({ keep: (def, file) => storeFile(draft, def, file), kept: (id) => keptAttachment(draft, id) });

/** receiveUploads with another keeper of the files (a preview). */
export async function receiveUploadsInto(keeper: FileKeeper, fields: FieldDef[], received: ReceivedForm, raw: Record<string, unknown>): Promise<void> {
  for (const slot of uploadSlots(fields, raw)) slot.place(await receiveSlot(keeper, slot, received));
}

async function receiveSlot(keeper: FileKeeper, { def, htmlName }: Slot, received: ReceivedForm): Promise<unknown> {
  const multiple = def.multiple === true;
  if (received.tooLarge) {
    const rejected = { rejected: "size", name: "" } satisfies RejectedFile;
    return multiple ? [rejected] : rejected;
  }
  const chosen = received.form.getAll(htmlName).filter((f): f is File => f instanceof File && f.size > 0);
  if (!multiple) {
    if (chosen[0]) return checkFile(keeper, def, chosen[0]);
    const keep = received.form.get(`${htmlName}[keep]`);
    return (typeof keep === "string" && keeper.kept(keep)) || "";
  }
  const maxFiles = def.maxFiles as number;
  const keepIds = [...new Set(received.form.getAll(`${htmlName}[keep][]`).filter((v): v is string => typeof v === "string"))];
  const out: unknown[] = keepIds.flatMap((id) => keeper.kept(id) ?? []).slice(0, maxFiles);
  for (const file of chosen) {
    // More files than allowed are not stored; one rejection says so.
    if (out.length >= maxFiles) {
      out.push({ rejected: "count", name: file.name } satisfies RejectedFile);
      break;
    }
    out.push(await checkFile(keeper, def, file));
  }
  return out;
}

async function checkFile(keeper: FileKeeper, def: FieldDef, file: File): Promise<FileAnswer | RejectedFile> {
  const accept = def.accept as string[];
  const maxBytes = (def.maxSizeMB as number) * 1024 * 1024;
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !accept.includes(detected.mime)) return { rejected: "type", name: file.name };
  if (bytes.length > maxBytes) return { rejected: "size", name: file.name };
  const safe = await makeUploadSafe(bytes, detected.mime);
  if (!safe.ok) return { rejected: safe.reason, name: file.name };
  return keeper.keep(def, { name: file.name.slice(0, 200), type: detected.mime, bytes: safe.bytes });
}

function storeFile(draft: Draft, def: FieldDef, file: { name: string; type: string; bytes: Buffer }): FileAnswer {
  const id = randomUUID();
  getDb()
    .insert(attachments)
    .values({
      id,
      draftId: draft.id,
      fieldName: def.name,
      fileName: file.name,
      contentType: file.type,
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      data: file.bytes,
    })
    .run();
  return { id, name: file.name, type: file.type, size: file.bytes.length };
}

/** A file already given may stay: one uploaded with this draft, or, when correcting, one of the submission's. */
function keptAttachment(draft: Draft, id: string): FileAnswer | undefined {
  const db = getDb();
  const row = db
    .select({ id: attachments.id, draftId: attachments.draftId, name: attachments.fileName, type: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.id, id))
    .get();
  if (!row) return undefined;
  const descriptor = { id: row.id, name: row.name, type: row.type, size: row.size };
  if (row.draftId === draft.id) return descriptor;
  if (!draft.correctionOf) return undefined;
  const submission = db.select().from(submissions).where(eq(submissions.id, draft.correctionOf)).get();
  return submission && fileIdsOf(formOfDraft(draft).definition, submission.answers).includes(id) ? descriptor : undefined;
}

/** The files of a set of answers, wherever their upload fields are (on a step, or in each item of a group). */
type StoredFile = Extract<FileAnswer, { id: string }>;

function filesIn(fields: FieldDef[], answers: Answers): StoredFile[] {
  return fields.flatMap((f) => {
    const type = getFieldType(f.type);
    if (type.upload) {
      const value = answers[f.name];
      return (Array.isArray(value) ? value : [value]).filter((a): a is StoredFile => typeof a === "object" && a !== null && "id" in a);
    }
    const items = type.items;
    return items ? items.included(answers[f.name]).flatMap(({ item }) => filesIn(items.fields(f), item)) : [];
  });
}

/** The files a set of answers refers to, by the definition's upload fields. */
export function fileIdsOf(definition: FormDefinition, answers: Answers): string[] {
  return filesIn(
    definition.steps.flatMap((step) => step.fields),
    answers,
  ).map((a) => a.id);
}

export type AttachmentInfo = Omit<typeof attachments.$inferSelect, "data">;

/** The files of a submission (its current answers and earlier revisions'), without their content. */
export function attachmentsOf(definition: FormDefinition, answerSets: Answers[]): AttachmentInfo[] {
  const ids = [...new Set(answerSets.flatMap((a) => fileIdsOf(definition, a)))];
  if (ids.length === 0) return [];
  const { data: _data, ...columns } = getTableColumns(attachments);
  return getDb().select(columns).from(attachments).where(inArray(attachments.id, ids)).all();
}

/** The files of a set of answers with their content (for the PDF), in one query. */
export function attachmentFilesOf(definition: FormDefinition, answers: Answers) {
  const ids = fileIdsOf(definition, answers);
  return ids.length ? getDb().select().from(attachments).where(inArray(attachments.id, ids)).all() : [];
}

export function attachmentContent(id: string) {
  return getDb().select().from(attachments).where(eq(attachments.id, id)).get();
}

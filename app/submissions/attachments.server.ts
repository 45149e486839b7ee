import { createHash, randomUUID } from "node:crypto";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { attachments, submissions } from "../../db/schema";
import { getDb } from "../db.server";
import type { FieldDef, FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import type { FileAnswer, RejectedFile } from "../form-engine/fields/file";
import { getFieldType } from "../form-engine/field-types";
import { formOfDraft, type Draft } from "./drafts.server";

/** The largest upload any field may allow; each field then applies its own, smaller limit. */
const MAX_PART_BYTES = 20 * 1024 * 1024;

export type ReceivedForm = { form: FormData; tooLarge: boolean };

/** Reads a step's post; multipart bodies keep their files in memory up to the global limit. */
export async function readStepForm(request: Request): Promise<ReceivedForm> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return { form: await request.formData(), tooLarge: false };
  try {
    return { form: await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_PART_BYTES })), tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { form: new FormData(), tooLarge: true };
    throw error;
  }
}

/**
 * For each upload field of the step: a new file is checked by its content (magic bytes, not its name or the type
 * the browser claims) and its size, then stored with the draft; with no new file, the one already kept stays.
 * Returns the answers to validate (a descriptor, or a rejection the field type turns into a message).
 */
export async function receiveUploads(draft: Draft, fields: FieldDef[], received: ReceivedForm): Promise<Answers> {
  const out: Answers = {};
  for (const def of fields) {
    if (!getFieldType(def.type).upload) continue;
    const accept = def.accept as string[];
    const maxBytes = (def.maxSizeMB as number) * 1024 * 1024;
    const file = received.form.get(def.name);
    if (received.tooLarge) {
      out[def.name] = { rejected: "size", name: "" } satisfies RejectedFile;
      continue;
    }
    if (file instanceof File && file.size > 0) {
      const bytes = Buffer.from(await file.arrayBuffer());
      const detected = await fileTypeFromBuffer(bytes);
      if (!detected || !accept.includes(detected.mime)) {
        out[def.name] = { rejected: "type", name: file.name } satisfies RejectedFile;
      } else if (bytes.length > maxBytes) {
        out[def.name] = { rejected: "size", name: file.name } satisfies RejectedFile;
      } else {
        const id = randomUUID();
        getDb()
          .insert(attachments)
          .values({
            id,
            draftId: draft.id,
            fieldName: def.name,
            fileName: file.name.slice(0, 200),
            contentType: detected.mime,
            size: bytes.length,
            sha256: createHash("sha256").update(bytes).digest("hex"),
            data: bytes,
          })
          .run();
        out[def.name] = { id, name: file.name.slice(0, 200), type: detected.mime, size: bytes.length } satisfies FileAnswer;
      }
      continue;
    }
    const keep = received.form.get(`${def.name}[keep]`);
    const kept = draft.answers[def.name] as FileAnswer | undefined;
    if (typeof keep === "string" && kept && "id" in kept && kept.id === keep && keepsAttachment(draft, keep)) out[def.name] = kept;
  }
  return out;
}

/** A file already given may stay: one uploaded with this draft, or, when correcting, one of the submission's. */
function keepsAttachment(draft: Draft, id: string) {
  const db = getDb();
  if (
    db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.id, id), eq(attachments.draftId, draft.id)))
      .get()
  )
    return true;
  if (!draft.correctionOf) return false;
  const submission = db.select().from(submissions).where(eq(submissions.id, draft.correctionOf)).get();
  return Boolean(submission && fileIdsOf(formOfDraft(draft).definition, submission.answers).includes(id));
}

/** The files a set of answers refers to, by the definition's upload fields. */
export function fileIdsOf(definition: FormDefinition, answers: Answers): string[] {
  return definition.steps
    .flatMap((step) => step.fields)
    .filter((f) => getFieldType(f.type).upload)
    .map((f) => answers[f.name] as FileAnswer | undefined)
    .flatMap((a) => (a && "id" in a ? [a.id] : []));
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

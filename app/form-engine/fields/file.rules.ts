/** The rules of the file field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { type FileAnswer, type RejectedFile, entries, fileView } from "./file";

/** A PDF with more pages is refused at upload (the server checks, app/submissions/upload-safety.server.ts). */
export const MAX_PDF_PAGES = 50;

export const UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

const definition = z
  .object({
    ...baseField,
    type: z.literal("file"),
    /** Allowed types, checked against the file's content (not its name). */
    accept: z
      .array(z.enum(UPLOAD_TYPES))
      .min(1)
      .default([...UPLOAD_TYPES]),
    maxSizeMB: z.number().positive().max(20).default(5),
    /** Several files (a 就労証明書 of several pages photographed one by one): the answer is a list. */
    multiple: z.boolean().default(false),
    /** With `multiple`: how many files at most (the server refuses more). */
    maxFiles: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export type FileDef = z.infer<typeof definition>;

/** The problem with one file, if any: its type or size. */
function fileProblem(v: unknown, def: FileDef): string | undefined {
  const file = v as FileAnswer | RejectedFile | { keep: string };
  if ("keep" in file) return undefined;
  if ("rejected" in file) {
    if (file.rejected === "count") return msg("validation.fileCount", { max: def.maxFiles });
    if (file.rejected === "dimensions") return msg("validation.fileDimensions");
    if (file.rejected === "pages") return msg("validation.filePages", { max: MAX_PDF_PAGES });
    if (file.rejected === "unreadable") return msg("validation.fileUnreadable");
    return file.rejected === "type" ? msg("validation.fileType") : msg("validation.fileSize", { max: def.maxSizeMB });
  }
  if (file.size > def.maxSizeMB * 1024 * 1024) return msg("validation.fileSize", { max: def.maxSizeMB });
  if ("id" in file && !def.accept.includes(file.type as (typeof UPLOAD_TYPES)[number])) return msg("validation.fileType");
  return undefined;
}

export const fileField = defineFieldType(fileView, {
  definition,
  requiredMessage: "validation.fileRequired",
  schema: (def) =>
    z.unknown().superRefine((v, ctx) => {
      const files = def.multiple ? entries(v) : [v];
      if (def.multiple && files.length > def.maxFiles) {
        ctx.addIssue({ code: "custom", message: msg("validation.fileCount", { max: def.maxFiles }) });
        return;
      }
      const problem = files.map((f) => fileProblem(f, def)).find(Boolean);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

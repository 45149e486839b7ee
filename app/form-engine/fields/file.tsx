import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";

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
  })
  .strict();

/** What an answer holds: the stored attachment, or what the browser is about to send. */
export type FileAnswer = { id: string; name: string; type: string; size: number } | { pending: true; name: string; type: string; size: number };
/** What the server puts in place of a file it refused. */
export type RejectedFile = { rejected: "type" | "size"; name: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * A file upload. The server receives the file (see attachments.server.ts), checks its real type from its first bytes
 * and its size, stores it, and hands this module a descriptor to validate and keep as the answer.
 */
export const fileField = defineFieldType<z.infer<typeof definition>>({
  type: "file",
  definition,
  upload: true,
  requiredMessage: "validation.fileRequired",
  hasValue: true,
  // `keep` is what the browser sees of a file already stored; the server replaces it with the stored descriptor.
  normalize: (raw) => (isObject(raw) && ("id" in raw || "pending" in raw || "rejected" in raw || "keep" in raw) ? raw : ""),
  isEmpty: (v) => !isObject(v),
  schema: (def) =>
    z.unknown().superRefine((v, ctx) => {
      const file = v as FileAnswer | RejectedFile | { keep: string };
      if ("keep" in file) return;
      if ("rejected" in file) {
        ctx.addIssue({
          code: "custom",
          message: file.rejected === "type" ? msg("validation.fileType") : msg("validation.fileSize", { max: def.maxSizeMB }),
        });
      } else if (file.size > def.maxSizeMB * 1024 * 1024) {
        ctx.addIssue({ code: "custom", message: msg("validation.fileSize", { max: def.maxSizeMB }) });
      } else if ("id" in file && !def.accept.includes(file.type as (typeof UPLOAD_TYPES)[number])) {
        ctx.addIssue({ code: "custom", message: msg("validation.fileType") });
      }
    }),
  format: (v) => (isObject(v) && typeof v.name === "string" ? `${v.name}（${Math.ceil(Number(v.size) / 1024)} KB）` : ""),
  Render: (props) => {
    const { def, id, name, value, error, t } = props;
    const stored = isObject(value) && typeof value.id === "string" ? (value as { id: string; name: string }) : null;
    return (
      <Field {...wrapperProps(props)}>
        {stored ? (
          <p className="field__hint" id={`${id}-current`}>
            {t("field.file.current", { name: stored.name })}
            <input type="hidden" name={`${name}[keep]`} value={stored.id} />
          </p>
        ) : null}
        <p className="field__hint" id={`${id}-rules`}>
          {t("field.file.rules", { types: def.accept.map((a) => t(`field.file.types.${a.replace("/", "_")}`)).join("・"), max: def.maxSizeMB })}
        </p>
        <input
          id={id}
          name={name}
          type="file"
          className="input input--file"
          accept={def.accept.join(",")}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, def.hint, error), `${id}-rules`, stored ? `${id}-current` : null].filter(Boolean).join(" ")}
        />
      </Field>
    );
  },
});

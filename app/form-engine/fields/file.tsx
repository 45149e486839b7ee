import { defineFieldView } from "../field-view";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { FileDef } from "./file.rules";

/** What an answer holds: the stored attachment, or what the browser is about to send. */
export type FileAnswer = { id: string; name: string; type: string; size: number } | { pending: true; name: string; type: string; size: number };
/** What the server puts in place of a file it refused. */
/** Why a file was not kept: its type, its size, one too many, too many pixels, too many pages, or it does not open. */
export type RejectedFile = { rejected: "type" | "size" | "count" | "dimensions" | "pages" | "unreadable"; name: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isEntry = (v: unknown) => isObject(v) && ("id" in v || "pending" in v || "rejected" in v || "keep" in v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]);

/**
 * The entries of a multiple-file answer: stored or checked descriptors, or what the browser posts (files kept with
 * their ids, and new files: `{ keep: [...], files: [...] }`, see read-form.ts).
 */
export function entries(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw.filter(isEntry);
  if (!isObject(raw)) return [];
  if (!("files" in raw) && !Array.isArray(raw.keep)) return isEntry(raw) ? [raw] : [];
  return [...list(raw.keep).map((id) => ({ keep: String(id) })), ...list(raw.files)].filter(isEntry);
}

const describe = (v: unknown) => (isObject(v) && typeof v.name === "string" ? `${v.name}（${Math.ceil(Number(v.size) / 1024)} KB）` : "");
const stored = (v: unknown) => (isObject(v) && typeof v.id === "string" ? [v as { id: string; name: string }] : []);

/**
 * A file upload. The server receives the file (see attachments.server.ts), checks its real type from its first bytes
 * and its size, stores it, and hands this module a descriptor to validate and keep as the answer.
 */
export const fileView = defineFieldView<FileDef>({
  type: "file",
  upload: true,
  hasValue: true,
  // `keep` is what the browser sees of a file already stored; the server replaces it with the stored descriptor.
  // A new file chosen next to a kept one replaces it (one file) or joins it (several).
  normalize: (raw, def) => {
    if (def.multiple) return entries(raw);
    if (isObject(raw) && Array.isArray(raw.files) && raw.files.length > 0) return raw.files[0];
    return isEntry(raw) ? raw : "";
  },
  isEmpty: (v) => (Array.isArray(v) ? v.length === 0 : !isObject(v)),
  format: (v, def) => (def.multiple ? entries(v).map(describe).filter(Boolean).join("、") : describe(v)),
  Render: (props) => {
    const { def, id, name, value, error, t } = props;
    const kept = def.multiple ? entries(value).flatMap(stored) : stored(value);
    const one = kept[0];
    return (
      <Field {...wrapperProps(props)}>
        {!def.multiple && one ? (
          <p className="field__hint" id={`${id}-current`}>
            {t("field.file.current", { name: one.name })}
            <input type="hidden" name={`${name}[keep]`} value={one.id} />
          </p>
        ) : null}
        {def.multiple && kept.length > 0 ? (
          // Files already given stay unless unticked (works without JavaScript: nothing to click but the checkbox).
          <ul className="plain-list" id={`${id}-current`} aria-label={t("field.file.kept")}>
            {kept.map((file, i) => (
              <li key={file.id} className="choice">
                <input type="checkbox" id={`${id}-keep-${i}`} name={`${name}[keep][]`} value={file.id} defaultChecked className="choice__input" />
                <label htmlFor={`${id}-keep-${i}`} className="choice__label">
                  {t("field.file.keep", { name: file.name })}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="field__hint" id={`${id}-rules`}>
          {t(def.multiple ? "field.file.rulesMultiple" : "field.file.rules", {
            types: def.accept.map((a) => t(`field.file.types.${a.replace("/", "_")}`)).join("・"),
            max: def.maxSizeMB,
            count: def.maxFiles,
          })}
        </p>
        <input
          id={id}
          name={name}
          type="file"
          multiple={def.multiple || undefined}
          className="input input--file"
          accept={def.accept.join(",")}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, def.hint, error), `${id}-rules`, !def.multiple && one ? `${id}-current` : null].filter(Boolean).join(" ")}
        />
      </Field>
    );
  },
});

/**
 * The builder pages' parts: a text in each declared language, the move buttons (a normal form without JavaScript; with
 * it, a fetcher that keeps focus on the button), the notice after an action, and the live preview beside the editor.
 */
import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, errorId } from "../../ui/field";
import { useLanguageName } from "../../ui/site-chrome";

/** The fetcher every builder form with JavaScript shares, so the page can show its notice and errors. */
export const BUILDER_FETCHER = "admin-builder";

export type FetchResult = { ok: true; done: string; focus?: string } | { ok: false; errors: { target?: string; message: string }[] };

/**
 * One text in every language the form declares: a fieldset whose legend names the text, one input per language.
 * Ids and names are `${id}-${lng}`, the targets of the error summary.
 */
export function LanguageInputs({
  id,
  label,
  hint,
  languages,
  values,
  errors,
  multiline = false,
  required = false,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  languages: string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  multiline?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset className="fieldset builder-texts" aria-describedby={hintId}>
      <legend className="field__label">
        {label} {required ? <span className="tag tag--required">{t("field.required")}</span> : <span className="tag">{t("field.optional")}</span>}
      </legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {languages.map((lng) => {
        const inputId = `${id}-${lng}`;
        const error = errors[inputId];
        const common = {
          id: inputId,
          name: inputId,
          defaultValue: values[lng] ?? "",
          lang: lng,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy(inputId, undefined, error),
        };
        return (
          <div className={`field builder-texts__language${error ? " field--error" : ""}`} key={lng}>
            <label className="field__label field__label--plain" htmlFor={inputId}>
              {languageName(lng)}
            </label>
            {error ? (
              <p id={errorId(inputId)} className="field__error">
                <span className="visually-hidden">{t("field.errorPrefix")}</span>
                {error}
              </p>
            ) : null}
            {multiline ? <textarea className="input textarea" rows={3} {...common} /> : <input className="input" type="text" {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The hidden fields every builder form sends: the command and the copy it was based on. */
export function Hidden({ intent, updatedAt, values = {} }: { intent: string; updatedAt: number; values?: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * A small builder form (move, remove). Without JavaScript it posts and the page comes back with a notice; with it, a
 * fetcher posts (`_fetch`), the page's data reloads and focus stays on the item's button.
 */
export function QuickForm({ children, label }: { children: ReactNode; label?: string }) {
  const fetcher = useFetcher<FetchResult>({ key: BUILDER_FETCHER });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("_fetch", "1");
    fetcher.submit(data, { method: "post" });
  };
  return (
    <Form method="post" className="builder-quick" onSubmit={onSubmit} aria-label={label}>
      {children}
    </Form>
  );
}

/**
 * After a fetcher's command: focus where the server says (the moved item's button), once its new place is rendered.
 * Returns the fetcher's result while it is the latest thing that happened (a page loaded since makes it old news).
 */
export function useFetcherFocus() {
  const fetcher = useFetcher<FetchResult>({ key: BUILDER_FETCHER });
  const location = useLocation();
  const stamp = useRef<{ data: unknown; key: string } | null>(null);
  if (fetcher.data && stamp.current?.data !== fetcher.data) stamp.current = { data: fetcher.data, key: location.key };
  const current = fetcher.state === "idle" && stamp.current?.key === location.key ? fetcher.data : undefined;
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!current || handled.current === current) return;
    handled.current = current;
    const target = current.ok ? current.focus : undefined;
    const element = (target && document.getElementById(target)) || (current.ok ? document.getElementById("builder-notice") : null);
    element?.focus();
  });
  return current;
}

/**
 * With JavaScript, after a full form post the root moves focus to main; the element the server marked (autofocus for
 * pages loaded without JavaScript) gets it back once that has run.
 */
export function useServerFocus(focus: string | undefined) {
  const location = useLocation();
  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => document.getElementById(focus)?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [focus, location.key]);
}

/** Marks the element the page was asked to focus (the server renders `autofocus`, so it works without JavaScript). */
export const focusProps = (id: string, focus: string | undefined) => (id === focus ? { autofocus: "" } : {});

/** The notice after an action; always in the page so that a screen reader hears a notice a fetcher brings. */
export function Notice({ text, focus }: { text?: string; focus?: string }) {
  return (
    <div role="status" className="builder-status">
      {text ? (
        <p className="notice" id="builder-notice" tabIndex={-1} {...focusProps("builder-notice", focus)}>
          {text}
        </p>
      ) : null}
    </div>
  );
}

const WIDE = "(min-width: 75rem)";

/**
 * The editor, with the preview beside it on a wide screen (≥ 1200 px) once JavaScript runs: an iframe of the preview
 * of the working copy, reloaded after every save. Without JavaScript or on a narrow screen, the preview is a link.
 */
export function BuilderLayout({ formId, updatedAt, children, previewPath }: { formId: string; updatedAt: number; previewPath?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  const src = previewPath ?? `/admin/forms/${formId}/preview`;
  return (
    <div className={`builder${wide ? " builder--with-preview" : ""}`}>
      <div className="builder__editor">{children}</div>
      {wide ? (
        <aside className="builder__preview" aria-labelledby="preview-title">
          <h2 id="preview-title" className="builder__preview-title">
            {t("admin.builder.preview.title")}
          </h2>
          <iframe key={updatedAt} className="builder__frame" src={src} title={t("admin.builder.preview.frameTitle")} />
        </aside>
      ) : null}
    </div>
  );
}

/** The notice for `?done=` (known keys only: the query string is the visitor's to change). */
export function noticeOf(t: (key: string) => string, done: string | null | undefined) {
  if (!done || !DONE.includes(done)) return undefined;
  return t(`admin.builder.done.${done}`);
}
const DONE = [
  "settings",
  "addStep",
  "moveStepUp",
  "moveStepDown",
  "removeStep",
  "editStep",
  "removeCondition",
  "stepCondition",
  "addQuestion",
  "moveQuestionUp",
  "moveQuestionDown",
  "moveQuestionTo",
  "removeQuestion",
];

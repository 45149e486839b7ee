import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { BaseField } from "../field-type";
import { localize } from "../localized";

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(id: string, def: BaseField, error?: string) {
  return [def.hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean).join(" ") || undefined;
}

/** Text from a definition; when it falls back to Japanese in another language, it says so with lang. */
export function Localized({ text, lng }: { text: Parameters<typeof localize>[0]; lng: string }) {
  const l = localize(text, lng);
  return l.lang === lng ? <>{l.text}</> : <span lang={l.lang}>{l.text}</span>;
}

export function RequiredTag({ required, t }: { required: boolean; t: TFunction }) {
  return <span className={required ? "tag tag--required" : "tag"}>{t(required ? "field.required" : "field.optional")}</span>;
}

function HintAndError({ id, def, error, lng, t }: { id: string; def: BaseField; error?: string; lng: string; t: TFunction }) {
  return (
    <>
      {def.hint ? (
        <p id={hintId(id)} className="field__hint">
          <Localized text={def.hint} lng={lng} />
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className="field__error">
          <span className="visually-hidden">{t("field.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
    </>
  );
}

type ShellProps = { id: string; def: BaseField; error?: string; required: boolean; lng: string; t: TFunction; children: ReactNode };

/** One input: label, hint, error, input. */
export function FieldShell({ id, def, error, required, lng, t, children, inputId }: ShellProps & { inputId: string }) {
  return (
    <div className={`field${error ? " field--error" : ""}`} id={`${id}-field`}>
      <label htmlFor={inputId} className="field__label">
        <Localized text={def.label} lng={lng} /> <RequiredTag required={required} t={t} />
      </label>
      <HintAndError id={id} def={def} error={error} lng={lng} t={t} />
      {children}
    </div>
  );
}

/** Several inputs answering one question (年/月/日, 姓/名, address parts, radios): fieldset and legend. */
export function FieldsetShell({ id, def, error, required, lng, t, children }: ShellProps) {
  return (
    <div className={`field${error ? " field--error" : ""}`} id={`${id}-field`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, def, error)}>
        <legend className="field__label">
          <Localized text={def.label} lng={lng} /> <RequiredTag required={required} t={t} />
        </legend>
        <HintAndError id={id} def={def} error={error} lng={lng} t={t} />
        {children}
      </fieldset>
    </div>
  );
}

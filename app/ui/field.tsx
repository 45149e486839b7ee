/**
 * The one set of field wrappers, for resident forms (the form engine's field types) and staff forms alike: label or
 * legend, 必須/任意 tag, hint, error, then the control. The hint and error have the ids `${id}-hint` and `${id}-error`
 * that the controls' aria-describedby name (describedBy).
 */
import type { TFunction } from "i18next";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { withRuby } from "../i18n/ruby";

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** What a control of the field is described by: its hint and its error, when it has them. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean).join(" ") || undefined;
}

export function RequiredTag({ required, t }: { required: boolean; t: TFunction }) {
  return <span className={required ? "tag tag--required" : "tag"}>{t(required ? "field.required" : "field.optional")}</span>;
}

/** A field with a 必須/任意 tag or an error needs `t`; staff filters have neither and leave all three out. */
type WrapperProps = {
  /** Prefix of the hint and error ids. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The id of the wrapper itself, for links to the question (the check page's 変更). */
  wrapperId?: string;
  children: ReactNode;
} & ({ required?: undefined; error?: undefined; t?: TFunction } | { required?: boolean; error?: string; t: TFunction });

function HintAndError({ id, hint, error, t }: { id: string; hint?: ReactNode; error?: string; t?: TFunction }) {
  return (
    <>
      {hint ? (
        <p id={hintId(id)} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className="field__error">
          <span className="visually-hidden">{t!("field.errorPrefix")}</span>
          {withRuby(error)}
        </p>
      ) : null}
    </>
  );
}

function Label({ label, required, t }: { label: ReactNode; required?: boolean; t?: TFunction }) {
  return (
    <>
      {label}
      {required === undefined ? null : (
        <>
          {" "}
          <RequiredTag required={required} t={t!} />
        </>
      )}
    </>
  );
}

/** One control (input, select, textarea): label, hint, error, control. `inputId` is the control's id (default `id`). */
export function Field({ id, inputId = id, label, hint, error, required, t, wrapperId, children }: WrapperProps & { inputId?: string }) {
  return (
    <div className={`field${error ? " field--error" : ""}`} id={wrapperId}>
      <label htmlFor={inputId} className="field__label">
        <Label label={label} required={required} t={t} />
      </label>
      <HintAndError id={id} hint={hint} error={error} t={t} />
      {children}
    </div>
  );
}

/** Several controls answering one question (年/月/日, 姓/名, address parts, radios): fieldset and legend. */
export function Fieldset({ id, label, hint, error, required, t, wrapperId, children }: WrapperProps) {
  return (
    <div className={`field${error ? " field--error" : ""}`} id={wrapperId}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="field__label">
          <Label label={label} required={required} t={t} />
        </legend>
        <HintAndError id={id} hint={hint} error={error} t={t} />
        {children}
      </fieldset>
    </div>
  );
}

type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "required">;

/** A text input in a Field, for forms outside the form engine (staff sign-in). */
export function TextField({ id, name, label, hint, error, required, className, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} hint={hint} error={error} required={Boolean(required)} t={t}>
      <input
        id={id}
        name={name}
        className={`input${className ? ` ${className}` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Field>
  );
}

type SelectFieldProps = Omit<WrapperProps, "required" | "error" | "t"> & {
  name: string;
  value: string;
  required: boolean;
  error?: string;
  t: TFunction;
  autoComplete?: string;
};

/**
 * A select in a Field, starting with an empty 「選んでください」 choice. Options are plain text (String()): an <option>
 * holds no markup, so a ruby text (やさしい日本語) gives its plain form there.
 */
export function SelectField({ id, name, value, label, hint, error, required, t, wrapperId, autoComplete, children }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} t={t} wrapperId={wrapperId}>
      <select
        id={id}
        name={name}
        className="input select"
        defaultValue={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        <option value="">{String(t("field.choose"))}</option>
        {children}
      </select>
    </Field>
  );
}

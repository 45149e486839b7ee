import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "required">;

/** Label, then hint, then error, then input; hint and error are tied to the input with aria-describedby. */
export function TextField({ id, name, label, hint, error, required, className, ...input }: Props) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}{" "}
        <span className={required ? "tag tag--required" : "tag"}>{t(required ? "field.required" : "field.optional")}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t("field.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className={`input${className ? ` ${className}` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
    </div>
  );
}

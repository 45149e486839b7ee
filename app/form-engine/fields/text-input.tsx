import type { HTMLAttributes } from "react";
import { type BaseField } from "../field-type";
import { personalToken, type RenderProps } from "../field-view";
import { describedBy, Field } from "../../ui/field";
import { wrapperProps } from "./shell";

type InputMode = HTMLAttributes<HTMLInputElement>["inputMode"];

/** The one-line input most field types render, with their own type, inputmode and autocomplete. */
export function TextInput<D extends BaseField & { autocomplete?: string }>(
  props: RenderProps<D> & {
    type?: string;
    inputMode?: InputMode;
    autoComplete?: string;
    width?: "short" | "medium";
    spellCheck?: boolean;
    autoCapitalize?: string;
  },
) {
  const { id, name, def, value, error, type = "text", inputMode, autoComplete, width, spellCheck, autoCapitalize } = props;
  return (
    <Field {...wrapperProps(props)}>
      <input
        id={id}
        name={name}
        type={type}
        className={`input${width ? ` input--${width}` : ""}`}
        defaultValue={typeof value === "string" || typeof value === "number" ? String(value) : ""}
        inputMode={inputMode}
        autoComplete={personalToken(props, def.autocomplete ?? autoComplete ?? "") || undefined}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, def.hint, error)}
      />
    </Field>
  );
}

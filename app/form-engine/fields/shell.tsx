/**
 * A field's wrapper props from its definition: the shared wrappers (ui/field.tsx) get the label and hint in the
 * page's language. The form engine has no wrapper components of its own.
 */
import type { BaseField } from "../field-type";
import { type RenderProps } from "../field-view";
import { withRuby } from "../../i18n/ruby";
import { localize } from "../localized";

/** Text from a definition; when it falls back to Japanese in another language, it says so with lang. */
export function Localized({ text, lng }: { text: Parameters<typeof localize>[0]; lng: string }) {
  const l = localize(text, lng);
  return l.lang === lng ? <>{withRuby(l.marked)}</> : <span lang={l.lang}>{l.text}</span>;
}

/** Props for Field / Fieldset; the wrapper is `${id}-field`, which the check page links to. */
export function wrapperProps({ id, def, error, required, lng, t }: Pick<RenderProps<BaseField>, "id" | "def" | "error" | "required" | "lng" | "t">) {
  return {
    id,
    label: <Localized text={def.label} lng={lng} />,
    hint: def.hint ? <Localized text={def.hint} lng={lng} /> : undefined,
    error,
    required,
    t,
    wrapperId: `${id}-field`,
  };
}

import { z } from "zod";
import { type Scope } from "./conditions";
import { condition } from "./conditions-schema";
import { localizedText } from "./localized-schema";
import { type LocalizedText } from "./localized";
import type { FieldView } from "./field-view";

/**
 * A binding to data the city already holds (ワンスオンリー). `confirm`: shown filled, the resident may change it
 * (the change is recorded). `fixed`: shown as text with how to get it corrected; the server refuses a change.
 * A repeating group binds to a list; `filter` picks items (e.g. children under 6), `map` names the item key each
 * of the group's fields takes.
 */
/** "source.path": which paths exist is checked against the registered prefill sources (see BindingCatalog). */
export const prefillPath = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+$/, "a prefill path is source.path");

export const prefillBinding = z
  .object({
    path: prefillPath,
    mode: z.enum(["confirm", "fixed"]).default("confirm"),
    filter: condition.optional(),
    map: z.record(z.string(), z.string()).optional(),
    /** The mark shown instead of the source's own ("転出予定日（転出証明書情報より）"), when the value is not what the label says. */
    mark: localizedText.optional(),
    /** The note shown under the mark instead of the source's generic one (what to check before continuing). */
    note: localizedText.optional(),
  })
  .strict();
export type PrefillBinding = z.infer<typeof prefillBinding>;

/** Properties every field definition has, whatever its type. */
export const baseField = {
  /** The answer's key: letters, digits and _, unique in its form (or its repeating group). */
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "a name is letters, digits and _, starting with a letter"),
  label: localizedText,
  hint: localizedText.optional(),
  /** Required unless said otherwise (GOV.UK: ask only what you need, and mark the optional). */
  required: z.boolean().default(true),
  /** Shown only when this holds; a hidden field's answer is dropped before validation and storage. */
  showIf: condition.optional(),
  /** Required only when this holds (on top of being shown). */
  requiredIf: condition.optional(),
  prefill: prefillBinding.optional(),
};

export type BaseField = z.infer<z.ZodObject<typeof baseField>>;

/** A field type: its view (field-view.ts) and what the server checks and computes. */
export interface FieldType<D extends BaseField & { type: string }> extends FieldView<D>, FieldModel<D> {}

export interface FieldModel<D extends BaseField & { type: string }> {
  /** The meta-schema of this type's definition (the part of the form file that describes one field). */
  definition: z.ZodType<D>;
  /** The message when a required answer is missing (default "validation.required"; choices say "select"). */
  requiredMessage?: string | ((def: D) => string);
  /** Validates a normalised, non-empty value. Messages are encoded i18n keys (messages.ts). */
  schema(def: D): z.ZodType;
  /**
   * A button of the field that changes its value without saving the step ("add another", "remove" an item): posted
   * as `_action=verb:field[:argument]`. Returns the new value and the input to focus (an id suffix after the field's
   * id), or undefined when the command does not apply. Works without JavaScript: the page comes back. `open`: the
   * place of the item whose own page comes next (a field asked one item per page).
   */
  command?(def: D, value: unknown, verb: string, arg: string | undefined, ctx: CommandContext): { value: unknown; focus: string; open?: number } | undefined;
  /**
   * A field the resident is never asked: its value is computed from other answers (the fee for the copies asked for,
   * 保育標準時間 from the hours worked). The engine recomputes it whenever a step is validated or answers are stored;
   * whatever the browser posts for it is ignored. Undefined when it cannot be computed yet.
   */
  derive?(def: D, scope: Scope): unknown;
  /**
   * What the page's view needs beyond the definition, added to it by the server for the page: the browser carries no
   * list of its own (the country names, in the reader's language and order).
   */
  forPage?(def: D, lng: string): D;
  /** A field whose answer is a calendar day: the answer as ISO 8601 (2027-04-01) for a CSV column beside the 和暦 one. */
  isoDate?(value: unknown): string | undefined;
  /**
   * A field whose answer is one of a fixed list of values (options, yes/no), or with `many` a list of them
   * (checkboxes). Lint checks conditions on the field against them (a condition on a value it can never have).
   */
  choices?(def: D): { values: readonly string[]; many?: boolean };
  /** True for a type whose answer is always personal data (a name, an address, a phone number, an e-mail address). */
  personalData?: boolean;
  /**
   * The autocomplete token the field renders for the resident's own data (WCAG 1.3.5 Identify Input Purpose), or
   * undefined when it renders none. Lint warns when a field of personal data has none.
   */
  autocomplete?(def: D): string | undefined;
  /**
   * What a new question of this type needs besides type, name and label (choices, a body text, rules…), so that the
   * builder adds a valid one without knowing the type. Types that need nothing more leave it out.
   */
  example?(ctx: ExampleContext): Partial<D>;
}

/** Texts for a new question's placeholders, in every language the form declares (keys under admin.builder.example). */
export interface ExampleContext {
  text(key: string, params?: Record<string, string | number>): LocalizedText;
}

/** One address a 郵便番号 stands for (町域 is blank where Japan Post lists none for the code). */
export type PostalAddress = { prefecture: string; city: string; town: string };

/**
 * What the server lends a field's command: data that must not reach the browser (Japan Post's list) stays behind
 * these functions, and the hook itself stays isomorphic. The journey's server side provides it.
 */
export interface CommandContext {
  /** The addresses of a 7-digit 郵便番号: one, several, or none when the code is unknown. */
  lookupPostalCode(code: string): PostalAddress[];
}

/** A context that knows nothing (a command that needs server data then finds none): for tests and previews. */
export const NO_SERVER_DATA: CommandContext = { lookupPostalCode: () => [] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFieldType = FieldType<any>;

/** A field type from its view (`fields/x.tsx`, what the browser loads) and its rules (`fields/x.rules.ts`). */
export const defineFieldType = <D extends BaseField & { type: string }>(view: FieldView<D>, model: FieldModel<NoInfer<D>>): FieldType<D> => ({
  ...view,
  ...model,
});

/** The message key when a required answer of this field is missing. */
export function requiredMessageOf<D extends BaseField & { type: string }>(type: FieldType<D>, def: D): string {
  return (typeof type.requiredMessage === "function" ? type.requiredMessage(def) : type.requiredMessage) ?? "validation.required";
}

/**
 * The part of a field type a page needs (its view): reading, showing and rendering an answer. The browser loads the
 * views (field-views.ts) and no schema; each type's rules live in fields/x.rules.ts, for the server (ADR 0039).
 */
import type { TFunction } from "i18next";
import type { ReactElement, ReactNode } from "react";
import type { FieldDef } from "./definition";
import type { Answers } from "./engine";
import type { LocalizedText } from "./localized";
import type { Condition } from "./conditions";

/** What every field definition has that a page reads (the zod meta-schema is baseField in field-type.ts). */
export type ViewedField = {
  type: string;
  name: string;
  label: LocalizedText;
  hint?: LocalizedText;
  required: boolean;
  showIf?: Condition;
};

export type RenderProps<D> = {
  def: D;
  /** HTML id of the field (and prefix of its parts' ids). */
  id: string;
  /** HTML name of the field (and prefix of its parts' names). */
  name: string;
  value: unknown;
  /** Translated message, already including the label. */
  error?: string;
  required: boolean;
  lng: string;
  t: TFunction;
  /** Where a prefilled value came from (i18n key of the source), shown next to the label. */
  sourceKey?: string;
  /** Fields made of items only: renders one field of item `index`. */
  renderItemField?: (field: ViewedField, index: number) => ReactNode;
  /**
   * The question is about someone other than the signed-in resident (another person in a list): the browser must
   * not fill in the resident's own name, birthday or address, so personal autocomplete tokens are turned off.
   */
  forSomeoneElse?: boolean;
  /** The id of the element to focus when the page loads (the item just added), also without JavaScript. */
  focus?: string;
  /**
   * Fields made of items asked one item per page (`items.onePerPage`): the list page shows each item as a short row
   * (`attention`: the places of items with missing or refused answers); the item page (`only`) shows one item.
   */
  itemPages?: { attention: number[]; only?: number };
};

/**
 * What a page needs of a field type: how it reads, shows and renders an answer. Kept apart from the type's rules
 * (field-type.ts) so that the browser loads no schema: a step is checked by the server alone (ADR 0039).
 */
export interface FieldView<D extends ViewedField> {
  type: D["type"];
  /** True for file uploads: the step is sent as multipart and the server receives the file first. */
  upload?: boolean;
  /** False for guidance text: nothing to answer. */
  hasValue: boolean;
  /** Turns what was submitted into the stored form (trim, 全角 → 半角, hiragana → katakana …). */
  normalize(raw: unknown, def: D): unknown;
  isEmpty(value: unknown): boolean;
  /** One line per answer for the check page, the staff view and the PDF. */
  format(value: unknown, def: D, lng: string, t: TFunction): string;
  /**
   * The input the error summary links to: the first input of the field, or of `part` — the first part of the
   * value its schema refused (a 名 missing links to 名, not to 姓).
   */
  firstInputId(id: string, def: D, part?: string): string;
  Render(props: RenderProps<D>): ReactElement;
  /**
   * A field whose answer is a list of items of child fields (the repeating group). The engine, renderer, summary,
   * provenance and prefill handle any type with this hook alike; none of them knows a type by name.
   */
  items?: ItemsHook<D>;
  /** A field whose answer names a person (氏名): the name as shown, and its reading (フリガナ) when given. */
  personName?(value: unknown): { name: string; reading: string } | undefined;
}

/** What a field made of items tells the engine. */
export interface ItemsHook<D> {
  /** The child fields of each item. */
  fields(def: D): FieldDef[];
  /** The items that are part of the answer, with their place on the page (an offered person left unticked is not). */
  included(value: unknown): { index: number; item: Answers }[];
  /** The value to store once each included item is reduced by `keep` (hidden and empty child answers dropped). */
  prune(value: unknown, keep: (item: Answers) => Answers): unknown;
  /** How an item is named on the check page, in the staff view and the PDF. */
  label(def: D, index: number, item: Answers, lng: string, t: TFunction): string;
  /**
   * Items asked one per page (a list of people, GOV.UK "add another"): the step shows a short row per item and each
   * item is answered on its own page, so a page stays short whatever the number of items.
   */
  onePerPage?(def: D): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFieldView = FieldView<any>;

/** Blank: nothing typed, or a compound answer (address, name parts) whose parts are all blank. */
const isBlank = (v: unknown): boolean => v === undefined || v === null || v === "" || (typeof v === "object" && Object.values(v).every(isBlank));

/** What a type module writes: the hooks most types share may be left out and get these defaults. */
type FieldViewModule<D extends ViewedField> = Omit<FieldView<D>, "isEmpty" | "firstInputId"> & Partial<Pick<FieldView<D>, "isEmpty" | "firstInputId">>;

export const defineFieldView = <D extends ViewedField>(view: FieldViewModule<D>): FieldView<D> => ({
  isEmpty: isBlank,
  firstInputId: (id) => id,
  ...view,
});

/** An autocomplete token for the resident's own data, or "off" when the question is about someone else. */
export const personalToken = (props: { forSomeoneElse?: boolean }, token: string) => (props.forSomeoneElse ? "off" : token);

/**
 * What the browser knows of the field types: their views (rendering, reading an answer), without their rules. A
 * type is listed here and in field-types.ts, in the same order; a test holds the two lists equal (ADR 0039).
 */
import type { AnyFieldView } from "./field-view";
import { addressView } from "./fields/address";
import { checkboxesView } from "./fields/checkboxes";
import { countryView } from "./fields/country";
import { dateView } from "./fields/date";
import { declarationView } from "./fields/declaration";
import { derivedView } from "./fields/derived";
import { emailView } from "./fields/email";
import { feeView } from "./fields/fee";
import { fileView } from "./fields/file";
import { createGroupFieldView } from "./fields/group";
import { guidanceView } from "./fields/guidance";
import { katakanaView } from "./fields/katakana";
import { numberView } from "./fields/number";
import { personNameView } from "./fields/person-name";
import { phoneView } from "./fields/phone";
import { radioView } from "./fields/radio";
import { residenceCardNumberView } from "./fields/residence-card-number";
import { selectView } from "./fields/select";
import { textView } from "./fields/text";
import { textareaView } from "./fields/textarea";
import { yesNoView } from "./fields/yes-no";
import { yearMonthView } from "./fields/year-month";

const leafFieldViews: AnyFieldView[] = [
  textView,
  textareaView,
  katakanaView,
  personNameView,
  dateView,
  yearMonthView,
  addressView,
  phoneView,
  residenceCardNumberView,
  emailView,
  numberView,
  selectView,
  countryView,
  radioView,
  checkboxesView,
  yesNoView,
  guidanceView,
  declarationView,
  fileView,
];

const fieldViews: AnyFieldView[] = [...leafFieldViews, createGroupFieldView(leafFieldViews), derivedView, feeView];

const byType = new Map(fieldViews.map((view) => [view.type, view]));

/** The view of a field type (what a page renders and reads); the server's full type is getFieldType in field-types.ts. */
export function getFieldView(type: string): AnyFieldView {
  const view = byType.get(type);
  if (!view) throw new Error(`Unknown field type ${type}`);
  return view;
}

/** The types in order, for the test that holds this list equal to field-types.ts. */
export const fieldViewTypes = fieldViews.map((view) => view.type);

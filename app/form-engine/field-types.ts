/**
 * The field types with their rules, for the server. Adding a type is one module, one line here and one line in
 * field-views.ts (what the browser loads of it: no schema).
 */
import type { AnyFieldType } from "./field-type";
import { addressField } from "./fields/address.rules";
import { checkboxesField } from "./fields/checkboxes.rules";
import { countryField } from "./fields/country.rules";
import { dateField } from "./fields/date.rules";
import { declarationField } from "./fields/declaration.rules";
import { derivedField } from "./fields/derived.rules";
import { emailField } from "./fields/email.rules";
import { feeField } from "./fields/fee.rules";
import { fileField } from "./fields/file.rules";
import { createGroupFieldType } from "./fields/group.rules";
import { guidanceField } from "./fields/guidance.rules";
import { katakanaField } from "./fields/katakana.rules";
import { numberField } from "./fields/number.rules";
import { personNameField } from "./fields/person-name.rules";
import { phoneField } from "./fields/phone.rules";
import { radioField } from "./fields/radio.rules";
import { residenceCardNumberField } from "./fields/residence-card-number.rules";
import { selectField } from "./fields/select.rules";
import { textField } from "./fields/text.rules";
import { textareaField } from "./fields/textarea.rules";
import { yesNoField } from "./fields/yes-no.rules";
import { yearMonthField } from "./fields/year-month.rules";

/** Types that can stand inside a repeating group. */
export const leafFieldTypes: AnyFieldType[] = [
  textField,
  textareaField,
  katakanaField,
  personNameField,
  dateField,
  yearMonthField,
  addressField,
  phoneField,
  residenceCardNumberField,
  emailField,
  numberField,
  selectField,
  countryField,
  radioField,
  checkboxesField,
  yesNoField,
  guidanceField,
  declarationField,
  fileField,
];

export const groupFieldType = createGroupFieldType(leafFieldTypes);

/** Values computed from other answers (never asked) stand on a step, not inside a group's items. */
export const fieldTypes: AnyFieldType[] = [...leafFieldTypes, groupFieldType, derivedField, feeField];

const byType = new Map(fieldTypes.map((ft) => [ft.type, ft]));

export function getFieldType(type: string): AnyFieldType {
  const ft = byType.get(type);
  if (!ft) throw new Error(`Unknown field type ${type}`);
  return ft;
}

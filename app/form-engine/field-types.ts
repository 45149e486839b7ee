/**
 * The field types: the one place a field type is listed. Adding a type is one module and one line here.
 */
import type { AnyFieldType } from "./field-type";
import { addressField } from "./fields/address";
import { checkboxesField } from "./fields/checkboxes";
import { countryField } from "./fields/country";
import { dateField } from "./fields/date";
import { declarationField } from "./fields/declaration";
import { derivedField } from "./fields/derived";
import { emailField } from "./fields/email";
import { feeField } from "./fields/fee";
import { fileField } from "./fields/file";
import { createGroupFieldType } from "./fields/group";
import { guidanceField } from "./fields/guidance";
import { katakanaField } from "./fields/katakana";
import { numberField } from "./fields/number";
import { personNameField } from "./fields/person-name";
import { phoneField } from "./fields/phone";
import { radioField } from "./fields/radio";
import { residenceCardNumberField } from "./fields/residence-card-number";
import { selectField } from "./fields/select";
import { textField } from "./fields/text";
import { textareaField } from "./fields/textarea";
import { yesNoField } from "./fields/yes-no";
import { yearMonthField } from "./fields/year-month";

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

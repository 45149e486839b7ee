import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseField, defineFieldType } from "./field-type";
import { defineFieldView } from "./field-view";
import { addressField } from "./fields/address.rules";
import { dateField } from "./fields/date.rules";
import { numberField } from "./fields/number.rules";
import { personNameField } from "./fields/person-name.rules";
import { selectField } from "./fields/select.rules";
import { textField } from "./fields/text.rules";

const definition = z.object({ ...baseField, type: z.literal("plain") }).strict();
const plain = defineFieldType(
  defineFieldView<z.infer<typeof definition>>({ type: "plain", hasValue: true, normalize: (raw) => raw, format: String, Render: () => <></> }),
  {
    definition,
    schema: () => z.string(),
  },
);

describe("defineFieldView defaults", () => {
  it("links the error summary to the field's own id", () => {
    expect(plain.firstInputId("persons-0-name", {} as never)).toBe("persons-0-name");
    expect(textField.firstInputId("name", {} as never)).toBe("name");
    // Types with several inputs still say which one comes first.
    expect(dateField.firstInputId("birth", {} as never)).toBe("birth-year");
  });

  it("treats nothing typed, and compound answers with only blank parts, as empty", () => {
    for (const v of [undefined, null, "", [], {}, { family: "", given: "" }]) expect(plain.isEmpty(v)).toBe(true);
    for (const v of ["a", 0, false, ["a"], { family: "山田", given: "" }]) expect(plain.isEmpty(v)).toBe(false);
  });

  it("keeps what the leaf types said before the defaults", () => {
    expect(textField.isEmpty("")).toBe(true);
    expect(selectField.isEmpty(undefined)).toBe(true);
    expect(numberField.isEmpty(0)).toBe(false);
    // An impossible date is an answer (to be refused), not a missing one.
    expect(dateField.isEmpty({ invalid: true, parts: { year: "2001", month: "2", day: "30" } })).toBe(false);
    expect(addressField.isEmpty({ postalCode: "", prefecture: "", city: "", town: "", building: "" })).toBe(true);
    expect(addressField.isEmpty({ postalCode: "", prefecture: "静岡県", city: "", town: "", building: "" })).toBe(false);
    expect(personNameField.isEmpty({ family: "", given: "", familyKana: "", givenKana: "" })).toBe(true);
    expect(personNameField.isEmpty({ family: "", given: "", familyKana: "ヤマダ", givenKana: "" })).toBe(false);
  });
});

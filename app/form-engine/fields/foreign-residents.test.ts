/** Issue 10, point 6: what a newly arrived foreign family types for 国籍・地域 and 在留カード番号. */
import { describe, expect, it } from "vitest";
import { COMMON_COUNTRIES, COUNTRY_CODES, countriesInOrder, countryName } from "../countries";
import { decodeMessage } from "../messages";
import { countryField } from "./country.rules";
import { normalizeResidenceCardNumber } from "./residence-card-number";
import { residenceCardNumberField } from "./residence-card-number.rules";

const def = { name: "f", label: "在留カード番号", required: true, type: "residenceCardNumber" } as const;
const card = (raw: string) => {
  const value = residenceCardNumberField.normalize(raw, def);
  const r = residenceCardNumberField.schema(def).safeParse(value);
  return { value, ok: r.success, message: r.success ? null : decodeMessage(r.error.issues[0]!.message) };
};

describe("在留カード番号", () => {
  it("accepts a full-width number and stores it half-width (finding: 全角 was refused)", () => {
    expect(card("ＡＢ１２３４５６７８ＣＤ")).toMatchObject({ value: "AB12345678CD", ok: true });
  });

  it("stores lower case as upper case (finding: lower case was stored as it is)", () => {
    expect(card("ab12345678cd")).toMatchObject({ value: "AB12345678CD", ok: true });
  });

  it("drops spaces and hyphens people put between the groups", () => {
    expect(normalizeResidenceCardNumber(" AB 1234-5678　CD ")).toBe("AB12345678CD");
    expect(card("ab－１２３４５６７８－cd")).toMatchObject({ value: "AB12345678CD", ok: true });
  });

  it("says the length when a character is missing, and the form when the parts are wrong", () => {
    expect(card("AB1234567CD")).toMatchObject({ ok: false, message: { key: "validation.residenceCardNumber.length", params: { length: 11 } } });
    expect(card("A123456789CD")).toMatchObject({ ok: false, message: { key: "validation.residenceCardNumber.format" } });
    expect(card("AB12345678C1")).toMatchObject({ ok: false, message: { key: "validation.residenceCardNumber.format" } });
    // Hostile input gets the same clear message, not a crash.
    expect(card("<script>alert(1)</script>")).toMatchObject({ ok: false, message: { key: "validation.residenceCardNumber.length" } });
  });
});

describe("国籍・地域 (finding: free text)", () => {
  const cdef = { name: "nationality", label: "国籍・地域", required: true, type: "country" } as const;
  const choose = (raw: unknown) => countryField.schema(cdef).safeParse(countryField.normalize(raw, cdef)).success;

  it("is chosen from ISO 3166-1 and stored as the alpha-2 code", () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(245);
    expect(choose("VN")).toBe(true);
    expect(countryField.normalize("vn", cdef)).toBe("VN");
    expect(choose("ベトナム")).toBe(false);
    expect(choose("ZZ")).toBe(false);
    // 日本 is not a foreign national's nationality.
    expect(choose("JP")).toBe(false);
  });

  it("is shown as the name in the reader's language", () => {
    expect(countryField.format("VN", cdef, "ja", (() => "") as never)).toBe("ベトナム");
    expect(countryField.format("VN", cdef, "en", (() => "") as never)).toBe("Vietnam");
    expect(countryName("KR", "ja")).toBe("大韓民国");
    expect(countryName("XX", "ja")).toBe("無国籍");
    expect(countryName("XC", "en")).toBe("Chōsen (Korea)");
  });

  it("offers the common ones first, then every other in 五十音順 (kanji names by reading) or A to Z", () => {
    const ja = countriesInOrder("ja");
    expect(ja).toHaveLength(COUNTRY_CODES.length - COMMON_COUNTRIES.length);
    expect(ja).not.toContain("CN");
    expect(countryName(ja[0]!, "ja")).toBe("アイスランド");
    // 南アフリカ (みなみ…) comes among the み, not after every kana name.
    const names = ja.map((c) => countryName(c, "ja"));
    expect(names.indexOf("南アフリカ")).toBeGreaterThan(names.indexOf("マレーシア"));
    expect(names.indexOf("南アフリカ")).toBeLessThan(names.indexOf("メキシコ"));
    const en = countriesInOrder("en").map((c) => countryName(c, "en"));
    expect(en[0]).toBe("Afghanistan");
    expect(en.indexOf("Spain")).toBeLessThan(en.indexOf("Sweden"));
  });
});

import { describe, expect, it } from "vitest";
import { inLanguage, localize, type LocalizedText } from "./localized";

const label = { ja: "氏名", en: "Name", vi: "Họ tên", "ja-x-easy": "{名前|なまえ}" };
const field = {
  type: "choices",
  name: "reason",
  label,
  hint: "続柄",
  required: true,
  options: [
    { value: "ja", label: { ja: "日本", en: "Japan" } as LocalizedText },
    { value: "other", label: { ja: "その他", vi: "Khác" } as LocalizedText },
  ],
  prefill: { path: "identity.name", mode: "fixed" },
};

describe("a definition part in one language", () => {
  it("keeps each text in the page's language and Japanese only, and everything else as it is", () => {
    expect(inLanguage(field, "en")).toEqual({
      ...field,
      label: { ja: "氏名", en: "Name" },
      options: [
        { value: "ja", label: { ja: "日本", en: "Japan" } },
        { value: "other", label: { ja: "その他" } },
      ],
    });
    expect(inLanguage(field, "ja").label).toEqual({ ja: "氏名" });
    expect(inLanguage(label, "ja-x-easy")).toEqual({ ja: "氏名", "ja-x-easy": "{名前|なまえ}" });
    expect(inLanguage("住民票の写し", "en")).toBe("住民票の写し");
  });

  it("reads, in every language, as the whole definition does", () => {
    for (const lng of ["ja", "en", "vi", "ja-x-easy", "ko"]) {
      expect(localize(inLanguage(field, lng).label, lng)).toEqual(localize(field.label, lng));
      expect(inLanguage(field, lng).options.map((o) => localize(o.label, lng))).toEqual(field.options.map((o) => localize(o.label, lng)));
    }
  });
});

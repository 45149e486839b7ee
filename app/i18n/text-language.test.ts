import { describe, expect, it } from "vitest";
import { textLanguage } from "./text-language";

describe("the language of a value in a page", () => {
  it("is Japanese for an address or a name in Japanese script in a page of another language", () => {
    expect(textLanguage("静岡県まどぐち市緑が丘一丁目1番1号", "en")).toBe("ja");
    expect(textLanguage("本町1-2-3", "vi")).toBe("ja");
    expect(textLanguage("イトウ ケンイチ", "ne")).toBe("ja");
    expect(textLanguage("緑が丘一丁目", "zh-Hans")).toBe("ja");
  });

  it("is the page's own for Latin letters, for Japanese pages, and for kanji alone in a Chinese page", () => {
    expect(textLanguage("Nguyễn Thị Hương", "vi")).toBeUndefined();
    expect(textLanguage("本町1-2-3", "ja")).toBeUndefined();
    expect(textLanguage("本町1-2-3", "ja-x-easy")).toBeUndefined();
    expect(textLanguage("王伟", "zh-Hans")).toBeUndefined();
    expect(textLanguage(undefined, "en")).toBeUndefined();
  });
});

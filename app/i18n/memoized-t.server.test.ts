import i18next from "i18next";
import { describe, expect, it, vi } from "vitest";
import { renderer } from "./i18next.server";
import { memoizeT } from "./memoized-t.server";

const resources = {
  ja: { common: { hello: "こんにちは", greet: "{{name}}さん、こんにちは", form: { title: "転入届" } } },
  en: { common: { hello: "Hello", greet: "Hello, {{name}}", form: { title: "Notification of moving in" } } },
};

function instance() {
  const i18n = i18next.createInstance({ resources, lng: "ja", fallbackLng: "ja", defaultNS: "common", ns: ["common"], initAsync: false });
  void i18n.init();
  return i18n;
}

describe("memoizeT", () => {
  it("answers as i18next does: per language, namespace and prefix, with options filled in", () => {
    const plain = instance();
    const kept = memoizeT(instance());
    for (const lng of ["ja", "en"]) {
      for (const [t, prefix] of [
        [kept.getFixedT(lng), undefined],
        [kept.getFixedT(lng), undefined],
        [kept.getFixedT(lng, "common", "form"), "form"],
      ] as const) {
        for (const key of ["hello", "title", "missing.key", "form.title"]) expect(t(key)).toBe(plain.getFixedT(lng, "common", prefix)(key));
      }
      expect(kept.getFixedT(lng)("greet", { name: "鈴木" })).toBe(plain.getFixedT(lng)("greet", { name: "鈴木" }));
      expect(kept.getFixedT(lng)("greet", { name: "Tran" })).toBe(plain.getFixedT(lng)("greet", { name: "Tran" }));
    }
    // Without a language, the instance's own (a page's renderer is made for one).
    expect(kept.getFixedT(null, "common")("hello")).toBe("こんにちは");
  });

  it("works a key alone out once, and a call with options every time (their values can be a resident's)", () => {
    const kept = memoizeT(instance());
    const work = vi.spyOn(kept, "t");
    for (let i = 0; i < 3; i++) kept.getFixedT("ja")("hello");
    expect(work).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i++) kept.getFixedT("ja")("greet", { name: "鈴木" });
    expect(work).toHaveBeenCalledTimes(4);
    kept.getFixedT("en")("hello");
    expect(work).toHaveBeenCalledTimes(5);
  });

  it("drops what it kept when translations are added, from a t() handed out before too", () => {
    const kept = memoizeT(instance());
    const held = kept.getFixedT("ja");
    expect(held("later")).toBe("later");
    kept.addResource("ja", "common", "later", "あとで");
    expect(kept.getFixedT("ja")("later")).toBe("あとで");
    expect(held("later")).toBe("あとで");
  });

  it("keeps a bounded number of keys, so keys made from input cannot grow it", () => {
    const kept = memoizeT(instance());
    const t = kept.getFixedT("ja");
    for (let i = 0; i < 6_000; i++) t(`input.${i}`);
    const work = vi.spyOn(kept, "t");
    t("input.5999");
    t("input.5999");
    expect(work).toHaveBeenCalledTimes(2);
    t("input.0");
    expect(work).toHaveBeenCalledTimes(2);
  });
});

describe("a page's renderer", () => {
  it("is made once per language and shared by renders, its t() kept", () => {
    expect(renderer("ja")).toBe(renderer("ja"));
    expect(renderer("en")).not.toBe(renderer("ja"));
    expect(renderer("en").language).toBe("en");
    const work = vi.spyOn(renderer("vi"), "t");
    renderer("vi").getFixedT(null, "common")("journey.start");
    renderer("vi").getFixedT(null, "common")("journey.start");
    expect(work).toHaveBeenCalledTimes(1);
  });
});

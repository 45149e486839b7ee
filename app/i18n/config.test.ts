import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage } from "./config";

describe("the language a browser asks for", () => {
  it("takes the best of ours in q order, with the tags browsers really send", () => {
    expect(languageFromAcceptLanguage("vi-VN,vi;q=0.9,en-US;q=0.8")).toBe("vi");
    expect(languageFromAcceptLanguage("zh-CN,zh;q=0.9")).toBe("zh-Hans");
    expect(languageFromAcceptLanguage("pt-BR")).toBe("pt-BR");
    expect(languageFromAcceptLanguage("pt-PT,pt;q=0.8")).toBe("pt-BR");
    expect(languageFromAcceptLanguage("tl-PH")).toBe("fil");
    expect(languageFromAcceptLanguage("ne-NP,en;q=0.5")).toBe("ne");
    expect(languageFromAcceptLanguage("ko-KR")).toBe("ko");
    expect(languageFromAcceptLanguage("id-ID")).toBe("id");
    expect(languageFromAcceptLanguage("de-DE;q=0.9,en;q=0.5,ja;q=0.7")).toBe("ja");
  });

  it("finds none for languages we do not have, an empty or a broken header", () => {
    expect(languageFromAcceptLanguage("de-DE,fr;q=0.8")).toBeNull();
    expect(languageFromAcceptLanguage("")).toBeNull();
    expect(languageFromAcceptLanguage(null)).toBeNull();
    expect(languageFromAcceptLanguage("*;q=1, ja;q=0")).toBeNull();
    expect(languageFromAcceptLanguage(";;,q=,vi;q=abc")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage } from "./config";
import { languages } from "./languages.server";

describe("the language a browser asks for", () => {
  const pick = (header: string | null) => languageFromAcceptLanguage(header, languages());

  it("takes the best of ours in q order, with the tags browsers really send", () => {
    expect(pick("vi-VN,vi;q=0.9,en-US;q=0.8")).toBe("vi");
    expect(pick("zh-CN,zh;q=0.9")).toBe("zh-Hans");
    expect(pick("pt-BR")).toBe("pt-BR");
    expect(pick("pt-PT,pt;q=0.8")).toBe("pt-BR");
    expect(pick("tl-PH")).toBe("fil");
    expect(pick("ne-NP,en;q=0.5")).toBe("ne");
    expect(pick("ko-KR")).toBe("ko");
    expect(pick("id-ID")).toBe("id");
    expect(pick("de-DE;q=0.9,en;q=0.5,ja;q=0.7")).toBe("ja");
  });

  it("gives Japanese to a browser set to Japanese: やさしい日本語 is chosen in the switch, never guessed", () => {
    expect(pick("ja-JP,ja;q=0.9")).toBe("ja");
    expect(pick("ja-x-easy")).toBe("ja-x-easy");
  });

  it("finds none for languages we do not have, an empty or a broken header", () => {
    expect(pick("de-DE,fr;q=0.8")).toBeNull();
    expect(pick("")).toBeNull();
    expect(pick(null)).toBeNull();
    expect(pick("*;q=1, ja;q=0")).toBeNull();
    expect(pick(";;,q=,vi;q=abc")).toBeNull();
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { localeTexts } from "../test/i18n";
import { getFixedT, renderer } from "./i18next.server";
import { keepReadings, plainOf, RubyText, withReadingsOf, withRuby } from "./ruby";

describe("ふりがな", () => {
  const marked = "{引|ひ}っ{越|こ}した{日|ひ}を{書|か}いてください";

  it("renders as <ruby> with <rp> fallbacks where it is a child, and as the plain text in an attribute", () => {
    const text = withRuby(marked);
    expect(text).toBeInstanceOf(RubyText);
    expect(renderToStaticMarkup(<p title={text}>{text}</p>)).toBe(
      '<p title="引っ越した日を書いてください"><ruby>引<rp>(</rp><rt>ひ</rt><rp>)</rp></ruby>っ<ruby>越<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>した' +
        "<ruby>日<rp>(</rp><rt>ひ</rt><rp>)</rp></ruby>を<ruby>書<rp>(</rp><rt>か</rt><rp>)</rp></ruby>いてください</p>",
    );
  });

  it("is the plain text as a string: in template strings, JSON, comparisons of its value", () => {
    const text = withRuby(marked);
    expect(`${text}`).toBe("引っ越した日を書いてください");
    expect(JSON.stringify({ text })).toBe('{"text":"引っ越した日を書いてください"}');
    expect(String(text).length).toBe(plainOf(marked).length);
    expect(withReadingsOf(marked)).toBe("引（ひ）っ越（こ）した日（ひ）を書（か）いてください");
  });

  it("leaves a text without readings a plain string (every other language)", () => {
    expect(withRuby("Enter the date you moved")).toBe("Enter the date you moved");
    expect(typeof withRuby("{ not ruby }")).toBe("string");
  });

  it("comes from every translation in やさしい日本語 rendered, with placeholders filled, and from none in 日本語", () => {
    const easy = renderer("ja-x-easy").t("journey.start");
    expect(easy).toBeInstanceOf(RubyText);
    expect(renderToStaticMarkup(<>{easy}</>)).toContain("<ruby>");
    expect(typeof renderer("ja").t("journey.start")).toBe("string");
    const withName = renderer("ja-x-easy").t("home.resume", { title: "{転入届|てんにゅうとどけ}" });
    expect(String(withName)).not.toContain("{");
  });

  it("never reaches loader or action data: their t() gives plain primitive strings, which any serialisation keeps", () => {
    const plain = getFixedT("ja-x-easy")("journey.start");
    expect(typeof plain).toBe("string");
    expect(plain).toBe(plainOf(String(localeTexts("ja-x-easy").journey.start)));
    expect(plain).not.toMatch(/[{|}]/);
    // Asked for, the readings stay written for a page that renders them itself.
    expect(getFixedT("ja-x-easy")("journey.start", keepReadings)).toBe(localeTexts("ja-x-easy").journey.start);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageCodes } from "../i18n/languages.server";
import { localize } from "../form-engine/localized";
import { parseDefinition } from "./definitions.server";
import { missingTranslations, readTranslations, textsOf, translationCoverage, TRANSLATIONS_DIR, withTranslations } from "./translations.server";

const definition = {
  id: "sample",
  title: { ja: "見本の届出", en: "Sample notice (inline)" },
  guidance: { whatYouNeed: ["本人確認書類"] },
  steps: [
    {
      id: "who",
      title: "届出をする方",
      fields: [
        { type: "radio", name: "notifier", label: "届出をする方", options: [{ value: "self", label: "本人" }], showIf: { field: "x", op: "eq", value: "y" } },
        { type: "group", name: "people", label: "人", fields: [{ type: "text", name: "nickname", label: "呼び名", hint: "任意です" }] },
      ],
    },
  ],
  afterSubmit: [{ text: "郵送します" }],
  declaration: "誤りはありません",
};

describe("procedure translations beside the definition", () => {
  it("names each text by where it is: steps by id, fields by name, options by value, other lists by position", () => {
    expect(textsOf(definition)).toEqual({
      title: "見本の届出",
      "guidance.whatYouNeed.0": "本人確認書類",
      "steps.who.title": "届出をする方",
      "steps.who.fields.notifier.label": "届出をする方",
      "steps.who.fields.notifier.options.self.label": "本人",
      "steps.who.fields.people.label": "人",
      "steps.who.fields.people.fields.nickname.label": "呼び名",
      "steps.who.fields.people.fields.nickname.hint": "任意です",
      "afterSubmit.0.text": "郵送します",
      declaration: "誤りはありません",
    });
  });

  it("joins the translations to the texts; the file wins over an inline one, a text without one stays Japanese", () => {
    const joined = withTranslations(definition, {
      en: { title: "Sample notice", "steps.who.fields.notifier.options.self.label": "Yourself" },
      vi: { "steps.who.title": "Người thông báo" },
    });
    expect(joined.title).toEqual({ ja: "見本の届出", en: "Sample notice" });
    expect(joined.steps[0]!.fields[0]!.options![0]!.label).toEqual({ ja: "本人", en: "Yourself" });
    expect(localize(joined.steps[0]!.title, "vi")).toMatchObject({ text: "Người thông báo", lang: "vi" });
    // The fallback says it is Japanese, for a lang attribute.
    expect(localize(joined.declaration, "en")).toMatchObject({ text: "誤りはありません", lang: "ja" });
    // Values and conditions are not texts: untouched; the definition itself is not changed.
    expect(joined.steps[0]!.fields[0]!.showIf).toEqual(definition.steps[0]!.fields[0]!.showIf);
    expect(definition.steps[0]!.title).toBe("届出をする方");
  });

  it("reads one file per language per procedure; a language without the file has none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "translations-"));
    fs.mkdirSync(path.join(dir, "vi"));
    fs.mkdirSync(path.join(dir, "ko"));
    fs.writeFileSync(path.join(dir, "vi", "sample.json"), JSON.stringify({ title: "Mẫu", declaration: "" }));
    expect(readTranslations("sample", dir)).toEqual({ vi: { title: "Mẫu" } });
    expect(readTranslations("../etc", dir)).toEqual({});
  });

  it("tells the administrator how far each language covers a procedure (inline texts count)", () => {
    const coverage = translationCoverage(JSON.parse(fs.readFileSync("forms/juminhyo.json", "utf8")), "juminhyo", ["en", "vi", "xx"]);
    expect(coverage.map((c) => [c.lng, c.missingCount])).toEqual([
      ["en", 0],
      ["vi", 0],
      ["xx", coverage[0]!.total],
    ]);
    // Not a shipped procedure: only what the definition writes in a language counts.
    const own = translationCoverage(definition, "no-such-procedure", ["en", "vi"]);
    expect(own.map((c) => [c.lng, c.translated, c.total])).toEqual([
      ["en", 1, 10],
      ["vi", 0, 10],
    ]);
  });
  const shipped = fs
    .readdirSync("forms")
    .filter((f) => f.endsWith(".json") && f !== "definition.schema.json")
    .map((f) => f.replace(/\.json$/, ""));
  const languages = languageCodes().filter((l) => l !== "ja");

  it("every language of the site has a folder of procedure translations, and no folder is a language the site lacks", () => {
    expect(fs.readdirSync(TRANSLATIONS_DIR).sort()).toEqual([...languages].sort());
  });

  it("やさしい日本語 gives every kanji of every shipped procedure a reading", () => {
    const unread = shipped.flatMap((id) =>
      Object.entries(readTranslations(id)["ja-x-easy"] ?? {})
        .filter(([, text]) => /\p{Script=Han}/u.test(text.replace(/\{[^{}|]+\|[^{}|]+\}|\{\{\w+\}\}/g, "")))
        .map(([key]) => `${id}: ${key}`),
    );
    expect(unread).toEqual([]);
  });

  it("a shipped procedure with every translation joined is still a definition (every text property takes a translated text)", () => {
    for (const id of shipped) {
      const joined = withTranslations(JSON.parse(fs.readFileSync(`forms/${id}.json`, "utf8")), readTranslations(id));
      const parsed = parseDefinition(joined);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    }
  });

  it.each(languages)("every shipped procedure is complete in %s, and no key names a text that is not there", (lng) => {
    const report: Record<string, { missing: string[]; unknown: string[] }> = {};
    for (const id of shipped) {
      const own = JSON.parse(fs.readFileSync(`forms/${id}.json`, "utf8")) as unknown;
      const texts = readTranslations(id)[lng] ?? {};
      const missing = missingTranslations(own, texts);
      const unknown = Object.keys(texts).filter((k) => !(k in textsOf(own)));
      if (missing.length || unknown.length) report[id] = { missing, unknown };
    }
    expect(report).toEqual({});
  });
});

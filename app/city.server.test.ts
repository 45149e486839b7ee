import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import demoCity from "../db/demo-city.json";
import { citySchema, cityTexts, localGovernmentCheckDigit } from "./city";
import { CityConfigError, loadCity } from "./city.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-city-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

/** A real-looking configuration: 静岡市 (221007) with every optional field. */
const shizuoka = {
  name: { ja: "静岡市", en: "Shizuoka City" },
  prefecture: { ja: "静岡県", en: "Shizuoka" },
  localGovernmentCode: "221007",
  siteName: { ja: "静岡市 オンライン申請" },
  contact: {
    department: { ja: "静岡市役所 市民課" },
    phone: "054-000-0000",
    hours: { ja: "平日 8時30分〜17時15分", en: "weekdays 8:30 to 17:15" },
    email: "shimin@example.jp",
    url: "https://example.jp/shimin/",
  },
};

describe("city configuration", () => {
  it("is the fictional demo city when CITY_CONFIG is unset", () => {
    const city = loadCity(undefined);
    expect(city).toEqual(demoCity);
    expect(cityTexts(city, "ja")).toMatchObject({ name: "まどぐち市", prefecture: "静岡県", siteName: "まどぐち市 オンライン窓口" });
    expect(cityTexts(city, "en")).toMatchObject({ name: "Madoguchi City", siteName: "Madoguchi City Online Counter" });
  });

  it("reads a valid file; untranslated texts fall back to Japanese", () => {
    const city = loadCity(file("shizuoka.json", shizuoka));
    expect(city.localGovernmentCode).toBe("221007");
    expect(cityTexts(city, "en")).toEqual({
      name: "Shizuoka City",
      prefecture: "Shizuoka",
      siteName: "静岡市 オンライン申請",
      contact: {
        department: "静岡市役所 市民課",
        phone: "054-000-0000",
        hours: "weekdays 8:30 to 17:15",
        email: "shimin@example.jp",
        url: "https://example.jp/shimin/",
      },
    });
  });

  it("accepts the documented example (docs/city.example.json)", () => {
    expect(loadCity(path.resolve(import.meta.dirname, "../docs/city.example.json")).contact.url).toMatch(/^https:/);
  });

  it("names the wrong field and the file", () => {
    const wrong = { ...shizuoka, siteName: { en: "Shizuoka" }, contact: { ...shizuoka.contact, phone: "call us" } };
    const p = file("wrong.json", wrong);
    expect(() => loadCity(p)).toThrow(CityConfigError);
    expect(() => loadCity(p)).toThrow(`CITY_CONFIG=${p}`);
    expect(() => loadCity(p)).toThrow(/siteName\.ja: /);
    expect(() => loadCity(p)).toThrow(/contact\.phone: must be a phone number/);
    expect(() => loadCity(file("extra.json", { ...shizuoka, mayor: "x" }))).toThrow(/mayor/);
    expect(() => loadCity(file("broken.json", "{ name:"))).toThrow(/not valid JSON/);
    expect(() => loadCity(path.join(dir, "missing.json"))).toThrow(/ENOENT/);
  });

  it("checks the 地方公共団体コード's check digit", () => {
    // Published codes: 北海道 010006, 東京都 130001, 長野県 200000 (remainder 1 gives 0), 静岡県 220001 (remainder 0
    // gives 1), 静岡市 221007, 札幌市 011002.
    for (const code of ["010006", "130001", "200000", "220001", "221007", "011002"]) {
      expect(localGovernmentCheckDigit(code.slice(0, 5))).toBe(Number(code[5]));
    }
    const codeError = (localGovernmentCode: string) =>
      citySchema.safeParse({ ...shizuoka, localGovernmentCode }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(codeError("221007")).toBeUndefined();
    expect(codeError("221008")).toEqual(["localGovernmentCode: wrong check digit: 22100 needs 7"]);
    expect(codeError("22100")).toEqual(["localGovernmentCode: must be the 6-digit 地方公共団体コード (5 digits and the check digit)"]);
    expect(loadCity(undefined).localGovernmentCode).toBe(demoCity.localGovernmentCode);
  });
});

describe("app code (tests and app/test/ aside)", () => {
  const appDir = import.meta.dirname;
  const files = (fs.readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx|json)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith(`test${path.sep}`))
    // Without ふりがな readings: {窓口|まどぐち} is a counter, not the demo city.
    .map((f) => ({ f, content: fs.readFileSync(path.join(appDir, f), "utf8").replace(/\|[^{}|]+\}/g, "}") }));

  // The city is configuration: no module, component or locale file may name the demo city.
  it("names no city", () => {
    const needles = [demoCity.name.ja, demoCity.name.en, demoCity.name.ja.replace(/[市町村区]$/, "")];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(({ f, content }) => needles.filter((n) => content.includes(n)).map((n) => `${f}: ${n}`))).toEqual([]);
  });

  // Procedures are data in forms/, and so are the life events their rules name: no code names one as a string.
  it("names no procedure and no life event", () => {
    const formsDir = path.join(appDir, "../forms");
    const procedures = fs
      .readdirSync(formsDir)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
      .map((f) => (JSON.parse(fs.readFileSync(path.join(formsDir, f), "utf8")) as { id: string }).id);
    const events = (JSON.parse(fs.readFileSync(path.join(formsDir, "catalogues/life-events.json"), "utf8")) as { lifeEvents: { id: string }[] }).lifeEvents.map(
      (e) => e.id,
    );
    expect(procedures).toContain("juminhyo");
    const named = new RegExp(`["'\`](${[...procedures, ...events].join("|")})["'\`]`);
    const code = files.filter(({ f }) => /\.tsx?$/.test(f));
    expect(code.flatMap(({ f, content }) => content.split("\n").flatMap((line, i) => (named.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])))).toEqual([]);
  });

  // Demo data is seeded by scripts/seed-demo.ts before the server starts; the app never loads it.
  it("imports no demo data", () => {
    const demoImport = /from\s+["'][./]*db\/(seed|demo-submissions)\b/;
    expect(files.filter(({ content }) => demoImport.test(content)).map(({ f }) => f)).toEqual([]);
  });
});

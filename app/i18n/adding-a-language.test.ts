/**
 * Adding a language is adding files (issue 14 point 7): a locale folder and procedure translations, no code. Here a
 * language the site does not ship (Thai) is added from fixture files only, beside copies of the shipped ones, and the
 * running code speaks it: listed in the switch, chosen by the browser, served to the browser's i18next, remembered by
 * the switch, its procedure texts joined — with every missing text in Japanese, marked as such.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fixtures = path.join(import.meta.dirname, "fixtures/new-language");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-new-language-"));

describe("a language added from files only", () => {
  const before = process.env.LOCALES_DIR;
  beforeAll(() => {
    fs.cpSync(path.join(import.meta.dirname, "locales"), path.join(dir, "locales"), { recursive: true });
    fs.cpSync(path.join(fixtures, "locales"), path.join(dir, "locales"), { recursive: true });
    fs.cpSync(path.join(process.cwd(), "forms/translations"), path.join(dir, "forms"), { recursive: true });
    fs.cpSync(path.join(fixtures, "forms"), path.join(dir, "forms"), { recursive: true });
    process.env.LOCALES_DIR = path.join(dir, "locales");
    vi.resetModules();
  });
  afterAll(() => {
    if (before === undefined) delete process.env.LOCALES_DIR;
    else process.env.LOCALES_DIR = before;
    vi.resetModules();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is listed in its own name after the shipped ones, and an Accept-Language of th-TH picks it", async () => {
    const { languages } = await import("./languages.server");
    const { languageFromAcceptLanguage } = await import("./config");
    expect(languages().at(-1)).toMatchObject({ code: "th", name: "ไทย" });
    expect(languages()).toHaveLength(11);
    expect(languageFromAcceptLanguage("th-TH,th;q=0.9,en;q=0.5", languages())).toBe("th");
  });

  it("speaks its texts, and Japanese for those it lacks", async () => {
    const { getFixedT } = await import("./i18next.server");
    expect(getFixedT("th")("home.title")).toBe("ขั้นตอนที่ทำออนไลน์ได้");
    expect(getFixedT("th")("journey.continue")).toBe(getFixedT("ja")("journey.continue"));
  });

  it("is served to the browser and kept by the switch", async () => {
    const { loader } = await import("../routes/locales.$lng.$ns");
    const served = (await (loader({ params: { lng: "th", ns: "common" } } as never) as Response).json()) as { home: { title: string } };
    expect(served.home.title).toBe("ขั้นตอนที่ทำออนไลน์ได้");
    // The switch looks for a signed-in resident (to keep the choice on their account): it needs a database.
    (await import("../test/db")).useTestDatabase();
    const { action } = await import("../routes/language");
    const response = await action({
      request: new Request("http://localhost/language", { method: "POST", body: new URLSearchParams({ lng: "th", redirectTo: "/" }) }),
    } as never);
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=/);
  });

  it("gets a procedure's texts from its translation file, the rest in Japanese with lang=ja", async () => {
    const { readTranslations, withTranslations } = await import("../procedures/translations.server");
    const { localize } = await import("../form-engine/localized");
    const definition = JSON.parse(fs.readFileSync("forms/juminhyo.json", "utf8")) as { title: unknown; description: unknown };
    const joined = withTranslations(definition, readTranslations("juminhyo", path.join(dir, "forms")));
    expect(localize(joined.title as never, "th")).toMatchObject({ text: "ขอสำเนาทะเบียนบ้าน (住民票の写し)", lang: "th" });
    expect(localize(joined.description as never, "th")).toMatchObject({ lang: "ja" });
  });
});

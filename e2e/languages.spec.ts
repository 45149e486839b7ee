/**
 * Ten languages (issue 14): a resident who reads Tiếng Việt or नेपाली completes a procedure in it without JavaScript —
 * every page in their language (the procedure's own texts from its translation file), checked by axe — and the
 * submission says in which language it was made, for staff who read it in Japanese. The browser's language chooses.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { signInAsStaff } from "./support/journey";
import { expect, expectAccessible, test } from "./support/fixtures";

const root = path.join(import.meta.dirname, "..");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, unknown>;
/** A UI text of a language, by its key ("journey.start"). */
const ui = (lng: string, key: string) =>
  String(key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], read(`app/i18n/locales/${lng}/common.json`)));
/** A procedure's text in a language, by its key in the translation file ("steps.applicant.title"). */
const form = (lng: string, formId: string, key: string) => String(read(`forms/translations/${lng}/${formId}.json`)[key]);

async function next(page: Page, lng: string, heading: string) {
  await page.getByRole("button", { name: ui(lng, "journey.continue"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

for (const lng of ["vi", "ne"] as const) {
  const text = (key: string) => form(lng, "juminhyo", key);
  test(`住民票の写しの交付請求 completed in ${lng}, JavaScript off, named in the applicant's own letters`, async ({ openPage, db }) => {
    test.setTimeout(120_000);
    const page = await openPage({ javaScriptEnabled: false, locale: lng === "vi" ? "vi-VN" : "ne-NP" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expectAccessible(page);
    await page.getByRole("link", { name: text("title") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("title"));
    await expectAccessible(page);
    await page.getByRole("button", { name: ui(lng, "journey.start") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("steps.applicant.title"));
    await expectAccessible(page);

    // A Vietnamese name with its diacritics; the reading in katakana as the form asks.
    await page.locator('[name="applicantName[family]"]').fill("Nguyễn");
    await page.locator('[name="applicantName[given]"]').fill("Thị Hương");
    await page.locator('[name="applicantName[familyKana]"]').fill("グエン");
    await page.locator('[name="applicantName[givenKana]"]').fill("ティ フオン");
    await page.locator('[name="applicantBirthDate[year]"]').fill("1996");
    await page.locator('[name="applicantBirthDate[month]"]').fill("7");
    await page.locator('[name="applicantBirthDate[day]"]').fill("14");
    await page.locator('[name="applicantAddress[postalCode]"]').fill("4200001");
    await page.locator('[name="applicantAddress[prefecture]"]').selectOption({ index: 22 });
    await page.locator('[name="applicantAddress[city]"]').fill("まどぐち市");
    await page.locator('[name="applicantAddress[town]"]').fill("本町1-2-3");
    await page.locator('[name="applicantPhone"]').fill("08011112222");
    await next(page, lng, text("steps.request.title"));

    await page.getByLabel(text("steps.request.fields.scope.options.self.label")).check();
    await page.locator('[name="copies"]').fill("1");
    await page.locator('[name="purpose"]').selectOption("job");
    await next(page, lng, text("steps.delivery.title"));
    await page.getByLabel(text("steps.delivery.fields.delivery.options.counter.label")).check();
    await next(page, lng, ui(lng, "journey.check.title"));
    await expect(page.getByText("Nguyễn Thị Hương", { exact: false })).toBeVisible();

    await page.getByLabel(ui(lng, "journey.check.agree")).check();
    await page.getByRole("button", { name: ui(lng, "journey.check.submit"), exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui(lng, "journey.receipt.title"));
    await expectAccessible(page);
    const receipt = (await page.locator(".receipt-number").textContent())!.trim();
    const row = db.prepare("select id, language, answers from submissions where receipt_number = ?").get(receipt) as {
      id: string;
      language: string;
      answers: string;
    };
    expect(row.language).toBe(lng);
    expect(JSON.parse(row.answers).applicantName).toMatchObject({ family: "Nguyễn", given: "Thị Hương" });

    if (lng !== "vi") return;
    // Staff read it in Japanese, told the language; the PDF holds the name with its diacritics as text.
    const staff = await openPage();
    await signInAsStaff(staff, "reviewer1");
    await staff.goto(`/staff/submissions/${row.id}`);
    await expect(staff.locator("main")).toContainText("Tiếng Việt");
    await expect(staff.locator("main")).toContainText("ベトナム語");
    await expectAccessible(staff);
    const response = await staff.request.get(`/staff/submissions/${row.id}/pdf`);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    const pdf = await getDocument({ data: new Uint8Array(await response.body()), useSystemFonts: false }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    expect(content.items.map((it) => ("str" in it ? it.str : "")).join("")).toContain("Nguyễn Thị Hương");
  });
}

test("the browser's language picks ours, with the tags browsers send (zh-CN → 简体中文, pt-PT → Português (Brasil))", async ({ openPage }) => {
  for (const [locale, lng] of [
    ["zh-CN", "zh-Hans"],
    ["pt-PT", "pt-BR"],
    ["ko-KR", "ko"],
    ["de-DE", "ja"],
  ] as const) {
    const page = await openPage({ locale });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui(lng, "home.title"));
    await expectAccessible(page);
  }
});

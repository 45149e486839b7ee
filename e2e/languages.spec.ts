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
    // A whole journey with axe and the validator on every page: 64 s on a loaded CI machine (issue 13 point 11).
    test.setTimeout(180_000);
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

/** A 転入届 by a foreign resident: everything typed by name attributes, every page checked; ends on the check page. */
async function tennyuByForeignResident(page: Page, lng: string, person: { family: string; given: string; country: string }) {
  const text = (key: string) => form(lng, "tennyu", key);
  const fillDate = async (name: string, [y, m, d]: [string, string, string]) => {
    await page.locator(`[name="${name}[year]"]`).fill(y);
    await page.locator(`[name="${name}[month]"]`).fill(m);
    await page.locator(`[name="${name}[day]"]`).fill(d);
  };
  const fillAddress = async (name: string, a: { postalCode: string; prefecture: number; city: string; town: string }) => {
    await page.locator(`[name="${name}[postalCode]"]`).fill(a.postalCode);
    await page.locator(`[name="${name}[prefecture]"]`).selectOption({ index: a.prefecture });
    await page.locator(`[name="${name}[city]"]`).fill(a.city);
    await page.locator(`[name="${name}[town]"]`).fill(a.town);
  };
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: text("title") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("title"));
  await expectAccessible(page);
  await page.getByRole("button", { name: ui(lng, "journey.start") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("steps.move.title"));
  await expectAccessible(page);

  await fillDate("moveDate", ["2026", "11", "1"]);
  await page.getByLabel(text("steps.move.fields.notifier.options.self.label")).check();
  await next(page, lng, text("steps.new-address.title"));
  await fillAddress("newAddress", { postalCode: "4200034", prefecture: 22, city: "まどぐち市", town: "緑が丘一丁目1番1号" });
  await next(page, lng, text("steps.previous-address.title"));
  await fillAddress("previousAddress", { postalCode: "1540017", prefecture: 13, city: "世田谷区", town: "世田谷九丁目8番7号" });
  await page.locator('[name="previousHead"]').fill(`${person.family} ${person.given}`);
  await next(page, lng, text("steps.persons.title"));

  // The name as on the 在留カード, in Latin letters: no katakana reading (the definition makes it optional).
  await expect(page.getByText(ui(lng, "field.name.readingOptional"))).toBeVisible();
  await page.locator('[name="persons[0][name][family]"]').fill(person.family);
  await page.locator('[name="persons[0][name][given]"]').fill(person.given);
  await fillDate("persons[0][birthDate]", ["1994", "5", "20"]);
  await page.locator('[name="persons[0][sex]"][value="female"]').check();
  await page.locator('[name="persons[0][relationship]"]').selectOption("head");
  await page.locator('[name="persons[0][foreign]"][value="yes"]').check();
  // Without JavaScript the questions for a foreign resident come with the same step, once the answer is sent.
  await next(page, lng, text("steps.persons.title"));
  await page.locator('[name="persons[0][nationality]"]').selectOption(person.country);
  await page.locator('[name="persons[0][residenceStatus]"]').selectOption("engineer");
  await fillDate("persons[0][residencePeriodEnd]", ["2029", "3", "31"]);
  await page.locator('[name="persons[0][residenceCardNumber]"]').fill("AB12345678CD");
  await next(page, lng, text("steps.household.title"));
  await page.getByLabel(text("steps.household.fields.householdType.options.new.label")).check();
  await page.locator('[name="headName"]').fill(`${person.family} ${person.given}`);
  await next(page, lng, text("steps.contact.title"));
  await page.locator('[name="phone"]').fill("09011112222");
  await next(page, lng, text("steps.related.title"));
  await next(page, lng, ui(lng, "journey.check.title"));
  await expect(page.getByText(`${person.family} ${person.given}`).first()).toBeVisible();
  // The address is Japanese in a page that is not: marked so, for a screen reader's voice.
  await expect(page.locator('main [lang="ja"]').filter({ hasText: "緑が丘一丁目1番1号" }).first()).toBeVisible();
}

for (const [lng, locale, person] of [
  ["vi", "vi-VN", { family: "NGUYEN", given: "THI HUONG", country: "VN" }],
  ["ne", "ne-NP", { family: "GURUNG", given: "SITA", country: "NP" }],
] as const) {
  test(`転入届 completed in ${lng}, JavaScript off, by a foreign resident named as on the 在留カード`, async ({ openPage, db }) => {
    test.setTimeout(180_000);
    const page = await openPage({ javaScriptEnabled: false, locale });
    await tennyuByForeignResident(page, lng, person);
    await page.getByLabel(ui(lng, "journey.check.agree")).check();
    await page.getByRole("button", { name: ui(lng, "journey.check.submit"), exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui(lng, "journey.receipt.title"));
    await expectAccessible(page);
    const receipt = (await page.locator(".receipt-number").textContent())!.trim();
    const row = db.prepare("select language, answers from submissions where receipt_number = ?").get(receipt) as { language: string; answers: string };
    expect(row.language).toBe(lng);
    expect(JSON.parse(row.answers).persons[0].name).toEqual({ family: person.family, given: person.given, familyKana: "", givenKana: "" });
  });
}

test("the language switch with JavaScript on never shows a page in two languages, even when its texts come slowly", async ({ openPage }) => {
  const page = await openPage();
  await page.goto("/");
  // A phone on a slow connection: the English texts take a second and a half to arrive.
  await page.route("**/locales/en/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.locator(".language-switch summary").click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Read once, not retried: when the page says it is English, its interface texts already are (a screen reader reads
  // them with the page's language).
  const shown = await page.evaluate(() => ({
    heading: document.querySelector("h1")?.textContent,
    signIn: document.querySelector(".site-header__nav a")?.textContent,
    footer: document.querySelector(".site-footer a")?.textContent,
  }));
  expect(shown).toEqual({ heading: ui("en", "home.title"), signIn: ui("en", "header.signIn"), footer: ui("en", "footer.staffLogin") });
  await expectAccessible(page);
});

test("転入届 completed in やさしい日本語 with JavaScript on: chosen in the switch, ふりがな as <ruby>, remembered", async ({ openPage, db }) => {
  test.setTimeout(180_000);
  const lng = "ja-x-easy";
  const page = await openPage();
  await page.goto("/");
  await expectAccessible(page);
  await page.locator(".language-switch summary").click();
  await page.getByRole("button", { name: "やさしい日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  // Every kanji of the interface has its reading; the plain text is what a search or an attribute gets.
  await expect(page.locator("h1 ruby").first()).toBeVisible();
  await expect(page.locator("h1 rt").first()).toHaveText("てつづ");
  await expectAccessible(page);

  // A text with ふりがな reads as its content has it (base, then the reading in <rp> parentheses), and a control is
  // named with its readings: 「{申請|しんせい}」 is 申請(しんせい) as text and 申請しんせい as a name.
  const shown = (marked: string) => marked.replace(/\{([^{}|]+)\|([^{}|]+)\}/g, "$1($2)");
  // (Chromium puts spaces between a ruby's parts in a name: matched with any spacing.)
  const named = (marked: string) =>
    new RegExp(
      `^${[...marked.replace(/\{([^{}|]+)\|([^{}|]+)\}/g, "$1$2").replace(/\s/g, "")].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*")}`,
    );
  const text = (key: string) => shown(form(lng, "tennyu", key));
  const say = (key: string) => shown(ui(lng, key));
  const button = (key: string) => page.getByRole("button", { name: named(ui(lng, key)) });
  await page.getByRole("link", { name: named(form(lng, "tennyu", "title")) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("title"));
  await expectAccessible(page);
  await button("journey.start").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("steps.move.title"));
  await expectAccessible(page);
  // The error path: the messages in やさしい日本語 too.
  await button("journey.continue").click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary h2 ruby").first()).toBeVisible();
  await expectAccessible(page);

  await page.locator('[name="moveDate[year]"]').fill("2026");
  await page.locator('[name="moveDate[month]"]').fill("11");
  await page.locator('[name="moveDate[day]"]').fill("1");
  await page.locator('[name="notifier"][value="self"]').check();
  const next = async (heading: string) => {
    await button("journey.continue").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectAccessible(page);
  };
  await next(text("steps.new-address.title"));
  await page.locator('[name="newAddress[postalCode]"]').fill("4200034");
  await page.locator('[name="newAddress[prefecture]"]').selectOption({ index: 22 });
  await page.locator('[name="newAddress[city]"]').fill("まどぐち市");
  await page.locator('[name="newAddress[town]"]').fill("緑が丘一丁目1番1号");
  await next(text("steps.previous-address.title"));
  await page.locator('[name="previousAddress[postalCode]"]').fill("1540017");
  await page.locator('[name="previousAddress[prefecture]"]').selectOption({ index: 13 });
  await page.locator('[name="previousAddress[city]"]').fill("世田谷区");
  await page.locator('[name="previousAddress[town]"]').fill("世田谷九丁目8番7号");
  await page.locator('[name="previousHead"]').fill("佐藤 花子");
  await next(text("steps.persons.title"));
  // A name in kanji still needs its reading.
  await page.locator('[name="persons[0][name][family]"]').fill("佐藤");
  await page.locator('[name="persons[0][name][given]"]').fill("花子");
  await page.locator('[name="persons[0][birthDate][year]"]').fill("1950");
  await page.locator('[name="persons[0][birthDate][month]"]').fill("4");
  await page.locator('[name="persons[0][birthDate][day]"]').fill("2");
  await page.locator('[name="persons[0][sex]"][value="female"]').check();
  await page.locator('[name="persons[0][relationship]"]').selectOption("head");
  await page.locator('[name="persons[0][foreign]"][value="no"]').check();
  await button("journey.continue").click();
  await expect(page.locator(".error-summary a").first()).toContainText(say("validation.name.familyKanaRequired").split("{{label}}")[1]!);
  await expectAccessible(page);
  await page.locator('[name="persons[0][name][familyKana]"]').fill("サトウ");
  await page.locator('[name="persons[0][name][givenKana]"]').fill("ハナコ");
  await next(text("steps.household.title"));
  await page.locator('[name="householdType"][value="new"]').check();
  await page.locator('[name="headName"]').fill("佐藤 花子");
  await next(text("steps.contact.title"));
  await page.locator('[name="phone"]').fill("0540001111");
  await next(text("steps.related.title"));
  await next(say("journey.check.title"));
  await expect(page.getByText("佐藤 花子（サトウ ハナコ）").first()).toBeVisible();
  await page.getByRole("checkbox", { name: named(ui(lng, "journey.check.agree")) }).check();
  await button("journey.check.submit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("journey.receipt.title"));
  await expect(page.locator("h1 ruby").first()).toBeVisible();
  await expectAccessible(page);
  const receipt = (await page.locator(".receipt-number").textContent())!.trim();
  expect((db.prepare("select language from submissions where receipt_number = ?").get(receipt) as { language: string }).language).toBe(lng);

  // The choice is remembered: a new visit comes back in やさしい日本語.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  await expectAccessible(page);
});

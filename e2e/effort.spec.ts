/**
 * Measured effort per shipped procedure, signed in as the demo resident (with prefill) and anonymously: how many inputs
 * a resident must type, how many choices they must make (a radio, a checkbox, a select, a person ticked: a choice the
 * city's data could have made counts), and the height at 390 px of the longest step (target ≤ 3,000 px). The flows
 * type into an input only when it is empty and choose only what is not chosen yet, so whatever prefill supplies is not
 * counted. Figures go to e2e/.results/effort-report.json; the test fails when they exceed e2e/effort-baseline.json.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { next, submitApplication } from "./support/journey";

type Figures = { typed: number; chosen: number; longestStep: string; longestStepPx: number };
const baseline = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "effort-baseline.json"), "utf8")) as {
  pageHeightTargetPx: number;
  /** Steps allowed over the height target for now, each with the reason (and who is on it); none today. */
  overHeightTarget?: Record<string, string>;
  signedIn: Record<string, Figures>;
  anonymous: Record<string, Figures>;
};
/**
 * The issues' targets for the seeded households, signed in (転入届: the 伊藤 family moving in, ≤ 2 typed and ≤ 4 chosen,
 * issue 12 point 9; 保育所: the 髙橋 family).
 */
const TARGETS: Record<string, { typed: number; chosen?: number }> = { tennyu: { typed: 2, chosen: 4 }, hoikusho: { typed: 15 } };
const report: Record<string, Record<string, Figures | number>> = { signedIn: {}, anonymous: {} };

test.describe.configure({ mode: "serial", timeout: 240_000 });

class Typist {
  count = 0;
  chosen = 0;
  longest = { step: "", px: 0 };
  /** Types only into an empty input that is there (fixed values are text, not inputs); says whether it typed. */
  async type(input: Locator, value: string) {
    if ((await input.count()) === 0) return false;
    if ((await input.inputValue()) !== "") return false;
    await input.fill(value);
    this.count++;
    return true;
  }
  /** Ticks a radio or checkbox unless the city's data (or an earlier answer) already did. */
  async check(input: Locator) {
    if (await input.isChecked()) return;
    await input.check();
    this.chosen++;
  }
  /** Chooses an option unless it is already chosen. */
  async select(input: Locator, value: string) {
    if ((await input.inputValue()) === value) return;
    await input.selectOption(value);
    this.chosen++;
  }
  async name(scope: Page | Locator, legend: string, v: [string, string, string, string]) {
    const g = scope.getByRole("group", { name: new RegExp(`^${legend}`) }).first();
    const labels = ["姓", "名", "姓（フリガナ）", "名（フリガナ）"];
    for (const [i, label] of labels.entries()) await this.type(g.getByLabel(label, { exact: true }), v[i]!);
  }
  async date(scope: Page | Locator, legend: string, v: [string, string, string]) {
    const g = scope.getByRole("group", { name: new RegExp(`^${legend}`) }).first();
    for (const [i, label] of ["年", "月", "日"].entries()) await this.type(g.getByLabel(label, { exact: true }), v[i]!);
  }
  async address(scope: Page | Locator, legend: string, v: { postalCode: string; city: string; town: string }) {
    const g = scope.getByRole("group", { name: new RegExp(`^${legend}`) }).first();
    const pref = g.getByLabel("都道府県");
    // The code looks the address up as it is typed: a resident sees the parts fill in before typing on, so the count
    // waits for the answer (on a busy machine it came after the next check, and 市区町村 and 町域 counted as typed).
    if (await this.type(g.getByLabel("郵便番号"), v.postalCode)) {
      const status = g.locator(`[id$="-lookup-status"]`);
      await expect.poll(async () => ((await status.textContent()) ?? "") !== "" || (await pref.inputValue()) !== "").toBe(true);
    }
    if ((await pref.inputValue()) === "") await this.select(pref, "静岡県");
    await this.type(g.getByLabel("市区町村"), v.city);
    await this.type(g.getByLabel("町域・番地"), v.town);
  }
  /** Measures the page as filled in at the viewport's width (390 px): a step, or a person's own page. */
  async measure(page: Page) {
    const px = await page.evaluate(() => document.documentElement.scrollHeight);
    const step = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    if (px > this.longest.px) this.longest = { step, px };
  }
  /** Measures the filled-in step, then goes on to the next one. */
  async next(page: Page, heading: string) {
    await this.measure(page);
    await next(page, heading);
  }
  /**
   * Each person of a list step: asked on the step itself when there is one, otherwise on each person's own page,
   * opened from the list (「変更」) only where the row says answers are needed (someone complete from the city's
   * records needs no visit) and the person is ticked. Each person's page is measured.
   */
  async eachPerson(page: Page, fill: (scope: Locator, i: number) => Promise<void>) {
    const rows = page.locator("li.person");
    const n = await rows.count();
    if (n === 0) {
      const items = page.locator("fieldset.group__item");
      for (let i = 0; i < (await items.count()); i++) await fill(items.nth(i), i);
      return;
    }
    const list = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const include = row.getByRole("checkbox");
      if ((await include.count()) > 0 && !(await include.isChecked())) continue;
      if ((await row.getByText("入力が必要です").count()) === 0) continue;
      await row.getByRole("button", { name: /^変更/ }).click();
      await expectAccessible(page);
      await fill(page.locator("fieldset.group__item").first(), i);
      await this.measure(page);
      await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(list);
      await expectAccessible(page);
    }
  }
}
async function begin(page: Page, formId: string, resident?: string) {
  if (resident) {
    await page.goto("/login/demo");
    await expectAccessible(page);
    await page.getByRole("button", { name: resident }).click();
    await expect(page).toHaveURL(/\/mypage$/);
    await expectAccessible(page);
  }
  await page.goto(`/procedures/${formId}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "申請を始める" }).click();
  // The typist skips inputs that are not there: it must start on the first step, not on the start page still shown
  // (a clean-clone run counted 姓 as given by the city: the step was drawn after that check). expectAccessible waits
  // for the page to show where the router is.
  await expect(page).not.toHaveURL(new RegExp(`/procedures/${formId}$`));
  await expectAccessible(page);
}

async function finish(page: Page, keep = false) {
  if (keep) await page.getByLabel(/を保存し、次回からの申請で使う$/).check();
  await submitApplication(page);
}

async function tennyu(page: Page, typist: Typist) {
  await typist.date(page, "引っ越した日", ["2026", "11", "1"]);
  await typist.check(page.getByLabel("本人", { exact: true }));
  await typist.next(page, "新しい住所");
  await typist.address(page, "新しい住所", { postalCode: "4200034", city: "まどぐち市", town: "緑が丘二丁目3番4号" });
  await typist.next(page, "前の住所");
  await typist.address(page, "前の住所", { postalCode: "1540017", city: "世田谷区", town: "世田谷九丁目8番7号" });
  await typist.type(page.getByLabel(/^前の住所での世帯主の氏名/), "伊藤 健一");
  await typist.next(page, "引っ越してきた方");
  // Every person: offered ones are named by their name and listed, a new one 「異動者 1」 is asked on the step.
  await typist.eachPerson(page, async (p) => {
    await typist.name(p, "氏名", ["伊藤", "健一", "イトウ", "ケンイチ"]);
    await typist.date(p, "生年月日", ["1987", "3", "19"]);
    await typist.check(p.getByLabel("男"));
    const rel = p.getByLabel(/^世帯主との続柄/);
    if ((await rel.inputValue()) === "") await typist.select(rel, "head");
    await typist.check(p.getByRole("group", { name: /外国籍の方ですか/ }).getByLabel("いいえ"));
  });
  await typist.next(page, "新しい世帯");
  await typist.check(page.getByLabel("新しく世帯をつくる"));
  await typist.type(page.getByLabel(/^新しい世帯の世帯主の氏名/), "伊藤 健一");
  await typist.next(page, "連絡先");
  await typist.type(page.getByLabel(/^日中に連絡がとれる電話番号/), "09011112222");
  await typist.next(page, "あわせて必要な手続き");
  await typist.next(page, "入力内容の確認");
}

async function hoikusho(page: Page, typist: Typist, onGuardian?: (scope: Locator) => Promise<void>) {
  await typist.check(page.getByLabel("新規"));
  // A month chosen among the coming months: one choice, nothing typed.
  await typist.select(page.getByRole("combobox", { name: "入所を希望する月" }), `${new Date().getFullYear() + 1}-04`);
  await typist.next(page, "入所するお子さん");
  // Signed in, both children under 6 are offered as rows (named by their names): the resident ticks the one this
  // application is for; complete from 住民記録, he needs no page of his own. People are found by their place.
  const items = page.locator("fieldset.group__item");
  const children = page.locator("li.person");
  const child = async (c: Locator) => {
    await typist.name(c, "お子さんの氏名", ["髙橋", "陽翔", "タカハシ", "ハルト"]);
    await typist.date(c, "お子さんの生年月日", [String(new Date().getFullYear() - 4), "6", "21"]);
    await typist.check(c.getByLabel("男"));
  };
  if ((await children.count()) > 0) {
    const include = (row: Locator) => row.getByRole("checkbox", { name: /をこの申請に含める$/ });
    await expect(include(children.nth(1))).not.toBeChecked();
    await typist.check(include(children.first()));
    await typist.eachPerson(page, child);
  } else {
    await child(items.first());
  }
  await typist.next(page, "保護者と保育を必要とする理由");
  const guardian = async (g: Locator, i: number) => {
    await onGuardian?.(g);
    await typist.name(g, "氏名", i === 0 ? ["髙橋", "大輔", "タカハシ", "ダイスケ"] : ["髙橋", "由美", "タカハシ", "ユミ"]);
    await typist.date(g, "生年月日", i === 0 ? ["1988", "5", "14"] : ["1990", "9", "2"]);
    await typist.select(g.getByLabel(/^お子さんとの続柄/), i === 0 ? "father" : "mother");
    await typist.type(g.getByLabel(/^電話番号/), i === 0 ? "09011110000" : "09022220000");
    await typist.select(g.getByLabel(/^保育を必要とする理由/), "work");
    await typist.type(g.getByLabel(/^勤務先の名称/), i === 0 ? "まどぐち商事" : "みどり病院");
    await typist.check(g.getByLabel("正社員"));
    await typist.type(g.getByLabel(/^1週間の勤務日数/), "5");
    await typist.type(g.getByLabel(/^1か月の就労時間/), "160");
  };
  if ((await page.locator("li.person").count()) === 0) {
    // Not signed in: the first guardian on the step, the second on a page of their own.
    await guardian(items.first(), 0);
    await page.getByRole("button", { name: "もう1人追加する" }).click();
    typist.chosen++;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("保護者 2");
    await expectAccessible(page);
    await guardian(items.first(), 1);
    await typist.measure(page);
    await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("保護者と保育を必要とする理由");
    await expectAccessible(page);
  } else {
    // Signed in: both guardians are offered from 住民記録, each answered on their own page.
    await typist.eachPerson(page, guardian);
  }
  await typist.next(page, "希望する施設");
  await typist.select(page.getByRole("group", { name: "希望施設 1" }).getByLabel(/^施設/), "midori");
  await typist.check(page.getByRole("group", { name: /ほかの施設でもよいですか/ }).getByLabel("はい"));
  await typist.next(page, "同居している家族");
  await typist.next(page, "世帯の状況");
  await typist.check(page.getByRole("group", { name: /保育料の決定と利用調整のため/ }).getByLabel("同意します"));
  await typist.next(page, "入力内容の確認");
}

async function juminhyo(page: Page, typist: Typist) {
  await typist.name(page, "氏名", ["鈴木", "一郎", "スズキ", "イチロウ"]);
  await typist.date(page, "生年月日", ["1960", "4", "3"]);
  await typist.address(page, "住所", { postalCode: "4200056", city: "まどぐち市", town: "桜町1番地の5" });
  await typist.type(page.getByLabel(/^日中に連絡がとれる電話番号/), "0540001111");
  await typist.next(page, "請求の内容");
  await typist.check(page.getByLabel("本人のみ"));
  await typist.type(page.getByLabel("必要な通数"), "1");
  await typist.select(page.getByLabel(/^使いみち/), "bank");
  await typist.next(page, "受け取り方法");
  await typist.check(page.getByLabel("市役所の窓口で受け取る"));
  await typist.next(page, "入力内容の確認");
}

const flows = [
  // Each its own resident: tests run in parallel, and a resident has one draft per procedure.
  { formId: "tennyu", resident: "伊藤 彩", run: tennyu },
  { formId: "hoikusho", resident: "髙橋 大輔", run: hoikusho },
  { formId: "juminhyo", resident: "鈴木 一郎", run: juminhyo },
];

for (const flow of flows) {
  for (const who of ["signedIn", "anonymous"] as const) {
    test(`effort: ${flow.formId}, ${who === "signedIn" ? `signed in as ${flow.resident}` : "not signed in"}`, async ({ openPage }) => {
      const page = await openPage();
      const typist = new Typist();
      await begin(page, flow.formId, who === "signedIn" ? flow.resident : undefined);
      await flow.run(page, typist);
      await finish(page);
      const figures: Figures = { typed: typist.count, chosen: typist.chosen, longestStep: typist.longest.step, longestStepPx: typist.longest.px };
      report[who]![flow.formId] = figures;
      console.log(
        `effort ${flow.formId} ${who}: ${figures.typed} typed, ${figures.chosen} chosen; longest step 「${figures.longestStep}」 ${figures.longestStepPx} px at 390 px`,
      );
      const limit = baseline[who]![flow.formId]!;
      expect(figures.typed).toBeLessThanOrEqual(limit.typed);
      expect(figures.chosen).toBeLessThanOrEqual(limit.chosen);
      const target = who === "signedIn" ? TARGETS[flow.formId] : undefined;
      if (target) expect(figures.typed).toBeLessThanOrEqual(target.typed);
      if (target?.chosen !== undefined) expect(figures.chosen).toBeLessThanOrEqual(target.chosen);
      // A page longer than the target is allowed only where the baseline says why, and no longer than measured there.
      const excused = baseline.overHeightTarget?.[`${flow.formId} ${who}: ${figures.longestStep}`];
      expect(figures.longestStepPx).toBeLessThanOrEqual(excused ? limit.longestStepPx : baseline.pageHeightTargetPx);
    });
  }
}

// Once-only across procedures: 髙橋 由美 keeps her phone, 勤務先 and working hours on a first application; the next
// one fills them into her own 保護者 item (not her husband's), so she types fewer inputs.
test("effort: hoikusho again with kept data, signed in as 髙橋 由美", async ({ openPage }) => {
  const page = await openPage();
  const first = new Typist();
  await begin(page, "hoikusho", "髙橋 由美");
  await hoikusho(page, first);
  await finish(page, true);
  const again = new Typist();
  await begin(page, "hoikusho");
  const seen: string[] = [];
  await hoikusho(page, again, async (scope) => {
    // Each guardian's own page: her kept data is in her item only, marked as such.
    const who = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    seen.push(who);
    if (who === "髙橋 由美さん") {
      await expect(scope.getByLabel(/^勤務先の名称/)).toHaveValue("みどり病院");
      await expect(page.getByText("保存した内容より").first()).toBeVisible();
    } else {
      await expect(scope.getByLabel(/^勤務先の名称/)).toHaveValue("");
    }
  });
  expect(seen).toEqual(["髙橋 大輔さん", "髙橋 由美さん"]);
  await expect(page.getByText("保存した内容より").first()).toBeVisible(); // marked on the check page too
  await finish(page);
  report.signedIn!["hoikusho (kept data)"] = again.count;
  console.log(`effort hoikusho with kept data: ${again.count} typed inputs (first application ${first.count})`);
  // Phone, 勤務先, days and hours of her own item: four inputs fewer.
  expect(again.count).toBe(first.count - 4);
});

test.afterAll(() => {
  const out = path.join(import.meta.dirname, ".results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "effort-report.json"), `${JSON.stringify(report, null, 2)}\n`);
});

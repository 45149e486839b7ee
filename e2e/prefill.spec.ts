import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./support/fixtures";
import { juminhyoRequestAndDelivery, next, signInAsResident, startProcedure, submitApplication } from "./support/journey";

test.describe("once-only prefill", () => {
  test("a signed-in resident sees what the city knows, marked with its source; a change is flagged", async ({ page, db }) => {
    await signInAsResident(page, "髙橋 大輔");
    await startProcedure(page, "juminhyo");
    // Fixed: shown as text, not as an input, with where it came from and how to have it corrected.
    await expect(page.getByText("髙橋 大輔（タカハシ ダイスケ）")).toBeVisible();
    await expect(page.getByText("昭和63年5月14日（1988年）")).toBeVisible();
    await expect(page.getByText("マイナンバーカードより").first()).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^姓/ })).toHaveCount(0);
    // Confirm: filled in from 住民記録, editable.
    await expect(page.getByText("住民記録より")).toBeVisible();
    const address = page.getByRole("group", { name: /^住所/ });
    await expect(address.getByLabel("町域・番地")).toHaveValue("本町一丁目2番3号");
    await expect(address.getByLabel("郵便番号")).toHaveValue("4200001");
    await address.getByLabel("方書").fill("本町ハイツ 2F");
    await page.getByLabel("日中に連絡がとれる電話番号").fill("0901112222");
    await next(page, "請求の内容");
    // Back: everything is still there (WCAG 3.3.7), then forward again.
    await page.getByRole("link", { name: "戻る" }).click();
    await expect(page.getByRole("group", { name: /^住所/ }).getByLabel("方書")).toHaveValue("本町ハイツ 2F");
    await expectAccessible(page);
    await next(page, "請求の内容");
    await juminhyoRequestAndDelivery(page);
    await expect(page.getByText("（市の記録から変更あり）")).toBeVisible();
    await expect(page.getByText("マイナンバーカードより").first()).toBeVisible();
    const receipt = await submitApplication(page);
    const row = db.prepare("select answers, provenance from submissions where receipt_number = ?").get(receipt) as { answers: string; provenance: string };
    const provenance = JSON.parse(row.provenance);
    expect(provenance.applicantName).toEqual({ kind: "prefilled", source: "identity" });
    expect(provenance.applicantBirthDate).toEqual({ kind: "prefilled", source: "identity" });
    expect(provenance.applicantAddress).toMatchObject({ kind: "changed", source: "registry", original: { town: "本町一丁目2番3号", building: "" } });
    expect(provenance.applicantPhone).toEqual({ kind: "typed" });
    expect(JSON.parse(row.answers).applicantName).toEqual({ family: "髙橋", given: "大輔", familyKana: "タカハシ", givenKana: "ダイスケ" });
  });

  test("a crafted post that changes a fixed value is refused with a clear message, and nothing is stored", async ({ page, db, baseURL }) => {
    await signInAsResident(page, "山﨑 美咲");
    await startProcedure(page, "juminhyo");
    // Her own draft: the suite's other tests make drafts at the same time (the newest open draft was often theirs).
    const herDraft = () =>
      db
        .prepare(
          `select d.answers, d.completed_steps from drafts d join resident_accounts r on r.id = d.resident_account_id
           where r.provider = 'demo' and r.name = '山﨑 美咲' and d.form_id = 'juminhyo' and d.status = 'open'`,
        )
        .all() as Record<string, string>[];
    const before = herDraft();
    expect(before).toHaveLength(1);
    const res = await page.request.post("/procedures/juminhyo/steps/applicant", {
      headers: { Origin: baseURL! },
      form: {
        "applicantName[family]": "偽名",
        "applicantName[given]": "花子",
        "applicantName[familyKana]": "ギメイ",
        "applicantName[givenKana]": "ハナコ",
        "applicantAddress[postalCode]": "4200012",
        "applicantAddress[prefecture]": "静岡県",
        "applicantAddress[city]": "まどぐち市",
        "applicantAddress[town]": "栄町四丁目5番6号",
        applicantPhone: "0901234567",
      },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(400);
    expect(await res.text()).toContain("氏名は市の記録の内容から変更できません");
    expect(herDraft()).toEqual(before);
  });

  test("転入届: the persons moving and the previous address come from the 転出証明書情報, one person per page (JavaScript on, then off)", async ({
    openPage,
    db,
  }) => {
    test.setTimeout(480_000);
    // One resident, two applications one after the other (the first is submitted before the second starts).
    for (const javaScript of [true, false]) {
      const page = await openPage({ javaScriptEnabled: javaScript });
      await signInAsResident(page, "伊藤 健一");
      await startProcedure(page, "tennyu");
      await tennyuPersons(page, db);
    }
  });
});

const personRow = (page: Page, name: string) => page.locator("li.person").filter({ has: page.getByRole("heading", { name }) });

/** Opens a person's own page from the list (「変更」), lets `answer` fill it in, saves, and checks the list with the notice. */
async function onPersonPage(page: Page, name: string, answer: () => Promise<void>) {
  await page.getByRole("button", { name: new RegExp(`^変更\\s*（${name}）$`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectAccessible(page);
  await answer();
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("引っ越してきた方");
  await expect(page.getByRole("status")).toHaveText(`${name}の内容を保存しました。`);
  // Focus is on the person's row, with and without JavaScript.
  await expect(personRow(page, name)).toBeFocused();
  await expectAccessible(page);
}

async function tennyuPersons(page: Page, db: Database.Database) {
  const moveDate = page.getByRole("group", { name: /引っ越した日/ });
  await moveDate.getByLabel("年", { exact: true }).fill(String(new Date().getFullYear()));
  await moveDate.getByLabel("月", { exact: true }).fill("1");
  await moveDate.getByLabel("日", { exact: true }).fill("1");
  await page.getByLabel("本人", { exact: true }).check();
  await next(page, "新しい住所");
  const address = page.getByRole("group", { name: /^新しい住所/ });
  await address.getByLabel("郵便番号").fill("4200001");
  await address.getByLabel("都道府県").selectOption("静岡県");
  await address.getByLabel("市区町村").fill("まどぐち市");
  await address.getByLabel("町域・番地").fill("本町5-5");
  await next(page, "前の住所");
  await expect(page.getByText("転出証明書情報より").first()).toBeVisible();
  await expect(page.getByRole("group", { name: /^前の住所/ }).getByLabel("市区町村")).toHaveValue("世田谷区");
  await expect(page.getByLabel(/^前の住所での世帯主の氏名/)).toHaveValue("伊藤 健一");
  await next(page, "引っ越してきた方");
  // One short row per person offered, named by their name and ticked. The 転出証明書情報 carries everything asked of
  // them (外国籍 too, issue 12 point 5), so no row needs attention and no one's page must be visited.
  for (const given of ["健一", "彩", "湊", "葵"]) {
    await expect(page.getByLabel(`伊藤 ${given}さんをこの申請に含める`)).toBeChecked();
    await expect(personRow(page, `伊藤 ${given}さん`).getByText("入力が必要です")).toHaveCount(0);
  }
  await expect(personRow(page, "伊藤 湊さん")).toContainText(/世帯主との続柄\s*子/);
  // The page stays short: no person's inputs are on it.
  await expect(page.getByLabel("姓", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  // 葵 stays behind for now: unticked, not deleted.
  await page.getByLabel("伊藤 葵さんをこの申請に含める").uncheck();
  // 湊's own page: what the city knows is there, marked; the browser must not fill in the resident's own name.
  await onPersonPage(page, "伊藤 湊さん", async () => {
    await expect(page.getByLabel("名", { exact: true })).toHaveValue("湊");
    await expect(page.getByLabel(/^世帯主との続柄/)).toHaveValue("child");
    await expect(page.getByRole("group", { name: /外国籍の方ですか/ }).getByLabel("いいえ")).toBeChecked();
    await expect(page.getByLabel("姓", { exact: true })).toHaveAttribute("autocomplete", "off");
  });
  // The tick taken away before opening a page was kept.
  await expect(page.getByLabel("伊藤 葵さんをこの申請に含める")).not.toBeChecked();
  // 健一 is the one signed in: only on his own page may the browser fill in his name.
  await onPersonPage(page, "伊藤 健一さん", async () => {
    await expect(page.getByLabel("姓", { exact: true })).toHaveAttribute("autocomplete", "family-name");
  });
  // Someone the records do not offer: their own page (sent blank: refused), then removed again (focus on the list).
  await page.getByRole("button", { name: "もう1人追加する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("異動者 5");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  await expect(page.locator(".error-summary")).toContainText("異動者 5の氏名");
  await expectAccessible(page);
  const added = page.getByRole("group", { name: "異動者 5" });
  await added.getByLabel("姓", { exact: true }).fill("伊藤");
  await added.getByLabel("名", { exact: true }).fill("陽菜");
  await added.getByLabel("姓（フリガナ）").fill("イトウ");
  await added.getByLabel("名（フリガナ）").fill("ヒナ");
  const birth = added.getByRole("group", { name: /^生年月日/ });
  await birth.getByLabel("年", { exact: true }).fill("2020");
  await birth.getByLabel("月", { exact: true }).fill("5");
  await birth.getByLabel("日", { exact: true }).fill("5");
  await added.getByLabel("女").check();
  await added.getByLabel(/^世帯主との続柄/).selectOption("child");
  await added
    .getByRole("group", { name: /外国籍の方ですか/ })
    .getByLabel("いいえ")
    .check();
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  await expect(page.getByRole("status")).toHaveText("伊藤 陽菜さんの内容を保存しました。");
  await expect(personRow(page, "伊藤 陽菜さん")).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "伊藤 陽菜さんを削除する" }).click();
  await expect(personRow(page, "伊藤 陽菜さん")).toHaveCount(0);
  await expect(page.locator("#persons-field")).toBeFocused();
  await expectAccessible(page);
  await next(page, "新しい世帯");
  // Back: 葵 is still offered, unticked, and can be ticked again (then unticked once more: she stays behind).
  await page.getByRole("link", { name: "戻る" }).click();
  await expect(page.getByLabel("伊藤 葵さんをこの申請に含める")).not.toBeChecked();
  await expect(page.getByLabel("伊藤 健一さんをこの申請に含める")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("伊藤 葵さんをこの申請に含める").check();
  await onPersonPage(page, "伊藤 葵さん", async () => {
    await expect(page.getByLabel("名", { exact: true })).toHaveValue("葵");
    await page
      .getByRole("group", { name: /外国籍の方ですか/ })
      .getByLabel("いいえ")
      .check();
  });
  // The tick given before opening her page was kept.
  await expect(page.getByLabel("伊藤 葵さんをこの申請に含める")).toBeChecked();
  await next(page, "新しい世帯");
  await page.getByRole("link", { name: "戻る" }).click();
  await expect(page.getByLabel("伊藤 葵さんをこの申請に含める")).toBeChecked();
  await page.getByLabel("伊藤 葵さんをこの申請に含める").uncheck();
  await next(page, "新しい世帯");
  await page.getByLabel("新しく世帯をつくる").check();
  await expect(page.getByLabel(/^新しい世帯の世帯主の氏名/)).toHaveValue("伊藤 健一");
  await next(page, "連絡先");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("09033334444");
  await next(page, "あわせて必要な手続き");
  await next(page, "入力内容の確認");
  // 「変更」 of a person on the check page leads to that person's page, and saving it back to the check page.
  await page.getByRole("link", { name: /^変更\s*（伊藤 湊さん）$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("伊藤 湊さん");
  await expectAccessible(page);
  await page.getByLabel(/^世帯主との続柄/).selectOption("other");
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("入力内容の確認");
  await expect(page.getByText("世帯主との続柄：その他")).toBeVisible();
  const receipt = await submitApplication(page);
  const row = db.prepare("select answers, provenance from submissions where receipt_number = ?").get(receipt) as { answers: string; provenance: string };
  const persons = JSON.parse(row.answers).persons as { name: { given: string } }[];
  expect(persons.map((p) => p.name.given)).toEqual(["健一", "彩", "湊"]);
  // Provenance per person and per answer: the name and 外国籍 (a choice, issue 12 point 5) from the 転出証明書情報.
  const provenance = JSON.parse(row.provenance).persons as { kind: string; items: Record<string, { kind: string; source?: string }>[] };
  expect(provenance.kind).toBe("items");
  expect(provenance.items).toHaveLength(3);
  for (const item of provenance.items) {
    expect(item.name).toEqual({ kind: "prefilled", source: "moveIn" });
    expect(item.foreign).toEqual({ kind: "prefilled", source: "moveIn" });
  }
}

test("contact data is kept only with consent, reused in another procedure, and deleted when consent is withdrawn", async ({ page, db }) => {
  // Three procedures and My page, each page checked by axe and the validator: over a minute on a busy machine.
  test.setTimeout(180_000);
  await signInAsResident(page, "鈴木 恵子");
  await startProcedure(page, "juminhyo");
  await page.getByLabel("日中に連絡がとれる電話番号").fill("080-5555-6666");
  await next(page, "請求の内容");
  await juminhyoRequestAndDelivery(page);
  const keep = page.getByLabel("今回の電話番号を保存し、次回からの申請で使う");
  await expect(keep).not.toBeChecked(); // consent is never assumed
  await keep.check();
  await submitApplication(page);

  // My page: the application with its status, the registry data, and the kept phone number.
  await page.goto("/mypage");
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "住民票の写しの交付請求" })).toBeVisible();
  await expect(page.getByText(/受付$/).first()).toBeVisible();
  await expect(page.getByText("鈴木 一郎（世帯主）", { exact: false })).toBeVisible();
  await expect(page.getByText("08055556666")).toBeVisible();

  // Another procedure: the phone number is offered, marked with its source.
  await startProcedure(page, "tennyu");
  await page
    .getByRole("group", { name: /引っ越した日/ })
    .getByLabel("年", { exact: true })
    .fill("2026");
  await page
    .getByRole("group", { name: /引っ越した日/ })
    .getByLabel("月", { exact: true })
    .fill("11");
  await page
    .getByRole("group", { name: /引っ越した日/ })
    .getByLabel("日", { exact: true })
    .fill("1");
  await page.getByLabel("本人", { exact: true }).check();
  await next(page, "新しい住所");
  for (const legend of ["新しい住所", "前の住所"]) {
    const g = page.getByRole("group", { name: new RegExp(`^${legend}`) });
    await g.getByLabel("郵便番号").fill("4200056");
    await g.getByLabel("都道府県").selectOption("静岡県");
    await g.getByLabel("市区町村").fill("まどぐち市");
    await g.getByLabel("町域・番地").fill("桜町1番地の5");
    if (legend === "前の住所") await page.getByLabel(/^前の住所での世帯主の氏名/).fill("鈴木 一郎");
    await next(page, legend === "新しい住所" ? "前の住所" : "引っ越してきた方");
  }
  const p1 = page.getByRole("group", { name: "異動者 1" });
  await p1.getByRole("group", { name: "氏名" }).getByLabel("姓", { exact: true }).fill("鈴木");
  await p1.getByRole("group", { name: "氏名" }).getByLabel("名", { exact: true }).fill("恵子");
  await p1.getByRole("group", { name: "氏名" }).getByLabel("姓（フリガナ）").fill("スズキ");
  await p1.getByRole("group", { name: "氏名" }).getByLabel("名（フリガナ）").fill("ケイコ");
  await p1.getByRole("group", { name: "生年月日" }).getByLabel("年", { exact: true }).fill("1962");
  await p1.getByRole("group", { name: "生年月日" }).getByLabel("月", { exact: true }).fill("12");
  await p1.getByRole("group", { name: "生年月日" }).getByLabel("日", { exact: true }).fill("24");
  await p1.getByLabel("女").check();
  await p1.getByLabel(/^世帯主との続柄/).selectOption("wife");
  await p1
    .getByRole("group", { name: /外国籍の方ですか/ })
    .getByLabel("いいえ")
    .check();
  await next(page, "新しい世帯");
  await page.getByLabel("既にまどぐち市に住んでいる世帯に入る").check();
  await page.getByLabel(/^新しい世帯の世帯主の氏名/).fill("鈴木 一郎");
  await next(page, "連絡先");
  await expect(page.getByLabel(/^日中に連絡がとれる電話番号/)).toHaveValue("08055556666");
  await expect(page.getByText("保存した内容より")).toBeVisible();

  // Withdraw consent on My page: the data is gone, and a new application no longer offers it.
  await page.goto("/mypage");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存をやめて削除する" }).click();
  await expect(page.getByRole("status")).toHaveText("保存していた連絡先を削除しました。");
  await expect(page.getByText("08055556666")).toHaveCount(0);
  await expectAccessible(page);
  // Only this resident's row: other tests keep data for other residents.
  const rows = db
    .prepare("select count(*) as n from resident_profiles p join resident_accounts a on a.id = p.resident_account_id where a.name = ?")
    .get("鈴木 恵子") as { n: number };
  expect(rows.n).toBe(0);
  await startProcedure(page, "juminhyo");
  await expect(page.getByLabel("日中に連絡がとれる電話番号")).toHaveValue("");
});

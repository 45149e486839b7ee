/**
 * The procedures a family move-in brings with it (issue 12 point 3), online, JavaScript off, each as a signed-in demo
 * resident of its own: what the city's records hold (住民記録, 転出証明書情報, 公金受取口座) is there, choices included.
 */
import type { Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./support/fixtures";
import { fillName, next, signInAsResident, startProcedure, submitApplication } from "./support/journey";

test.describe.configure({ timeout: 300_000 });

type Provenance = Record<string, { kind: string; source?: string }>;
function stored(db: Database.Database, receipt: string) {
  const row = db.prepare("select answers, provenance from submissions where receipt_number = ?").get(receipt) as { answers: string; provenance: string };
  return { answers: JSON.parse(row.answers) as Record<string, unknown>, provenance: JSON.parse(row.provenance) as Provenance };
}
const yesNo = (page: Page, question: RegExp, answer: "はい" | "いいえ") => page.getByRole("group", { name: question }).getByLabel(answer, { exact: true });

test("児童手当 認定請求: the claimant, the children and the 公金受取口座 come from the city's records (JavaScript off)", async ({ openPage, db }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await signInAsResident(page, "佐藤 美穂");
  await startProcedure(page, "jidou-teate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求者");
  // Fixed from 住民記録: shown as text, the 性別 (a choice) included.
  await expect(page.getByText("佐藤 美穂（サトウ ミホ）")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^住所/ }).getByLabel("町域・番地")).toHaveValue("本町三丁目4番5号");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("0541234567");
  await next(page, "お勤めと年金");
  await page.getByLabel("国民年金（自営業など）").check();
  await yesNo(page, /^公務員ですか/, "いいえ").check();
  await fillName(page, "配偶者の氏名", { family: "佐藤", given: "翔太" });
  await yesNo(page, /^請求者は、配偶者より所得が高い/, "はい").check();
  await next(page, "支給の対象となるお子さん");
  // The household's children up to 高校生年代 are offered and ticked, with their 続柄; the parents are not.
  for (const given of ["悠真", "芽依"]) {
    await expect(page.getByLabel(`佐藤 ${given}さんをこの申請に含める`)).toBeChecked();
    await onPersonPage(page, `佐藤 ${given}さん`, async () => {
      await expect(page.getByLabel(/^請求者との続柄/)).toHaveValue("child");
      await page.getByLabel("同居", { exact: true }).check();
    });
  }
  await expect(page.getByLabel("佐藤 翔太さんをこの申請に含める")).toHaveCount(0);
  await yesNo(page, /大学生年代/, "いいえ").check();
  await next(page, "振込先");
  await page.getByLabel("公金受取口座（マイナポータルで登録した口座）").check();
  await next(page, "公金受取口座の確認");
  await expect(page.getByText("公金受取口座より").first()).toBeVisible();
  await expect(page.getByLabel(/^金融機関名/)).toHaveValue("まどぐち銀行");
  await expect(page.getByLabel(/^口座番号/)).toHaveValue("4567890");
  await expect(page.getByLabel("普通", { exact: true })).toBeChecked();
  await next(page, "入力内容の確認");
  const receipt = await submitApplication(page);
  const { answers, provenance } = stored(db, receipt);
  expect(answers.koukinBank).toBe("まどぐち銀行");
  expect(provenance.koukinBank).toEqual({ kind: "prefilled", source: "koukinKouza" });
  expect(provenance.claimantSex).toEqual({ kind: "prefilled", source: "identity" });
  expect((answers.children as unknown[]).length).toBe(2);
});

test("児童手当 認定請求 without signing in: nothing is filled, and an empty step names what is missing (JavaScript off)", async ({ openPage }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await startProcedure(page, "jidou-teate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求者");
  await expect(page.getByText("住民記録より")).toHaveCount(0);
  await next(page, "請求者");
  await expect(page.locator(".error-summary")).toContainText("請求者の氏名");
});

test("子ども医療費助成: the guardian and the children with their 性別 come from 住民記録 (JavaScript off)", async ({ openPage, db }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await signInAsResident(page, "佐藤 翔太");
  await startProcedure(page, "kodomo-iryouhi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("保護者（申請者）");
  await page.getByLabel(/^お子さんとの続柄/).selectOption("father");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("0541234568");
  await next(page, "対象のお子さん");
  for (const [given, sex] of [
    ["悠真", "男"],
    ["芽依", "女"],
  ] as const) {
    await expect(page.getByLabel(`佐藤 ${given}さんをこの申請に含める`)).toBeChecked();
    await onPersonPage(page, `佐藤 ${given}さん`, async () => {
      await expect(page.getByLabel(sex, { exact: true })).toBeChecked();
    });
  }
  await next(page, "お子さんの健康保険");
  await page.getByLabel("国民健康保険", { exact: true }).check();
  await page.getByLabel(/^保険者名/).fill("まどぐち市国民健康保険");
  await page.getByLabel(/^番号/).fill("1234567");
  await fillName(page, "被保険者（世帯主・加入者本人）の氏名", { family: "佐藤", given: "翔太" });
  await next(page, "ほかの助成");
  await yesNo(page, /ほかの医療費助成|ひとり親家庭等医療費助成/, "いいえ").check();
  await next(page, "入力内容の確認");
  const receipt = await submitApplication(page);
  const { answers, provenance } = stored(db, receipt);
  expect((answers.children as { sex: string }[]).map((c) => c.sex)).toEqual(["male", "female"]);
  expect(provenance.guardianName).toEqual({ kind: "prefilled", source: "identity" });
});

test("国民健康保険 加入届: the household moving in, 加入日 and 前住所で国保 come from the 転出証明書情報 (JavaScript off)", async ({ openPage, db }) => {
  const page = await openPage({ javaScriptEnabled: false });
  await signInAsResident(page, "SILVA CARLOS");
  await startProcedure(page, "kokuho-kanyu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("世帯主");
  await expect(page.getByRole("group", { name: /^世帯主の氏名/ }).getByLabel("姓", { exact: true })).toHaveValue("SILVA");
  await expect(page.getByRole("group", { name: /^住所/ }).getByLabel("町域・番地")).toHaveValue("港町一丁目5番6号");
  await page.getByLabel(/^日中に連絡がとれる電話番号/).fill("0541234569");
  await next(page, "加入の理由");
  await page.getByLabel("転入", { exact: true }).check();
  // A choice the 転出証明書情報 made: insured in 国保 at the previous address.
  await expect(page.getByRole("group", { name: /^前の住所で国民健康保険/ }).getByLabel("はい", { exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: /^加入日/ }).getByLabel("年", { exact: true })).not.toHaveValue("");
  await next(page, "加入する方");
  for (const [given, relationship] of [
    ["CARLOS", "head"],
    ["ANA", "wife"],
  ] as const) {
    await expect(page.getByLabel(`SILVA ${given}さんをこの申請に含める`)).toBeChecked();
    await onPersonPage(page, `SILVA ${given}さん`, async () => {
      await expect(page.getByLabel(/^世帯主との続柄/)).toHaveValue(relationship);
    });
  }
  await next(page, "所得の申告");
  await yesNo(page, /所得を税務署/, "はい").check();
  await next(page, "入力内容の確認");
  const receipt = await submitApplication(page);
  const { answers, provenance } = stored(db, receipt);
  expect(answers.previousNhi).toBe("yes");
  expect(provenance.previousNhi).toEqual({ kind: "prefilled", source: "moveIn" });
  expect((answers.members as unknown[]).length).toBe(2);
});

/** A person of a list is asked on their own page (ADR 0014): open it, check or answer, save back to the list. */
async function onPersonPage(page: Page, name: string, answer: () => Promise<void>) {
  await page.getByRole("button", { name: new RegExp(`^変更\\s*（${name}）$`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectAccessible(page);
  await answer();
  await page.getByRole("button", { name: "保存して一覧に戻る" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name}の内容を保存しました。`);
  await expectAccessible(page);
}

import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import type { FormDefinition } from "../form-engine/definition";
import { lintDefinition, parseDefinition } from "../procedures/definitions.server";
import { useTestDatabase } from "../test/db";
import { prefillSources, resolvePrefill } from "./prefill-sources.server";
import { koukinKouzaSource } from "./sources/koukin-kouza.server";
import type { ResidentAccount } from "./source";

const account = (over: Partial<ResidentAccount>): ResidentAccount => ({
  id: "r",
  provider: "demo",
  subject: "s",
  name: "x",
  nameKana: null,
  birthDate: null,
  sex: null,
  address: null,
  personId: null,
  moveInPersonId: null,
  language: null,
  createdAt: new Date(),
  lastSignInAt: null,
  ...over,
});

const shipped = (id: string) => {
  const r = parseDefinition(JSON.parse(fs.readFileSync(`forms/${id}.json`, "utf8")));
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition as FormDefinition;
};
const items = (v: unknown) => v as Record<string, unknown>[];

describe("complete once-only (issue 12 point 5)", () => {
  beforeEach(async () => {
    await seedDemoData(useTestDatabase(), new Date("2026-11-22T00:00:00Z"));
  });

  it("registers the 公金受取口座 source with one line and marks what it offers as the registration's record", () => {
    expect(prefillSources.sources).toContain(koukinKouzaSource);
    expect(prefillSources.catalog.authoritative).toEqual(
      expect.arrayContaining([
        "koukinKouza.bankName",
        "koukinKouza.branchName",
        "koukinKouza.accountType",
        "koukinKouza.accountNumber",
        "koukinKouza.holderKana",
      ]),
    );
    expect(prefillSources.labelKey("koukinKouza")).toBe("prefill.source.koukinKouza");
  });

  it("finds no lint error (and no warning) in the three new procedures", () => {
    for (const id of ["jidou-teate", "kodomo-iryouhi", "kokuho-kanyu"]) {
      expect(lintDefinition(JSON.parse(fs.readFileSync(`forms/${id}.json`, "utf8"))), id).toEqual({ errors: [], warnings: [] });
    }
  });

  it("児童手当: fills the claimant (性別, a radio, included), the children up to 高校生年代 and the 公金受取口座", () => {
    const prefill = resolvePrefill(shipped("jidou-teate"), account({ personId: "p-sato-miho" }));
    // Bound to the identity checked (マイナンバーカード, or the clerk's check at the counter): a resident's own record, a mover's 転出証明書情報.
    expect(prefill.claimantSex).toEqual({ source: "identity", value: "female" });
    expect(prefill.claimantName?.value).toMatchObject({ family: "佐藤", given: "美穂" });
    expect(items(prefill.children?.value).map((c) => [(c.name as { given: string }).given, c.relationship])).toEqual([
      ["悠真", "child"],
      ["芽依", "child"],
    ]);
    expect(prefill.koukinBank).toEqual({ source: "koukinKouza", value: "まどぐち銀行" });
    expect(prefill.koukinType).toEqual({ source: "koukinKouza", value: "ordinary" });
    expect(prefill.koukinNumber?.value).toBe("4567890");
    expect(prefill.koukinHolder?.value).toBe("サトウ ミホ");
    // The typed account of the other step is never filled from the registration.
    expect(prefill.accountBank).toBeUndefined();
  });

  it("offers no 公金受取口座 to a resident who registered none, and one to a mover who did", () => {
    expect(resolvePrefill(shipped("jidou-teate"), account({ personId: "p-sato-shota" })).koukinBank).toBeUndefined();
    expect(koukinKouzaSource.resolve(account({ moveInPersonId: "mp-ito-aya" }))).toMatchObject({ bankName: "せたがや銀行", accountType: "savings" });
    expect(koukinKouzaSource.resolve(account({ personId: "p-takahashi-daisuke" }))).toMatchObject({ accountNumber: "1234567" });
  });

  it("子ども医療費: fills the children with their 性別", () => {
    const prefill = resolvePrefill(shipped("kodomo-iryouhi"), account({ personId: "p-sato-shota" }));
    expect(items(prefill.children?.value).map((c) => c.sex)).toEqual(["male", "female"]);
  });

  it("国保 加入届: fills 前住所で国保 (a radio), the 加入日 and the members with 性別 and 続柄 from the 転出証明書情報", () => {
    const prefill = resolvePrefill(shipped("kokuho-kanyu"), account({ moveInPersonId: "mp-silva-carlos" }));
    expect(prefill.previousNhi).toEqual({ source: "moveIn", value: "yes" });
    expect(prefill.joinDate?.source).toBe("moveIn");
    expect(items(prefill.members?.value).map((m) => [m.sex, m.relationship])).toEqual([
      ["male", "head"],
      ["female", "wife"],
    ]);
  });

  it("転入届: fills 国籍, 在留資格, 在留期間 and 在留カード番号 of a foreign mover, and 本籍・筆頭者 of a Japanese one", () => {
    const silva = items(resolvePrefill(shipped("tennyu"), account({ moveInPersonId: "mp-silva-ana" })).persons?.value);
    expect(silva[1]).toMatchObject({
      foreign: "yes",
      nationality: "BR",
      residenceStatus: "longTermResident",
      residencePeriodEnd: "2029-03-31",
      residenceCardNumber: "PQ13572468RS",
      honseki: undefined,
    });
    const ito = items(resolvePrefill(shipped("tennyu"), account({ moveInPersonId: "mp-ito-kenichi" })).persons?.value);
    expect(ito[0]).toMatchObject({ foreign: "no", honseki: "東京都世田谷区世田谷九丁目8番", hittousha: "伊藤 健一", nationality: undefined });
  });

  it("offers the registry's 続柄, 国籍 and 国保 of the signed-in resident", () => {
    const data = prefillSources.sources.find((s) => s.id === "registry")!.resolve(account({ personId: "p-nguyen-van-an" }));
    expect(data).toMatchObject({
      "person.relationship": "head",
      "person.foreign": "yes",
      "person.nationality": "VN",
      "person.residenceStatus": "engineer",
      "person.residenceCardNumber": "AB12345678CD",
      "person.nhi": "no",
    });
    const sato = prefillSources.sources.find((s) => s.id === "registry")!.resolve(account({ personId: "p-sato-miho" }));
    expect(sato).toMatchObject({
      "person.relationship": "wife",
      "person.honseki": "静岡県まどぐち市本町三丁目4番",
      "person.hittousha": "佐藤 翔太",
      "person.nhi": "yes",
    });
  });
});

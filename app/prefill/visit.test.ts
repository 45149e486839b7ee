import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FormDefinition } from "../form-engine/definition";
import { EXCLUDED, OFFERED } from "../form-engine/item-keys";
import { parseDefinition } from "../procedures/definitions.server";
import { SELF } from "./provenance";
import { carryOver, sharedValues } from "./visit";

const load = (id: string) => {
  const parsed = parseDefinition(JSON.parse(readFileSync(`forms/${id}.json`, "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.definition as FormDefinition;
};

const today = new Date("2026-11-23T03:00:00Z");
const name = (given: string, givenKana: string) => ({ family: "伊藤", given, familyKana: "イトウ", givenKana });
const newAddress = { postalCode: "4200034", prefecture: "静岡県", city: "みどり市", town: "緑が丘二丁目3番4号", building: "緑が丘コート 305号室" };
/** The 転入届 as the clerk saved it: the move-in date corrected, the new address, the four people, a phone number. */
const tennyuAnswers = {
  moveDate: "2026-11-19",
  newAddress,
  phone: "090-1234-5678",
  persons: [
    { [OFFERED]: 0, name: name("健一", "ケンイチ"), birthDate: "1987-03-19", sex: "male", relationship: "head" },
    { [OFFERED]: 1, name: name("彩", "アヤ"), birthDate: "1989-08-08", sex: "female", relationship: "wife" },
    { [OFFERED]: 2, name: name("湊", "ミナト"), birthDate: "2021-01-30", sex: "male", relationship: "child" },
    { [OFFERED]: 3, name: name("葵", "アオイ"), birthDate: "2024-10-05", sex: "female", relationship: "child" },
    // Someone offered but not moving is no one's answer.
    { [OFFERED]: 4, [EXCLUDED]: true, name: name("祖母", "ソボ"), birthDate: "1950-01-01", sex: "female", relationship: "other" },
  ],
};

describe("carry-over within a counter visit (shares)", () => {
  const shared = sharedValues([{ definition: load("tennyu"), answers: tennyuAnswers }], today);

  it("collects the shared answers of the 転入届: date, address, phone and the people moving with their ages", () => {
    expect(shared.moveDate).toBe("2026-11-19");
    expect(shared.address).toEqual(newAddress);
    expect(shared.phone).toBe("090-1234-5678");
    expect(shared.email).toBeUndefined();
    expect((shared.household as { ageYears: number }[]).map((p) => p.ageYears)).toEqual([39, 37, 5, 2]);
  });

  it("児童手当: the address, phone and the children (by its own filter and map) come from the visit; the records keep the rest", () => {
    const records = {
      claimantName: { value: name("健一", "ケンイチ"), source: "identity" },
      claimantAddress: { value: { town: "世田谷" }, source: "identity" },
    };
    const prefill = carryOver(load("jidou-teate"), records, shared);
    expect(prefill.claimantName).toEqual(records.claimantName);
    expect(prefill.claimantAddress).toEqual({ value: newAddress, source: "visit" });
    expect(prefill.phone).toEqual({ value: "090-1234-5678", source: "visit" });
    expect(prefill.children).toEqual({
      source: "visit",
      value: [
        { name: name("湊", "ミナト"), birthDate: "2021-01-30", relationship: "child", [OFFERED]: 0 },
        { name: name("葵", "アオイ"), birthDate: "2024-10-05", relationship: "child", [OFFERED]: 1 },
      ],
    });
  });

  it("保育所: the children under 6 and the parents as guardians, from the one household", () => {
    const prefill = carryOver(load("hoikusho"), {}, shared);
    expect((prefill.child!.value as { name: { given: string } }[]).map((c) => c.name.given)).toEqual(["湊", "葵"]);
    expect((prefill.guardians!.value as { name: { given: string } }[]).map((c) => c.name.given)).toEqual(["健一", "彩"]);
  });

  it("国保: the join date is the move-in date as corrected in the 転入届, and everyone moving is offered", () => {
    const prefill = carryOver(load("kokuho-kanyu"), { joinDate: { value: "2026-11-20", source: "moveIn" } }, shared);
    expect(prefill.joinDate).toEqual({ value: "2026-11-19", source: "visit" });
    expect((prefill.members!.value as unknown[]).length).toBe(4);
  });

  it("保育所: the visit's own person (marked in the 転入届's offer) takes the visit's phone as guardian; the others do not", () => {
    // The counter knows whose identity it checked (健一): his item, however the 転入届 came (online or in the visit).
    const isSelf = (p: Record<string, unknown>) => (p.name as { given: string }).given === "健一" && p.birthDate === "1987-03-19";
    const prefill = carryOver(load("hoikusho"), {}, sharedValues([{ definition: load("tennyu"), answers: tennyuAnswers }], today, { isSelf }));
    const guardians = prefill.guardians!.value as Record<string, unknown>[];
    expect(guardians.map((g) => [g.phone, g[SELF]])).toEqual([
      ["090-1234-5678", true],
      [undefined, undefined],
    ]);
    // Without knowing whose visit it is, nobody's item is taken for the visit's person.
    expect((carryOver(load("hoikusho"), {}, shared).guardians!.value as Record<string, unknown>[]).map((g) => g.phone)).toEqual([undefined, undefined]);
  });

  it("子ども医療費 after a 国保 加入 in the visit: the insurance is 国保, the city is the insurer, the 世帯主 the insured", () => {
    const head = { family: "伊藤", given: "健一" };
    const withNhi = sharedValues(
      [
        { definition: load("tennyu"), answers: tennyuAnswers },
        { definition: load("kokuho-kanyu"), answers: { headName: head } },
      ],
      today,
      { city: "みどり市" },
    );
    const prefill = carryOver(load("kodomo-iryouhi"), {}, withNhi);
    expect(prefill.insuranceType).toEqual({ value: "nhi", source: "visit" });
    expect(prefill.insurerName).toEqual({ value: "みどり市国民健康保険", source: "visit" });
    expect(prefill.insuredName).toEqual({ value: head, source: "visit" });
    // A fact is given, never received: 国保 has no answer it would fill. Without 国保 in the visit nothing is assumed.
    expect(carryOver(load("kokuho-kanyu"), {}, withNhi).insuranceType).toBeUndefined();
    expect(carryOver(load("kodomo-iryouhi"), {}, shared).insuranceType).toBeUndefined();
  });

  it("a later answer wins, a blank one does not count, the household stays the first procedure's, and nothing is carried without shares", () => {
    const later = sharedValues(
      [
        { definition: load("tennyu"), answers: tennyuAnswers },
        { definition: load("kokuho-kanyu"), answers: { phone: "", address: { ...newAddress, building: "305" } } },
        // 保育所 lists only the child applying: the visit's household is still everyone moving.
        { definition: load("hoikusho"), answers: { child: [{ name: name("葵", "アオイ"), birthDate: "2024-10-05", sex: "female" }] } },
      ],
      today,
    );
    expect((later.household as unknown[]).length).toBe(4);
    expect(later.phone).toBe("090-1234-5678");
    expect(later.address).toEqual({ ...newAddress, building: "305" });
    expect(carryOver(load("juminhyo"), {}, later)).toEqual({});
  });
});

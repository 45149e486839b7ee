/** 「住所を検索」 without JavaScript: the address type's command, given the server's lookup. */
import { describe, expect, it } from "vitest";
import type { CommandContext, PostalAddress } from "../field-type";
import { fillTown, type AddressValue } from "./address";
import { addressField } from "./address.rules";

const GINZA: PostalAddress = { prefecture: "東京都", city: "中央区", town: "銀座" };
const KASUGA = ["春日夢の森", "春日宮重町"].map((town) => ({ prefecture: "愛知県", city: "清須市", town }));
const ctx: CommandContext = { lookupPostalCode: (code) => ({ "1040061": [GINZA], "4520961": KASUGA })[code] ?? [] };
const def = { name: "newAddress", label: "新しい住所", required: true, type: "address" } as const;
const blank: AddressValue = { postalCode: "", prefecture: "", city: "", town: "", building: "" };
const run = (value: AddressValue, action: string) => {
  const [verb, , arg] = action.split(":");
  return addressField.command!(def, value, verb!, arg, ctx);
};

describe("address lookup command", () => {
  it("fills 都道府県, 市区町村 and 町域 from one match and moves on to 番地", () => {
    const r = run({ ...blank, postalCode: "1040061" }, "lookup:newAddress");
    expect(r).toMatchObject({ value: { prefecture: "東京都", city: "中央区", town: "銀座", postalLookup: { status: "found" } }, focus: "-town" });
  });

  it("offers the 町域 of a shared code as choices, with what they share filled in", () => {
    const r = run({ ...blank, postalCode: "4520961" }, "lookup:newAddress");
    expect(r).toMatchObject({
      value: { prefecture: "愛知県", city: "清須市", town: "", postalLookup: { status: "several", matches: KASUGA } },
      focus: "-match-0",
    });
    const chosen = run({ ...blank, postalCode: "4520961", town: "1-2" }, "choose:newAddress:1");
    expect(chosen).toMatchObject({ value: { prefecture: "愛知県", city: "清須市", town: "春日宮重町1-2" }, focus: "-town" });
  });

  it("says so for an unknown or incomplete code and keeps what was typed", () => {
    expect(run({ ...blank, postalCode: "9999999", city: "まどぐち市" }, "lookup:newAddress")).toMatchObject({
      value: { city: "まどぐち市", postalLookup: { status: "notFound" } },
      focus: "-postalCode",
    });
    expect(run({ ...blank, postalCode: "12345" }, "lookup:newAddress")).toMatchObject({ value: { postalLookup: { status: "invalid" } } });
    // A choice that is not on the list is looked up again rather than trusted.
    expect(run({ ...blank, postalCode: "4520961" }, "choose:newAddress:99")).toMatchObject({ value: { postalLookup: { status: "several" } } });
    expect(run(blank, "launch:newAddress")).toBeUndefined();
  });

  it("never stores the lookup with the answer", () => {
    const r = run({ ...blank, postalCode: "1040061" }, "lookup:newAddress")!;
    expect(addressField.normalize(r.value, def)).not.toHaveProperty("postalLookup");
  });

  it("keeps a 番地 typed before the lookup, and a town that already starts with the 町域", () => {
    expect(fillTown("", "銀座")).toBe("銀座");
    expect(fillTown("1-2-3", "銀座")).toBe("銀座1-2-3");
    expect(fillTown("銀座4丁目", "銀座")).toBe("銀座4丁目");
    expect(fillTown("梅田1-1", "銀座")).toBe("銀座");
    expect(fillTown("梅田1-1", "")).toBe("梅田1-1");
  });
});

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FormDefinition } from "../form-engine/definition";
import type { Member, VisitFacts } from "../form-engine/life-events";
import { parseDefinition } from "../procedures/definitions.server";
import { proposeProcedures } from "./proposals";

const forms = readdirSync("forms")
  .filter((f) => f.endsWith(".json") && f !== "definition.schema.json")
  .sort()
  .map((file) => {
    const parsed = parseDefinition(JSON.parse(readFileSync(path.join("forms", file), "utf8")));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.join("; ")}`);
    return { formId: parsed.definition.id, definition: parsed.definition as FormDefinition };
  });

const member = (relationship: string, ageYears: number, nhi = "no"): Member => ({ relationship, ageYears, nhi });
const ito = [member("head", 39, "yes"), member("wife", 37, "yes"), member("child", 5, "yes"), member("child", 2, "yes")];
const proposed = (facts: VisitFacts) => Object.fromEntries(proposeProcedures(forms, facts, "ja").flatMap((p) => (p.reason ? [[p.formId, p.reason]] : [])));

describe("life-event rules in the definitions (proposeWhen)", () => {
  it("a family of four moving in (the 伊藤 family: children 5 and 2, 国保 at the old address) gets every related procedure, with reasons", () => {
    expect(proposed({ lifeEvent: "tennyu", household: ito })).toEqual({
      tennyu: expect.stringContaining("転入の届出"),
      "jidou-teate": "高校生年代までのお子さん（2・5歳）がいるため",
      "kodomo-iryouhi": "お子さん（2・5歳）がいるため",
      "kokuho-kanyu": "前の住所で国民健康保険に加入していたため",
      hoikusho: "2・5歳のお子さんがいるため",
    });
  });

  it("names the age: a child of 3 → 「3歳のお子さんがいるため」 for 保育所", () => {
    expect(proposed({ lifeEvent: "tennyu", household: [member("head", 30), member("child", 3)] }).hoikusho).toBe("3歳のお子さんがいるため");
  });

  it("保育所 only under 6, 児童手当 up to 高校生年代 (under 19), 子ども医療費 for a child", () => {
    const household = [member("head", 45), member("child", 7), member("child", 17)];
    const p = proposed({ lifeEvent: "tennyu", household, employeeInsurance: "yes" });
    expect(p.hoikusho).toBeUndefined();
    expect(p["jidou-teate"]).toBe("高校生年代までのお子さん（7・17歳）がいるため");
    expect(p["kodomo-iryouhi"]).toBe("お子さん（7・17歳）がいるため");
    expect(proposed({ lifeEvent: "tennyu", household: [member("head", 50), member("child", 19)] })["jidou-teate"]).toBeUndefined();
  });

  it("国保: not covered by an employer's insurance as heard at the counter; the records decide only when it was not asked", () => {
    const noNhi = [member("head", 30), member("wife", 29)];
    expect(proposed({ lifeEvent: "tennyu", household: noNhi, employeeInsurance: "no" })["kokuho-kanyu"]).toBe("勤務先の健康保険に加入していないため");
    expect(proposed({ lifeEvent: "tennyu", household: noNhi })["kokuho-kanyu"]).toBeUndefined();
    expect(proposed({ lifeEvent: "tennyu", household: ito, employeeInsurance: "yes" })["kokuho-kanyu"]).toBeUndefined();
  });

  it("rules belong to their life events: a 転居 or no life event proposes none of the move-in procedures", () => {
    expect(proposed({ lifeEvent: "tenkyo", household: ito })).toEqual({});
    expect(proposed({ lifeEvent: null, household: ito })).toEqual({});
    // Every procedure stays on the list to be chosen by hand, the proposed ones first.
    const all = proposeProcedures(forms, { lifeEvent: "shussei", household: ito }, "ja");
    expect(all.map((p) => p.formId).sort()).toEqual(forms.map((f) => f.formId).sort());
    expect(all.findIndex((p) => p.reason === null)).toBeGreaterThan(all.findLastIndex((p) => p.reason !== null));
  });

  it("a proposed procedure that makes a fact the others receive (国保 加入: the insurance) comes right after the lead", () => {
    const order = proposeProcedures(forms, { lifeEvent: "tennyu", household: ito, employeeInsurance: "no" }, "ja").filter((p) => p.reason);
    expect(order.map((p) => p.formId).slice(0, 2)).toEqual(["tennyu", "kokuho-kanyu"]);
    // Without the fact it keeps the catalogue's place.
    const plain = forms.map((f) => (f.formId === "kokuho-kanyu" ? { ...f, definition: { ...f.definition, shares: { phone: "phone" } } } : f));
    const ids = proposeProcedures(plain, { lifeEvent: "tennyu", household: ito, employeeInsurance: "no" }, "ja")
      .filter((p) => p.reason)
      .map((p) => p.formId);
    expect(ids.at(-1)).toBe("kokuho-kanyu");
  });

  it("the meta-schema refuses a rule reading a fact a visit does not have, an unknown life event, and a shared answer that is no answer", () => {
    const base = JSON.parse(readFileSync("forms/kokuho-kanyu.json", "utf8"));
    const problemsOf = (patch: object) => {
      const parsed = parseDefinition({ ...base, ...patch });
      return parsed.ok ? "" : parsed.problems.join("\n");
    };
    expect(problemsOf({ proposeWhen: [{ events: ["marriage"], reason: "x" }] })).toMatch(/proposeWhen\.0\.events\.0/);
    const problems = problemsOf({
      proposeWhen: [{ when: { field: "salary", op: "gt", value: 1 }, reason: "x" }],
      shares: { address: "nowhere", household: "phone" },
    });
    expect(problemsOf({ shares: { household: { value: "everyone" } } })).toMatch(/shares\.household: the household is people, not a fact/);
    expect(problems).toMatch(/proposeWhen\.0\.when: a visit has no fact "salary"/);
    expect(problems).toMatch(/shares\.address: "nowhere" is not an answer/);
    expect(problems).toMatch(/shares\.household: "phone" is not a group of people/);
  });
});

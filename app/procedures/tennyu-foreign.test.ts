/** Issue 10, point 6, on the shipped 転入届: the questions a foreign resident is asked follow the 在留資格. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateStep, type Step } from "../form-engine/engine";
import { decodeMessage } from "../form-engine/messages";
import { parseDefinition } from "./definitions.server";

const raw = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../forms/tennyu.json"), "utf8"));
const parsed = parseDefinition(raw);
if (!parsed.ok) throw new Error("tennyu.json does not parse");
const step = parsed.definition.steps.find((s) => s.id === "persons") as Step;
const group = step.fields[0] as unknown as { fields: { name: string; options?: { value: string; label: { ja: string; en: string } }[] }[] };
const statuses = group.fields.find((f) => f.name === "residenceStatus")!.options!;

const person = {
  name: { family: "NGUYEN", given: "AN", familyKana: "グエン", givenKana: "アン" },
  birthDate: { year: "1990", month: "4", day: "1" },
  sex: "female",
  relationship: "head",
  foreign: "yes",
  nationality: "VN",
};
const persons = (extra: Record<string, unknown>) => validateStep(step, { persons: [{ ...person, ...extra }] }, {});

describe("転入届: foreign residents", () => {
  it("offers the full list of 在留資格, each with an English label (finding: 6 of the real list)", () => {
    const ja = statuses.map((o) => o.label.ja);
    for (const s of [
      "特別永住者",
      "永住者",
      "定住者",
      "特定技能（1号）",
      "特定技能（2号）",
      "技能実習（1号）",
      "技能実習（3号）",
      "高度専門職（2号）",
      "介護",
      "家族滞在",
    ])
      expect(ja).toContain(s);
    expect(statuses.length).toBeGreaterThanOrEqual(31);
    for (const o of statuses) expect(o.label.en).toMatch(/^[A-Z]/);
    // Not 中長期在留者, so no 住民票 (住民基本台帳法 §30-45): not offered, and the hint says why.
    for (const s of ["短期滞在", "外交", "公用"]) expect(ja).not.toContain(s);
  });

  it("does not ask 永住者 for a 在留期間の満了日 that does not exist (finding)", () => {
    const r = persons({ residenceStatus: "permanent", residenceCardNumber: "ab12345678cd" });
    expect(r.ok ? [] : r.errors).toEqual([]);
    // An expiry sent anyway (no JavaScript, the field was on the page) is dropped, not stored.
    const sent = persons({ residenceStatus: "permanent", residenceCardNumber: "AB12345678CD", residencePeriodEnd: { year: "2030", month: "1", day: "1" } });
    expect(sent.ok && (sent.values.persons as Record<string, unknown>[])[0]).not.toHaveProperty("residencePeriodEnd");
  });

  it("asks the other statuses for it", () => {
    const r = persons({ residenceStatus: "engineer", residenceCardNumber: "AB12345678CD" });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["persons.0.residencePeriodEnd"]);
  });

  it("asks a 特別永住者 for the 特別永住者証明書番号, not a 在留カード番号, and no expiry", () => {
    const missing = persons({ residenceStatus: "specialPermanent" });
    expect(missing.ok ? [] : missing.errors.map((e) => e.path)).toEqual(["persons.0.specialPermanentCertificateNumber"]);
    const r = persons({
      residenceStatus: "specialPermanent",
      specialPermanentCertificateNumber: "ｘｙ１２３４５６７８ｚｗ",
      residenceCardNumber: "AB12345678CD",
    });
    expect(r.ok).toBe(true);
    const stored = (r.values.persons as Record<string, unknown>[])[0]!;
    expect(stored.specialPermanentCertificateNumber).toBe("XY12345678ZW");
    expect(stored).not.toHaveProperty("residenceCardNumber");
  });

  it("takes 国籍・地域 from the list, not free text (finding)", () => {
    const r = persons({ nationality: "ベトナム", residenceStatus: "permanent", residenceCardNumber: "AB12345678CD" });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, decodeMessage(e.message).key])).toEqual([["persons.0.nationality", "validation.choice"]]);
  });
});

/**
 * Issue 10, procedure content: what residents tripped over in the shipped definitions (a fee never stated, one
 * 就労証明書 for two working parents, 保育標準時間 asked although the hours decide it, 変更 on fixed answers, a planned
 * move date marked as if it were the legal one, next steps that ignore what was uploaded).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { nextSteps } from "../form-engine/after-submit";
import { parseDefinition } from "../form-engine/definition";
import { pruneAnswers, validateStep, visibleSteps, type Answers } from "../form-engine/engine";
import { getFieldType } from "../form-engine/field-types";
import { summarize } from "../form-engine/summary";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { juminhyoAnswers } from "../test/submissions";
import { testT } from "../test/i18n";

const t = testT("ja");
const juminhyo = shippedDefinition("juminhyo");
const hoikusho = shippedDefinition("hoikusho");
const tennyu = shippedDefinition("tennyu");
const stepOf = (def: typeof juminhyo, id: string) => def.steps.find((s) => s.id === id)!;
const allFields = (def: typeof juminhyo) => def.steps.flatMap((s) => s.fields.flatMap((f) => [f, ...(f.fields ?? [])]));
const lines = (def: typeof juminhyo, answers: Answers) => nextSteps(def, answers, "ja", t).map((l) => l.text);

describe("住民票: the fee from the number of copies, and how to pay", () => {
  const base = { ...juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), copies: 2 };

  it("computes the fee on the server from the copies, whatever the browser posts for it", () => {
    const r = validateStep(stepOf(juminhyo, "delivery"), { delivery: "post", fee: { totalYen: 0, amountYen: 0, count: 99 } }, base);
    expect(r.ok && r.values.fee).toEqual({ totalYen: 600, amountYen: 300, count: 2 });
    const rows = summarize(juminhyo, pruneAnswers(juminhyo, { ...base, delivery: "post", payment: "postalOrder" }), "ja", t).flatMap((s) => s.rows);
    const fee = rows.find((r) => r.field === "fee")!;
    expect(fee.value).toBe("600円（300円×2通）");
    expect(fee.editable).toBe(false);
    expect(
      summarize(juminhyo, pruneAnswers(juminhyo, { ...base, copies: 3 }), "en", testT("en"))
        .flatMap((s) => s.rows)
        .find((r) => r.field === "fee")!.value,
    ).toBe("900 yen (300 yen × 3 copies)");
  });

  it("follows a changed number of copies after the delivery step was saved", () => {
    const saved = pruneAnswers(juminhyo, { ...base, delivery: "counter" });
    expect(pruneAnswers(juminhyo, { ...saved, copies: 5 }).fee).toMatchObject({ totalYen: 1500 });
  });

  it("asks how to pay only for delivery by post, and the receipt says how, with the amount", () => {
    expect(visibleSteps(juminhyo, { delivery: "counter" }).map((s) => s.id)).not.toContain("payment");
    expect(visibleSteps(juminhyo, { delivery: "post" }).map((s) => s.id)).toContain("payment");
    const postal = lines(juminhyo, pruneAnswers(juminhyo, { ...base, delivery: "post", payment: "postalOrder" }));
    expect(postal[0]).toMatch(/^手数料は 600円（300円×2通） です。同じ額の定額小為替と/);
    expect(postal.join()).not.toMatch(/SMS|窓口で受け取るとき/);
    const cashless = lines(juminhyo, pruneAnswers(juminhyo, { ...base, delivery: "post", payment: "cashless" }));
    expect(cashless[0]).toMatch(/SMS/);
    const counter = lines(juminhyo, pruneAnswers(juminhyo, { ...base, delivery: "counter" }));
    expect(counter[0]).toMatch(/^手数料は 600円（300円×2通） です。窓口で受け取るときに/);
    expect(counter.join()).not.toMatch(/定額小為替/);
  });
});

describe("保育所: 保育標準時間 / 保育短時間 derived from the guardians, never asked", () => {
  const withHours = (a: number | null, b: number | null, reasonB = "work") => {
    const answers = hoikushoAnswers();
    const [g1, g2] = answers.guardians as Answers[];
    return pruneAnswers(hoikusho, {
      ...answers,
      careHours: { value: "standard", rule: 2 },
      guardians: [
        { ...g1, hoursPerMonth: a ?? undefined },
        { ...g2, reason: reasonB, hoursPerMonth: b ?? undefined },
      ],
    });
  };

  it("is no question: no step has an input for it", () => {
    const field = allFields(hoikusho).find((f) => f.name === "careHours")!;
    expect(getFieldType(field.type).derive).toBeDefined();
    const html = renderToStaticMarkup(
      getFieldType(field.type).Render({ def: field, id: "careHours", name: "careHours", value: withHours(160, 96).careHours, required: false, lng: "ja", t }),
    );
    expect(html).not.toMatch(/<input|<select/);
    expect(html).toContain("保育短時間（最長8時間）");
    expect(html).toContain("1か月の就労時間が120時間未満の保護者がいるため");
  });

  it("takes the shorter of the two guardians: 120 hours a month or more each is 標準, under 120 for either is 短", () => {
    expect(withHours(160, 160).careHours).toEqual({ value: "standard", rule: 2 });
    expect(withHours(160, 120).careHours).toEqual({ value: "standard", rule: 2 });
    expect(withHours(160, 96).careHours).toEqual({ value: "short", rule: 0 });
    expect(withHours(64, 200).careHours).toEqual({ value: "short", rule: 0 });
    expect(withHours(160, null, "jobSearch").careHours).toEqual({ value: "short", rule: 1 });
    expect(withHours(160, null, "pregnancy").careHours).toEqual({ value: "standard", rule: 2 });
    // The demo submission's stored value is what the engine computes for its answers.
    expect(pruneAnswers(hoikusho, hoikushoAnswers()).careHours).toEqual(hoikushoAnswers().careHours);
  });

  it("is shown with how it was decided on the check page, without a 変更 link", () => {
    const row = summarize(hoikusho, withHours(160, 96), "ja", t)
      .flatMap((s) => s.rows)
      .find((r) => r.field === "careHours")!;
    expect(row.value).toBe("保育短時間（最長8時間）（1か月の就労時間が120時間未満の保護者がいるため（保護者のうち、短いほうの時間で決まります））");
    expect(row.editable).toBe(false);
  });
});

describe("保育所: a 就労証明書 per working guardian, several files allowed", () => {
  const guardiansStep = stepOf(hoikusho, "guardians");
  const file = (id: string) => ({ id, name: `${id}.pdf`, type: "application/pdf", size: 2048 });

  it("has the upload inside each guardian, shown only when the reason is work, taking several files", () => {
    expect(allFields(hoikusho).filter((f) => getFieldType(f.type).upload)).toHaveLength(1);
    const cert = guardiansStep.fields[0]!.fields!.find((f) => getFieldType(f.type).upload)!;
    expect(cert).toMatchObject({ multiple: true, required: false, showIf: { field: "reason", op: "eq", value: "work" } });
  });

  it("keeps each guardian's files, drops them for a guardian whose reason is not work, and refuses more than allowed", () => {
    const answers = hoikushoAnswers();
    const [g1, g2] = answers.guardians as Answers[];
    const ok = validateStep(
      guardiansStep,
      {
        guardians: [
          { ...g1, employmentCertificate: [file("a"), file("b")] },
          { ...g2, reason: "illness", illness: "入院", employmentCertificate: [file("c")] },
        ],
      },
      answers,
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    const [kept1, kept2] = ok.values.guardians as Answers[];
    expect(kept1!.employmentCertificate).toHaveLength(2);
    expect(kept2).not.toHaveProperty("employmentCertificate");
    const tooMany = validateStep(guardiansStep, { guardians: [{ ...g1, employmentCertificate: ["a", "b", "c", "d", "e", "f"].map(file) }, g2] }, answers);
    expect(!tooMany.ok && tooMany.errors).toEqual([
      { path: "guardians.0.employmentCertificate", target: "guardians-0-employmentCertificate", message: expect.stringMatching(/^validation\.fileCount/) },
    ]);
  });

  it("lists the files per guardian on the check page, the staff view and the PDF", () => {
    const answers = hoikushoAnswers();
    const [g1, g2] = answers.guardians as Answers[];
    const rows = summarize(
      hoikusho,
      pruneAnswers(hoikusho, { ...answers, guardians: [{ ...g1, employmentCertificate: [file("a"), file("b")] }, g2] }),
      "ja",
      t,
    ).flatMap((s) => s.rows);
    const items = rows.find((r) => r.field === "guardians")!.items!;
    expect(items[0]!.rows.find((r) => r.field === "employmentCertificate")!.value).toBe("a.pdf（2 KB）、b.pdf（2 KB）");
    expect(items[1]!.rows.find((r) => r.field === "employmentCertificate")!.value).toBe("未回答");
  });

  it("says on the receipt what is still to hand in, by what was uploaded", () => {
    const answers = hoikushoAnswers();
    const [g1, g2] = answers.guardians as Answers[];
    const none = lines(hoikusho, pruneAnswers(hoikusho, answers));
    expect(none[0]).toMatch(/^就労証明書をアップロードしていない保護者の方は/);
    const one = lines(hoikusho, pruneAnswers(hoikusho, { ...answers, guardians: [{ ...g1, employmentCertificate: [file("a")] }, g2] }));
    expect(one[0]).toMatch(/^就労証明書をアップロードしていない保護者の方は/);
    const both = lines(
      hoikusho,
      pruneAnswers(hoikusho, { ...answers, guardians: [g1, g2].map((g) => ({ ...g, employmentCertificate: [file(String(g!.phone))] })) }),
    );
    expect(both.join()).not.toMatch(/アップロードしていない/);
    expect(both[0]).toMatch(/^アップロードされた就労証明書は市で確認します/);
    expect(both.join()).not.toMatch(/母子健康手帳/);
    const pregnant = lines(hoikusho, pruneAnswers(hoikusho, { ...answers, guardians: [g1, { ...g2, reason: "pregnancy", dueDate: "2027-01-10" }] }));
    expect(pregnant.join()).toMatch(/母子健康手帳の写し/);
  });
});

describe("check page rows: what may be changed", () => {
  it("offers no change for a fixed value from the city's records, but does for the same field typed by an anonymous resident", () => {
    const answers = pruneAnswers(juminhyo, juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    const rows = (sources = {}) => summarize(juminhyo, answers, "ja", t, sources).flatMap((s) => s.rows);
    const fixed = rows({
      applicantName: { sourceKey: "prefill.source.identity", changed: false },
      applicantAddress: { sourceKey: "prefill.source.registry", changed: false },
    });
    expect(fixed.find((r) => r.field === "applicantName")!.editable).toBe(false);
    // A confirm binding stays editable: the resident may correct it on its step.
    expect(fixed.find((r) => r.field === "applicantAddress")!.editable).toBe(true);
    expect(rows().find((r) => r.field === "applicantName")!.editable).toBe(true);
  });

  it("marks the prefilled move date as the planned date (転出予定日), not as the legal one", () => {
    const rows = summarize(tennyu, { moveDate: "2026-11-01" }, "ja", t, { moveDate: { sourceKey: "prefill.source.moveIn", changed: false } }).flatMap(
      (s) => s.rows,
    );
    expect(rows.find((r) => r.field === "moveDate")!.source!.label).toBe("転出予定日（転出証明書情報より）");
  });
});

describe("the meta-schema of these features", () => {
  const form = (steps: unknown[], afterSubmit: unknown[] = ["a"]) => {
    const r = parseDefinition({ id: "f", version: "1", title: "f", description: "f", guidance: { duration: "1分" }, declaration: "d", afterSubmit, steps });
    return r.ok ? [] : r.problems;
  };
  const count = { id: "one", title: "一", fields: [{ type: "number", name: "n", label: "数" }] };

  it("refuses a derived value whose rules read its own step or name no option, a fee per an unknown answer, and {{x}} naming no answer", () => {
    const derived = (when: unknown, value = "a") => ({
      type: "derived",
      name: "d",
      label: "D",
      options: [{ value: "a", label: "A" }],
      rules: [{ when, value, because: "b" }],
    });
    expect(form([count, { id: "two", title: "二", fields: [derived({ field: "n", op: "gt", value: 1 })] }])).toEqual([]);
    expect(form([{ ...count, fields: [...count.fields, derived({ field: "n", op: "gt", value: 1 })] }])[0]).toMatch(/^steps\.0\.fields\.1\.rules\.0\.when/);
    expect(form([count, { id: "two", title: "二", fields: [derived(undefined, "zzz")] }])[0]).toMatch(/rules\.0\.value: "zzz" is not one of the options/);
    expect(form([count, { id: "two", title: "二", fields: [{ type: "fee", name: "fee", label: "手数料", amountYen: 300, per: "m" }] }])[0]).toMatch(
      /^steps\.1\.fields\.0\.per/,
    );
    expect(form([count], [{ text: "{{n}} と {{nope}}", showIf: { field: "n", op: "gt", value: 1 } }])).toEqual([
      "afterSubmit.0.text: {{nope}} names no answer",
    ]);
  });
});

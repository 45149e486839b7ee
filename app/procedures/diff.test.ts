import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { FormDefinition } from "../form-engine/definition";
import { localeTexts, testT } from "../test/i18n";
import { parseDefinition } from "./definitions.server";
import { canonicalText, describeChanges, jsonDiff, type Change } from "./diff";

/** Definitions under test are edited freely, as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const raw = (file = "tennyu") => JSON.parse(fs.readFileSync(`forms/${file}.json`, "utf8"));
function parsed(json: unknown): FormDefinition {
  const r = parseDefinition(json);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.definition;
}
/** The changes from a shipped form to the same form edited by `edit`, as Japanese sentences. */
function changes(edit: (d: Loose) => void, file = "tennyu"): string[] {
  const after = raw(file);
  edit(after);
  return describeChanges(parsed(raw(file)), parsed(after)).map((c) => testT("ja")(c.key, c.params));
}
const step = (d: Loose, id: string) => d.steps.find((s: Loose) => s.id === id);
const field = (d: Loose, name: string) => d.steps.flatMap((s: Loose) => s.fields).find((f: Loose) => f.name === name);

describe("describeChanges", () => {
  it("finds nothing between a version and itself, whatever its formatting", () => {
    expect(changes(() => {})).toEqual([]);
  });

  it("says a question was added to a step, in the issue's words", () => {
    const withoutEmail = raw();
    step(withoutEmail, "contact").fields.pop();
    delete withoutEmail.contactEmail;
    expect(describeChanges(parsed(withoutEmail), parsed(raw())).map((c) => testT("ja")(c.key, c.params))).toEqual([
      "手続きの設定（contactEmail）を変更",
      "手順『連絡先』に質問『メールアドレス』を追加",
    ]);
    expect(changes((d) => step(d, "contact").fields.push({ type: "email", name: "email2", label: "予備のメールアドレス" }))).toEqual([
      "手順『連絡先』に質問『予備のメールアドレス』を追加",
    ]);
  });

  it("says a question became required or optional, in the issue's words", () => {
    expect(changes((d) => (field(d, "phone").required = true))).toEqual([]); // required is the default
    expect(changes((d) => (field(d, "phone").required = false))).toEqual(["『日中に連絡がとれる電話番号』を必須から任意に変更"]);
    const optional = raw();
    field(optional, "phone").required = false;
    expect(describeChanges(parsed(optional), parsed(raw())).map((c) => testT("ja")(c.key, c.params))).toEqual([
      "『日中に連絡がとれる電話番号』を任意から必須に変更",
    ]);
  });

  it("says steps were added, removed, renamed and moved", () => {
    expect(changes((d) => d.steps.push({ id: "extra", title: "追加の質問", fields: [{ type: "text", name: "extra", label: "その他" }] }))).toEqual([
      "手順『追加の質問』を追加",
      "手順『追加の質問』に質問『その他』を追加",
    ]);
    expect(changes((d) => (d.steps = d.steps.filter((s: Loose) => s.id !== "related")))).toEqual([
      "手順『あわせて必要な手続き』を削除",
      "手順『あわせて必要な手続き』から質問『あわせて行う手続き』を削除",
    ]);
    expect(changes((d) => (step(d, "contact").title = "連絡方法"))).toEqual(["手順『連絡先』の名前を『連絡方法』に変更"]);
    expect(changes((d) => d.steps.unshift(d.steps.splice(d.steps.indexOf(step(d, "contact")), 1)[0]))).toEqual(["手順『連絡先』を1番目に移動"]);
  });

  it("says a question moved to another step, or within its step", () => {
    expect(changes((d) => step(d, "household").fields.push(step(d, "contact").fields.shift()))).toEqual([
      "質問『日中に連絡がとれる電話番号』を手順『連絡先』から手順『新しい世帯』に移動",
    ]);
    expect(changes((d) => step(d, "contact").fields.reverse())).toEqual(["手順『連絡先』の質問『日中に連絡がとれる電話番号』の順番を変更"]);
  });

  it("says a label, a hint, a type and a setting changed", () => {
    expect(changes((d) => (field(d, "phone").label = "電話番号"))).toEqual(["質問『日中に連絡がとれる電話番号』の見出しを『電話番号』に変更"]);
    expect(changes((d) => (field(d, "phone").hint = "つながりやすい番号"))).toEqual(["質問『日中に連絡がとれる電話番号』に説明を追加"]);
    expect(changes((d) => delete field(d, "moveDate").hint)).toEqual(["質問『引っ越した日（異動日）』の説明を削除"]);
    expect(changes((d) => (field(d, "moveDate").hint = "別の説明"))).toEqual(["質問『引っ越した日（異動日）』の説明を変更"]);
    expect(changes((d) => (field(d, "email").type = "text"))).toEqual(["質問『メールアドレス』の種類を「メールアドレス」から「1行のテキスト」に変更"]);
    expect(changes((d) => (field(d, "moveDate").max = "2030-01-01"))).toEqual(["質問『引っ越した日（異動日）』の設定（max）を変更"]);
  });

  it("describes a translation that changed in its own language", () => {
    const en = (d: Loose) => (d.steps[0].title = { ja: "請求する方", en: "About the applicant" });
    expect(changes(en, "juminhyo")).toEqual(["手順『About you』の名前を『About the applicant』に変更"]);
  });

  it("says options were added, removed, relabelled and reordered", () => {
    const notifier = (d: Loose) => field(d, "notifier").options;
    expect(changes((d) => notifier(d).push({ value: "lawyer", label: "弁護士" }))).toEqual(["質問『届出をする方』に選択肢『弁護士』を追加"]);
    expect(changes((d) => notifier(d).pop())).toEqual([expect.stringMatching(/^質問『届出をする方』から選択肢『.+』を削除$/)]);
    expect(changes((d) => (notifier(d)[0].label = "申請者本人"))).toEqual([
      expect.stringMatching(/^質問『届出をする方』の選択肢『.+』を『申請者本人』に変更$/),
    ]);
    expect(changes((d) => notifier(d).reverse())).toEqual(["質問『届出をする方』の選択肢の順番を変更"]);
  });

  it("says conditions were added, removed or changed", () => {
    const cond = { field: "notifier", op: "eq", value: "self" };
    expect(changes((d) => (field(d, "email").showIf = cond))).toEqual(["質問『メールアドレス』に表示する条件を追加"]);
    expect(changes((d) => (field(d, "email").requiredIf = cond))).toEqual(["質問『メールアドレス』に必須になる条件を追加"]);
    expect(changes((d) => (step(d, "contact").showIf = cond))).toEqual(["手順『連絡先』に表示する条件を追加"]);
    const withCondition = raw("juminhyo");
    const purposeOther = withCondition.steps[1].fields[4];
    expect(purposeOther.showIf).toBeDefined();
    expect(changes((d) => (d.steps[1].fields[4].showIf = { field: "purpose", op: "eq", value: "x" }), "juminhyo")).toEqual([
      "質問『その他の使いみち』の表示する条件を変更",
    ]);
    expect(changes((d) => delete d.steps[1].fields[4].showIf, "juminhyo")).toEqual(["質問『その他の使いみち』の表示する条件を削除"]);
  });

  it("says a prefill binding was added, removed, re-sourced, fixed or made correctable", () => {
    expect(changes((d) => delete field(d, "phone").prefill)).toEqual(["質問『日中に連絡がとれる電話番号』のprofile.phoneからの自動入力を削除"]);
    expect(changes((d) => (field(d, "previousHead").prefill.path = "moveIn.headName"))).toEqual([
      "質問『前の住所での世帯主の氏名』の自動入力元をmoveIn.previousHeadNameからmoveIn.headNameに変更",
    ]);
    expect(changes((d) => (field(d, "phone").prefill.mode = "fixed"))).toEqual([
      "質問『日中に連絡がとれる電話番号』の自動入力を、住民が変更できない表示に変更",
    ]);
    expect(changes((d) => (field(d, "applicantName").prefill.mode = "confirm"), "juminhyo")).toEqual([
      "質問『氏名』の自動入力を、住民が確認して直せる形に変更",
    ]);
    expect(changes((d) => (field(d, "moveDate").prefill.note = "別の注意"))).toEqual(["質問『引っ越した日（異動日）』の自動入力の設定を変更"]);
  });

  it("says what changed in a repeating group's items", () => {
    const persons = (d: Loose) => field(d, "persons").fields;
    expect(changes((d) => persons(d).push({ type: "text", name: "note", label: "備考", required: false }))).toEqual([
      "質問『引っ越してきた方』に項目『備考』を追加",
    ]);
    expect(changes((d) => (persons(d).find((f: Loose) => f.name === "alias").required = true))).toEqual(["『引っ越してきた方・通称』を任意から必須に変更"]);
  });

  it("says the form's title, texts, PDF title and settings changed", () => {
    expect(changes((d) => (d.title.ja = "転入届"))).toEqual(["手続きの名前を『転入届（住民異動届）』から『転入届』に変更"]);
    expect(changes((d) => (d.declaration = "別の宣誓"))).toEqual(["申請前の確認事項（宣誓）を変更"]);
    expect(changes((d) => d.afterSubmit.push("追加の案内"))).toEqual(["申請後の案内を変更"]);
    expect(changes((d) => (d.description = "別の説明"))).toEqual(["手続きの説明を変更"]);
    expect(changes((d) => (d.guidance.duration = "10分"))).toEqual(["始める前の案内を変更"]);
    expect(changes((d) => (d.pdf.title = "住民異動届"))).toEqual(["PDFの表題を『住民異動届（転入）』から『住民異動届』に変更"]);
    expect(changes((d) => ((d.signInRequired = true), (d.version = "2027-01")))).toEqual(["手続きの設定（signInRequired）を変更"]);
  });

  it("has every message in ja and en, with every value filled in", () => {
    const all: Change[] = [];
    const collect = (edit: (d: Loose) => void, file = "tennyu") => {
      const after = raw(file);
      edit(after);
      all.push(...describeChanges(parsed(raw(file)), parsed(after)));
    };
    collect((d) => {
      d.title.ja = "転入";
      d.declaration = "x";
      d.description = "x";
      d.guidance.duration = "x";
      d.afterSubmit.push("x");
      d.pdf.title = "x";
      d.signInRequired = true;
      d.steps.push({ id: "extra", title: "追加", description: "説明", fields: [{ type: "text", name: "extra", label: "その他" }] });
      d.steps = d.steps.filter((s: Loose) => s.id !== "related");
      step(d, "contact").title = "連絡方法";
      step(d, "contact").description = "説明";
      step(d, "contact").showIf = { field: "notifier", op: "eq", value: "self" };
      step(d, "household").fields.push(step(d, "contact").fields.shift());
      d.steps.push(d.steps.splice(d.steps.indexOf(step(d, "household")), 1)[0]);
      field(d, "notifier").options.push({ value: "lawyer", label: "弁護士" });
      field(d, "notifier").options.shift();
      field(d, "notifier").options[0].label = "x";
      field(d, "notifier").options[0].hint = "x";
      field(d, "notifier").options.reverse();
      Object.assign(field(d, "email"), {
        type: "text",
        required: false,
        hint: "x",
        showIf: { field: "notifier", op: "eq", value: "x" },
        requiredIf: { field: "notifier", op: "eq", value: "x" },
      });
      field(d, "email").label = "x";
      field(d, "moveDate").max = "2030-01-01";
      field(d, "moveDate").prefill.mode = "fixed";
      field(d, "moveDate").prefill.note = "x";
      field(d, "previousHead").prefill.path = "moveIn.headName";
      delete field(d, "newAddress").prefill;
      field(d, "persons").fields.push({ type: "text", name: "note", label: "備考" });
      field(d, "persons").fields.reverse();
      field(d, "persons").fields.splice(1, 1);
      step(d, "move").fields.reverse();
    });
    collect((d) => {
      field(d, "applicantName").prefill.mode = "confirm";
      delete field(d, "applicantPhone").hint;
      d.steps[1].fields[4].showIf = { field: "purpose", op: "eq", value: "x" };
      field(d, "persons").fields[0].label = "名前";
      step(d, "applicant").description = "説明";
    }, "juminhyo");
    collect((d) => {
      delete field(d, "applicantPhone").prefill;
      field(d, "applicantPhone").required = false;
      delete d.steps[1].fields[4].showIf;
    }, "juminhyo");
    collect((d) => {
      field(d, "email").required = true;
      field(d, "email").requiredIf = { field: "notifier", op: "eq", value: "self" };
      step(d, "contact").showIf = { field: "notifier", op: "eq", value: "self" };
      step(d, "contact").description = "説明";
    });
    const before = raw();
    field(before, "email").requiredIf = { field: "notifier", op: "eq", value: "self" };
    field(before, "email").hint = "説明";
    step(before, "contact").showIf = { field: "notifier", op: "eq", value: "self" };
    step(before, "contact").description = "説明";
    delete field(before, "email").prefill;
    for (const edit of [
      (d: Loose) => {
        field(d, "email").requiredIf = { field: "notifier", op: "eq", value: "head" };
        step(d, "contact").showIf = { field: "notifier", op: "eq", value: "head" };
        step(d, "contact").description = "別の説明";
        field(d, "email").hint = "別の説明";
        field(d, "email").prefill = { path: "profile.email" };
      },
      (d: Loose) => {
        delete field(d, "email").requiredIf;
        delete step(d, "contact").showIf;
        delete step(d, "contact").description;
      },
    ]) {
      const after = structuredClone(before);
      edit(after);
      all.push(...describeChanges(parsed(before), parsed(after)));
    }
    const produced = new Set(all.map((c) => c.key));
    const diffKeys = (o: object, prefix: string): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}.${k}`] : diffKeys(v, `${prefix}.${k}`)));
    const messages = localeTexts("ja").admin.diff;
    expect(diffKeys(messages, "admin.diff").filter((k) => !produced.has(k))).toEqual([]);
    for (const lng of ["ja", "en"] as const) for (const c of all) expect(testT(lng)(c.key, c.params), `${lng} ${c.key}`).not.toMatch(/admin\.diff|\{\{|\$t\(/);
  });
});

describe("jsonDiff", () => {
  it("is empty between a version and itself re-formatted, and ignores $schema", () => {
    const a = raw();
    const b = JSON.parse(JSON.stringify(a, Object.keys(a).reverse()));
    delete b.$schema;
    expect(jsonDiff(a, { ...raw(), $schema: "elsewhere" })).toEqual([]);
    expect(canonicalText(a).endsWith("\n")).toBe(true);
  });

  it("gives hunks of canonical JSON lines with their line numbers", () => {
    const after = raw();
    field(after, "phone").label = "電話番号";
    const hunks = jsonDiff(raw(), after, 1);
    expect(hunks).toHaveLength(1);
    const [hunk] = hunks;
    expect(hunk!.lines.map((l) => l.kind)).toEqual(["context", "removed", "added", "context"]);
    expect(hunk!.lines.slice(1, 3).map((l) => l.text.trim())).toEqual(['"label": "日中に連絡がとれる電話番号",', '"label": "電話番号",']);
    const before = canonicalText(raw()).split("\n");
    const removed = hunk!.lines[1]!;
    expect(before[removed.oldLine! - 1]).toBe(removed.text);
    const added = hunk!.lines[2]!;
    expect(canonicalText(after).split("\n")[added.newLine! - 1]).toBe(added.text);
    expect(hunk).toMatchObject({ oldStart: hunk!.lines[0]!.oldLine, oldLines: 3, newLines: 3 });
  });
});

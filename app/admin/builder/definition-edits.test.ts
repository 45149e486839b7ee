import { describe, expect, it } from "vitest";
import { parseDefinition } from "../../form-engine/definition";
import { fieldTypes } from "../../form-engine/field-types";
import { localeTexts } from "../../test/i18n";
import { testT } from "../../test/i18n";
import { parseCommand } from "./commands";
import {
  addQuestion,
  addStep,
  editStep,
  formLanguages,
  moveQuestion,
  moveQuestionToStep,
  moveStep,
  newStepId,
  removeQuestion,
  removeStep,
  removeStepCondition,
  setSettings,
  setStepCondition,
  stepsOf,
  toLocalized,
  type EditResult,
  type Json,
  type Settings,
} from "./definition-edits";
import { problemMessage } from "./messages";

const translate = (lng: string, key: string, params?: Record<string, string | number>) => (lng === "ja" || lng === "en" ? testT(lng)(key, params) : "");

/** A small procedure: 連絡先 asks whether to e-mail; 詳細 shows only when they said yes. */
function sample(): Json {
  return {
    id: "sample",
    version: "1",
    title: { ja: "見本の手続き", en: "Sample" },
    description: { ja: "見本", en: "Sample" },
    guidance: { whatYouNeed: [{ ja: "本人確認書類", en: "ID" }], duration: { ja: "5分", en: "5 minutes" }, notes: [] },
    applicantName: "name",
    contactEmail: "email",
    steps: [
      {
        id: "applicant",
        title: { ja: "申請者", en: "Applicant" },
        fields: [
          { type: "personName", name: "name", label: { ja: "氏名", en: "Name" } },
          { type: "yesNo", name: "wantsMail", label: { ja: "メールで連絡を受けますか", en: "Email?" } },
        ],
      },
      {
        id: "contact",
        title: { ja: "連絡先", en: "Contact" },
        showIf: { field: "wantsMail", op: "eq", value: "yes" },
        fields: [
          { type: "email", name: "email", label: { ja: "メールアドレス", en: "Email" } },
          { type: "text", name: "note", label: { ja: "備考", en: "Note" }, required: false, showIf: { field: "email", op: "notEmpty" } },
        ],
      },
      { id: "other", title: { ja: "その他", en: "Other" }, fields: [{ type: "text", name: "other", label: { ja: "その他", en: "Other" }, required: false }] },
    ],
    declaration: { ja: "誤りはありません", en: "True" },
    afterSubmit: [
      { ja: "連絡します", en: "We will contact you" },
      { text: { ja: "メールを送ります" }, showIf: { field: "wantsMail", op: "eq", value: "yes" } },
    ],
  };
}

const definitionOf = (result: EditResult) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.definition;
};
const refusal = (result: EditResult) => {
  if (result.ok) throw new Error("expected a refusal");
  return result.problems[0]!;
};
const message = (def: Json, result: EditResult) => problemMessage(def, refusal(result), "ja", testT("ja"));
const valid = (def: Json) => expect(parseDefinition(def)).toMatchObject({ ok: true });

describe("texts in the form's languages", () => {
  it("are the languages of the title, or the declared list, Japanese first", () => {
    expect(formLanguages(sample())).toEqual(["ja", "en"]);
    expect(formLanguages({ title: "見本" })).toEqual(["ja"]);
    expect(formLanguages({ title: { en: "x", ja: "y" }, languages: ["en", "zh", "ja"] })).toEqual(["ja", "en", "zh"]);
  });

  it("leave out blank languages and need Japanese; a plain string stays one", () => {
    expect(toLocalized({ ja: " 名前 ", en: "" }, { ja: "旧", en: "old" })).toEqual({ ja: "名前" });
    expect(toLocalized({ ja: "名前", en: "Name" })).toEqual({ ja: "名前", en: "Name" });
    expect(toLocalized({ ja: "名前" }, "旧")).toBe("名前");
    expect(toLocalized({ ja: "", en: "Name" })).toBeUndefined();
  });
});

describe("procedure settings", () => {
  const settings = (over: Partial<Settings> = {}): Settings => ({
    title: { ja: "新しい名前", en: "New name" },
    description: { ja: "説明", en: "About" },
    duration: { ja: "10分", en: "" },
    whatYouNeed: [
      { ja: "本人確認書類", en: "ID" },
      { ja: "", en: "" },
    ],
    notes: [{ ja: "", en: "" }],
    declaration: { ja: "誤りはありません", en: "True" },
    afterSubmit: [
      { ja: "連絡します", en: "" },
      { ja: "メールを送ります（変更）", en: "We email you" },
      { ja: "", en: "" },
    ],
    pdfTitle: { ja: "", en: "" },
    signInRequired: true,
    applicantName: "name",
    contactEmail: "",
    ...over,
  });

  it("sets every text, drops blank items, keeps an after-submit item's condition", () => {
    const def = definitionOf(setSettings(sample(), settings()));
    expect(def.title).toEqual({ ja: "新しい名前", en: "New name" });
    expect(def.guidance).toEqual({ whatYouNeed: [{ ja: "本人確認書類", en: "ID" }], duration: { ja: "10分" }, notes: [] });
    expect(def.afterSubmit).toEqual([
      { ja: "連絡します" },
      { text: { ja: "メールを送ります（変更）", en: "We email you" }, showIf: { field: "wantsMail", op: "eq", value: "yes" } },
    ]);
    expect(def.signInRequired).toBe(true);
    expect(def).not.toHaveProperty("contactEmail");
    expect(def).not.toHaveProperty("pdf");
    valid(def);
  });

  it("refuses missing Japanese texts and names each input", () => {
    const result = setSettings(sample(), settings({ title: { ja: "", en: "Only English" }, duration: { ja: "", en: "" }, afterSubmit: [{ ja: "", en: "" }] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.target)).toEqual(["title-ja", "duration-ja", "afterSubmit-0-ja"]);
  });

  it("takes as the applicant's name only a name question of the form", () => {
    expect(refusal(setSettings(sample(), settings({ applicantName: "email" })))).toMatchObject({ key: "unknownAnswer", target: "applicantName" });
    expect(refusal(setSettings(sample(), settings({ contactEmail: "nothing" })))).toMatchObject({ key: "unknownAnswer", target: "contactEmail" });
    expect(definitionOf(setSettings(sample(), settings({ contactEmail: "email" }))).contactEmail).toBe("email");
  });
});

describe("steps", () => {
  it("a new step's id comes from its English title, or is step-N; always unique", () => {
    expect(newStepId(sample(), { ja: "添付書類", en: "Documents to attach" })).toBe("documents-to-attach");
    expect(newStepId(sample(), { ja: "添付書類", en: "" })).toBe("step-4");
    expect(newStepId(sample(), { ja: "連絡先", en: "Contact" })).toBe("contact-2");
  });

  it("adds a step at the end and focuses its link", () => {
    const result = addStep(sample(), { ja: "添付書類", en: "" });
    expect(result).toMatchObject({ ok: true, focus: "step-step-4" });
    expect(stepsOf(definitionOf(result)).at(-1)).toEqual({ id: "step-4", title: { ja: "添付書類" }, fields: [] });
    expect(refusal(addStep(sample(), { ja: " ", en: "Docs" }))).toMatchObject({ key: "textRequired", target: "new-step-title-ja" });
  });

  it("edits the title and description; a blank description is removed", () => {
    const def = definitionOf(editStep(sample(), "other", { title: { ja: "そのほか", en: "Other" }, description: { ja: "任意です", en: "" } }));
    expect(stepsOf(def)[2]).toMatchObject({ title: { ja: "そのほか", en: "Other" }, description: { ja: "任意です" } });
    const cleared = definitionOf(editStep(def, "other", { title: { ja: "そのほか", en: "" }, description: { ja: "", en: "" } }));
    expect(stepsOf(cleared)[2]).not.toHaveProperty("description");
  });

  it("moves a step, but not above the question its condition reads", () => {
    const down = definitionOf(moveStep(sample(), "contact", "down"));
    expect(stepsOf(down).map((s) => s.id)).toEqual(["applicant", "other", "contact"]);
    valid(down);
    const result = moveStep(sample(), "contact", "up");
    expect(refusal(result)).toMatchObject({ key: "moveBreaksConditions", referrers: [{ kind: "stepCondition", stepId: "contact" }] });
    expect(message(sample(), result)).toBe(
      "移動できません。「手順「連絡先」を表示する条件」が、移動すると後に聞く質問（「メールで連絡を受けますか」）を参照することになります。先に条件を変えてください",
    );
    expect(refusal(moveStep(sample(), "applicant", "up"))).toMatchObject({ key: "cannotMove" });
  });

  it("removes a step unless others refer to its questions; never the last one", () => {
    const result = removeStep(sample(), "applicant");
    expect(refusal(result).referrers).toEqual([
      { kind: "stepCondition", stepId: "contact" },
      { kind: "afterSubmit", index: 1 },
      { kind: "setting", key: "applicantName" },
    ]);
    expect(message(sample(), result)).toContain("「設定「申請者の氏名とする回答」」");
    expect(stepsOf(definitionOf(removeStep(sample(), "other"))).map((s) => s.id)).toEqual(["applicant", "contact"]);
    // Questions of the step that refer to each other do not hold it back.
    const noEmailSetting = { ...sample(), contactEmail: undefined };
    expect(removeStep(noEmailSetting, "contact").ok).toBe(true);
    const single = { ...sample(), steps: [stepsOf(sample())[2]] };
    expect(refusal(removeStep(single, "other"))).toMatchObject({ key: "lastStep" });
  });

  it("removes a step's condition", () => {
    expect(stepsOf(definitionOf(removeStepCondition(sample(), "contact")))[1]).not.toHaveProperty("showIf");
  });
});

describe("questions", () => {
  it.each(fieldTypes.map((ft) => ft.type))("a new %s question is valid as it stands, with texts in the form's languages", (type) => {
    const result = addQuestion(sample(), "other", type, translate);
    const def = definitionOf(result);
    valid(def);
    const added = stepsOf(def)[2]!.fields.at(-1)!;
    expect(added).toMatchObject({ type, name: "question6", label: { ja: "質問6", en: "Question 6" } });
    expect(result).toMatchObject({ focus: "question-question6" });
    // No placeholder is an untranslated key.
    expect(JSON.stringify(added)).not.toContain("admin.builder");
  });

  it("refuses a type that is not registered", () => {
    expect(refusal(addQuestion(sample(), "other", "signature", translate))).toMatchObject({ key: "unknownType" });
  });

  it("moves a question within its step", () => {
    const def = definitionOf(moveQuestion(sample(), "contact", "note", "up"));
    expect(stepsOf(def)[1]!.fields.map((f) => f.name)).toEqual(["note", "email"]);
    expect(refusal(moveQuestion(sample(), "contact", "note", "down"))).toMatchObject({ key: "cannotMove" });
  });

  it("moves a question to another step unless a condition would then read it before it is asked", () => {
    const moved = definitionOf(moveQuestionToStep(sample(), "contact", "note", "other"));
    expect(stepsOf(moved).map((s) => s.fields.map((f) => f.name))).toEqual([["name", "wantsMail"], ["email"], ["other", "note"]]);
    valid(moved);
    const result = moveQuestionToStep(sample(), "applicant", "wantsMail", "other");
    expect(refusal(result).referrers).toEqual([{ kind: "stepCondition", stepId: "contact" }]);
    expect(refusal(moveQuestionToStep(sample(), "contact", "email", "contact"))).toMatchObject({ key: "sameStep" });
  });

  it("removes a question unless a condition, a setting or a text refers to it, and names them", () => {
    const byCondition = removeQuestion(sample(), "applicant", "wantsMail");
    expect(message(sample(), byCondition)).toBe(
      "削除できません。この質問を「手順「連絡先」を表示する条件」、「申請後のご案内の2番目の項目」が参照しています。先に条件や設定を変えてください",
    );
    const email = removeQuestion(sample(), "contact", "email");
    expect(refusal(email).referrers).toEqual([
      { kind: "question", stepId: "contact", name: "note" },
      { kind: "setting", key: "contactEmail" },
    ]);
    expect(stepsOf(definitionOf(removeQuestion(sample(), "contact", "note")))[1]!.fields.map((f) => f.name)).toEqual(["email"]);
  });

  it("names a derived value's rule and a fee's count among what refers to a question", () => {
    const def = sample();
    stepsOf(def)[2]!.fields.push(
      {
        type: "derived",
        name: "route",
        label: "経路",
        options: [{ value: "m", label: "メール" }],
        rules: [{ when: { field: "wantsMail", op: "eq", value: "yes" }, value: "m", because: "希望" }],
      },
      { type: "fee", name: "fee", label: "手数料", amountYen: 300, per: "name" },
    );
    expect(refusal(removeQuestion(def, "applicant", "wantsMail")).referrers).toContainEqual({ kind: "question", stepId: "other", name: "route" });
    expect(refusal(removeQuestion(def, "applicant", "name")).referrers).toContainEqual({ kind: "question", stepId: "other", name: "fee" });
  });
});

describe("the field types' names", () => {
  it("every registered type has a name in every language", () => {
    for (const lng of ["ja", "en"] as const) {
      const names = (localeTexts(lng).admin as { fieldTypes: Record<string, string> }).fieldTypes;
      expect(fieldTypes.map((ft) => ft.type).filter((type) => !names[type])).toEqual([]);
    }
  });
});

describe("posted commands", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return f;
  };

  it("are read per page; another page's command or a bad direction is no command", () => {
    expect(parseCommand(form({ intent: "moveStep", stepId: "contact", direction: "up" }), ["ja"], "overview")).toEqual({
      intent: "moveStep",
      stepId: "contact",
      direction: "up",
    });
    expect(parseCommand(form({ intent: "moveStep", stepId: "contact", direction: "sideways" }), ["ja"], "overview")).toBeNull();
    expect(parseCommand(form({ intent: "removeQuestion", name: "email" }), ["ja"], "overview")).toBeNull();
    expect(parseCommand(form({ intent: "addStep", "new-step-title-ja": "連絡先", "new-step-title-en": "Contact" }), ["ja", "en"], "overview")).toEqual({
      intent: "addStep",
      title: { ja: "連絡先", en: "Contact" },
    });
  });

  it("read list rows up to the count the page sent", () => {
    const command = parseCommand(
      form({ intent: "settings", "notes-count": "2", "notes-0-ja": "一", "notes-1-ja": "二", "notes-2-ja": "三" }),
      ["ja"],
      "overview",
    );
    expect(command?.intent === "settings" && command.settings.notes).toEqual([{ ja: "一" }, { ja: "二" }]);
  });
});

describe("conditions from menus (a step's, an afterSubmit item's)", () => {
  const settingsOf = (def: Json, over: Partial<Settings> = {}): Settings => ({
    title: { ja: "見本の手続き", en: "Sample" },
    description: { ja: "見本", en: "Sample" },
    duration: { ja: "5分", en: "" },
    whatYouNeed: [],
    notes: [],
    declaration: { ja: "誤りはありません", en: "True" },
    afterSubmit: (def.afterSubmit as unknown[]).map(() => ({ ja: "案内" })),
    pdfTitle: { ja: "", en: "" },
    signInRequired: false,
    applicantName: "name",
    contactEmail: "email",
    ...over,
  });

  it("sets a step's condition read from its menus, and removes it", () => {
    const posted = new FormData();
    for (const [k, v] of [
      ["intent", "stepCondition"],
      ["showIf.kind", "compare"],
      ["showIf.field", "name"],
      ["showIf.op", "notEmpty"],
    ])
      posted.append(k!, v!);
    const command = parseCommand(posted, ["ja"], "step");
    expect(command).toEqual({ intent: "stepCondition", condition: { field: "name", op: "notEmpty" }, button: { verb: "save" } });
    const def = definitionOf(setStepCondition(sample(), "other", command?.intent === "stepCondition" ? command.condition : undefined));
    expect(stepsOf(def)[2]!.showIf).toEqual({ field: "name", op: "notEmpty" });
    valid(def);
    expect(stepsOf(definitionOf(setStepCondition(def, "other", undefined)))[2]).not.toHaveProperty("showIf");
  });

  it("refuses a step condition that is not complete, or reads a question of its own or a later step", () => {
    expect(refusal(setStepCondition(sample(), "other", { field: "", op: "eq", value: "" }))).toEqual({
      key: "conditionIncomplete",
      target: "q-showIf-title",
    });
    expect(refusal(setStepCondition(sample(), "contact", { field: "wantsMail", op: "eq", value: "" }))).toMatchObject({ key: "conditionIncomplete" });
    expect(refusal(setStepCondition(sample(), "contact", { field: "email", op: "notEmpty" }))).toMatchObject({ key: "conditionUnknownQuestion" });
    expect(refusal(setStepCondition(sample(), "applicant", { field: "other", op: "notEmpty" }))).toMatchObject({ key: "conditionUnknownQuestion" });
    expect(message(sample(), setStepCondition(sample(), "other", { field: "", op: "eq" }))).toBe("条件の質問・比べ方・値をすべて選んでください");
  });

  it("sets, keeps and removes an afterSubmit item's condition, reading any question of the form", () => {
    const set = definitionOf(setSettings(sample(), settingsOf(sample(), { afterSubmitShowIf: [{ field: "other", op: "notEmpty" }, undefined] })));
    expect(set.afterSubmit).toEqual([
      { text: { ja: "案内" }, showIf: { field: "other", op: "notEmpty" } },
      { text: { ja: "案内" }, showIf: { field: "wantsMail", op: "eq", value: "yes" } },
    ]);
    valid(set);
    const removed = definitionOf(setSettings(set, settingsOf(set, { afterSubmitShowIf: [null, null] })));
    expect(removed.afterSubmit).toEqual([{ ja: "案内" }, { ja: "案内" }]);
  });

  it("refuses an afterSubmit condition that is not complete, naming the item's editor", () => {
    const result = setSettings(sample(), settingsOf(sample(), { afterSubmitShowIf: [undefined, { field: "nothing", op: "notEmpty" }] }));
    expect(refusal(result)).toEqual({ key: "conditionUnknownQuestion", target: "q-afterSubmit-1-showIf-title" });
  });

  it("reads the settings' item conditions only where the page showed an editor, and an editor's button", () => {
    const posted = new FormData();
    for (const [k, v] of [
      ["intent", "settings"],
      ["_action", "cond:add:afterSubmit-0-showIf"],
      ["afterSubmit-count", "3"],
      ["afterSubmit-0-ja", "一"],
      ["afterSubmit-1-ja", "二"],
      ["afterSubmit-0-showIf-menus", "yes"],
      ["afterSubmit-1-showIf-menus", "yes"],
      ["afterSubmit-1-showIf.kind", "compare"],
      ["afterSubmit-1-showIf.field", "wantsMail"],
      ["afterSubmit-1-showIf.op", "eq"],
      ["afterSubmit-1-showIf.value", "yes"],
    ])
      posted.append(k!, v!);
    const command = parseCommand(posted, ["ja"], "overview");
    expect(command?.intent === "settings" && command.button).toEqual({ verb: "cond", what: "add", path: "afterSubmit-0-showIf" });
    expect(command?.intent === "settings" && command.settings.afterSubmitShowIf).toEqual([null, { field: "wantsMail", op: "eq", value: "yes" }, undefined]);
    posted.set("_action", "cond:explode");
    expect(parseCommand(posted, ["ja"], "overview")).toBeNull();
  });
});

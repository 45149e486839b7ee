import { beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { createProcedure, getFormDraft } from "../../procedures/lifecycle.server";
import { useTestDatabase } from "../../test/db";
import { testT } from "../../test/i18n";
import { addStaff } from "../../test/submissions";
import { applyCommand, openWorkingCopy, overviewPage, stepPage } from "./builder.server";
import type { Json } from "./definition-edits";

const admin = { staffId: "admin-1" };
const t = testT("ja");
const translate = (lng: string, key: string, params?: Record<string, string | number>) => testT(lng === "en" ? "en" : "ja")(key, params);

describe("the builder's server side", () => {
  let db: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    db = useTestDatabase();
    addStaff(admin.staffId, "管理 太郎");
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, new Date("2026-12-01T00:00:00Z"));
  });

  const run = (expectedUpdatedAt: number, command: Parameters<typeof applyCommand>[2]["command"], stepId?: string) =>
    applyCommand("pet", admin, { expectedUpdatedAt, command, stepId }, translate, "ja", t);

  it("saves a command on the working copy and says where focus goes", () => {
    const working = openWorkingCopy("pet", admin)!;
    const outcome = run(working.updatedAt, { intent: "addQuestion", type: "radio" }, "step-1");
    expect(outcome).toEqual({ ok: true, done: "addQuestion", focus: "question-question2-link" });
    const saved = getFormDraft("pet")!.definition as Json;
    expect(JSON.stringify(saved)).toContain('"name":"question2"');
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toContain("procedure.save");
  });

  it("refuses a save based on an older copy and writes nothing", () => {
    const working = openWorkingCopy("pet", admin)!;
    expect(run(working.updatedAt, { intent: "addStep", title: { ja: "連絡先" } })).toMatchObject({ ok: true });
    const before = getFormDraft("pet")!;
    // The page still shows the first copy: another save came in between.
    expect(run(working.updatedAt, { intent: "addStep", title: { ja: "添付書類" } })).toEqual({ ok: false, stale: true });
    expect(getFormDraft("pet")!.definition).toEqual(before.definition);
  });

  it("says in words why an edit is refused, and saves nothing", () => {
    const working = openWorkingCopy("pet", admin)!;
    const outcome = run(working.updatedAt, { intent: "removeStep", stepId: "step-1" });
    expect(outcome).toEqual({ ok: false, stale: false, problems: [{ message: "手順が1つだけのときは削除できません" }] });
    expect(getFormDraft("pet")!.updatedAt.getTime()).toBe(working.updatedAt);
  });

  it("lists steps and questions, and puts each finding on its step, naming the question", () => {
    const working = openWorkingCopy("pet", admin)!;
    const def = structuredClone(working.definition);
    ((def.steps as Json[])[0]!.fields as Json[])[0]!.label = ""; // a label the meta-schema refuses
    const page = stepPage("pet", "step-1", { definition: def, updatedAt: working.updatedAt }, "ja", t)!;
    expect(page.questions).toEqual([{ name: "question1", type: "text", known: true, label: "question1", required: true, conditional: false }]);
    expect(page.findings[0]).toMatchObject({ severity: "error", stepId: "step-1", fieldName: "question1" });
    const overview = overviewPage("pet", { definition: def, updatedAt: working.updatedAt }, "ja", t);
    expect(overview.steps).toEqual([{ id: "step-1", title: "申請内容", questions: 1, conditional: false, findings: page.findings.length }]);
    expect(overview.findings).toEqual([]);
  });

  it("has no page for a procedure that does not exist", () => {
    expect(openWorkingCopy("nothing", admin)).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../../test/db";
import { addStaff } from "../../test/submissions";
import { submitFromCheck } from "../../journey/check.server";
import { createProcedure, getFormDraft, newDefinition, publishFormDraft } from "../../procedures/lifecycle.server";
import { getLiveForm, isRetired } from "../../procedures/store.server";
import { createDraft } from "../../submissions/drafts.server";
import { importDefinitionText, jsonEditor, saveJsonText } from "./definition-files.server";
import { catalogue, parseProcedureCommand, procedurePage, runProcedureCommand } from "./procedures.server";

const admin = { staffId: "admin-1" };
const t0 = new Date("2026-12-01T00:00:00Z"); // 09:00 JST
const post = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return parseProcedureCommand(form);
};

describe("the procedure page's commands", () => {
  beforeEach(() => {
    useTestDatabase();
    addStaff(admin.staffId, "管理 太郎");
    vi.useFakeTimers({ now: t0, toFake: ["Date"] });
    return () => vi.useRealTimers();
  });

  it("a working copy with a meta-schema error is refused with a message, nothing is published", () => {
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
    const broken = { ...newDefinition("pet", "犬の登録"), steps: [] };
    saveJsonText("pet", JSON.stringify(broken), String(getFormDraft("pet")!.updatedAt.getTime()), admin);
    const outcome = runProcedureCommand("pet", post({ intent: "publish" }), admin, t0);
    expect(outcome).toMatchObject({ ok: false, problems: [{ target: "publish-now", message: { key: "admin.forms.errors.invalid" } }] });
    expect(getLiveForm("pet", t0)).toBeUndefined();
  });

  it("schedules in Japan time, refuses the past, and a cancelled schedule never goes live", () => {
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
    expect(runProcedureCommand("pet", post({ intent: "schedule", date: "2026-12-01", time: "08:00" }), admin, t0)).toMatchObject({
      ok: false,
      problems: [{ message: { key: "admin.forms.schedule.inPast" } }],
    });
    expect(runProcedureCommand("pet", post({ intent: "schedule", date: "2026-12-01", time: "10:00" }), admin, t0)).toEqual({ ok: true, done: "schedule" });
    expect(getLiveForm("pet", new Date("2026-12-01T00:59:00Z"))).toBeUndefined();
    expect(getLiveForm("pet", new Date("2026-12-01T01:00:00Z"))?.revision).toBe(1);
    const page = procedurePage("pet", "ja", t0)!;
    expect(page.state).toBe("scheduled");
    expect(page.scheduled[0]!.at).toBe("令和8年12月1日 10:00");
    expect(runProcedureCommand("pet", post({ intent: "cancel", publicationId: String(page.history[0]!.id) }), admin, t0)).toEqual({ ok: true, done: "cancel" });
    expect(getLiveForm("pet", new Date("2026-12-02T00:00:00Z"))).toBeUndefined();
    // Cancelling again: a message, not an exception.
    expect(runProcedureCommand("pet", post({ intent: "cancel", publicationId: String(page.history[0]!.id) }), admin, t0)).toMatchObject({
      ok: false,
      problems: [{ message: { key: "admin.forms.errors.notScheduled" } }],
    });
  });

  it("hostile posts are a message: unknown intent, an id that is not a number", () => {
    expect(post({ intent: "drop table" })).toBeNull();
    expect(post({ intent: "publishVersion", versionId: "1 or 1=1" })).toBeNull();
    expect(runProcedureCommand("pet", null, admin, t0)).toMatchObject({ ok: false, problems: [{ message: { key: "admin.forms.errors.badRequest" } }] });
  });

  it("editing from another version does not hide an existing working copy", () => {
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
    const { versionId } = publishFormDraft("pet", admin, {}, t0);
    expect(runProcedureCommand("pet", post({ intent: "editFrom", versionId: String(versionId) }), admin, t0)).toMatchObject({ ok: true, goTo: "edit" });
    expect(runProcedureCommand("pet", post({ intent: "editFrom", versionId: String(versionId) }), admin, t0)).toMatchObject({
      ok: false,
      problems: [{ message: { key: "admin.forms.errors.workingCopyExists" } }],
    });
  });

  it("retiring closes the procedure: a resident's draft begun before cannot be submitted", () => {
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
    publishFormDraft("pet", admin, {}, t0);
    const owner = { anonymousKeyHash: "h" };
    const draft = createDraft(owner, getLiveForm("pet", t0)!);
    expect(runProcedureCommand("pet", post({ intent: "retire" }), admin, t0)).toEqual({ ok: true, done: "retire" });
    expect(isRetired("pet")).toBe(true);
    expect(submitFromCheck(owner, { kind: "resident", residentAccountId: null }, { draftId: draft.id, declared: true, keepProfile: false }, "ja")).toEqual({
      kind: "closed",
    });
    expect(catalogue("ja", t0)[0]).toMatchObject({ formId: "pet", state: "retired" });
    expect(procedurePage("pet", "ja", t0)!.audit.map((a) => a.action)).toEqual(["retire", "publish", "create"]);
  });
});

describe("definition text: import and the JSON view", () => {
  beforeEach(() => {
    useTestDatabase();
    addStaff(admin.staffId, "管理 太郎");
  });

  it("a file with a syntax error is not imported; the problem names its line", () => {
    const text = '{\n  "id": "pet",\n  "title": "犬"\n  "version": "1"\n}';
    const outcome = importDefinitionText(text, admin);
    expect(outcome).toMatchObject({ ok: false, problem: "invalid", problems: [{ line: 4 }] });
    expect(getFormDraft("pet")).toBeUndefined();
  });

  it("a meta-schema problem names its line, path and question; a valid file becomes the working copy", () => {
    const def = newDefinition("pet", "犬の登録") as { steps: { fields: Record<string, unknown>[] }[] };
    def.steps[0]!.fields[0]!.type = "no-such-type";
    const outcome = importDefinitionText(JSON.stringify(def, null, 2), admin);
    expect(outcome.ok).toBe(false);
    const problem = !outcome.ok ? outcome.problems[0]! : undefined;
    expect(problem).toMatchObject({ stepId: "step-1", question: "質問1" });
    expect(problem!.path).toMatch(/^steps\[0\]\.fields\[0\]/);
    expect(problem!.line).toBeGreaterThan(10);
    expect(importDefinitionText(JSON.stringify(newDefinition("pet", "犬の登録")), admin)).toEqual({ ok: true, formId: "pet", created: true });
    expect(getFormDraft("pet")?.origin).toBe("import");
  });

  it("the JSON view saves nothing on a syntax error and refuses a stale save", () => {
    createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
    const editor = jsonEditor("pet", "ja")!;
    expect(saveJsonText("pet", '{ "id": "pet", }', editor.expected, admin)).toMatchObject({
      ok: false,
      problem: "syntax",
      problems: expect.arrayContaining([expect.objectContaining({ line: 1 })]),
    });
    const changed = editor.text.replace("質問1", "お名前");
    expect(saveJsonText("pet", changed, editor.expected, admin)).toMatchObject({ ok: true });
    expect(JSON.stringify(getFormDraft("pet")!.definition)).toContain("お名前");
    // The same page posted again is based on the copy before the save.
    expect(saveJsonText("pet", editor.text, editor.expected, admin)).toMatchObject({ ok: false, problem: "stale" });
    expect(saveJsonText("pet", changed.replace('"id": "pet"', '"id": "cat"'), jsonEditor("pet", "ja")!.expected, admin)).toMatchObject({
      ok: false,
      problem: "idChanged",
    });
  });
});

describe("the procedure page on several app servers", () => {
  /** "pet" published; another administrator, on another app server, opening a working copy of it meanwhile. */
  async function whileAnotherOpensAWorkingCopy(act: () => void) {
    const database = useTestDatabaseFile();
    try {
      addStaff(admin.staffId, "管理 太郎");
      createProcedure({ formId: "pet", title: "犬の登録" }, admin, t0);
      publishFormDraft("pet", admin, {}, t0);
      const { committed } = await writerElsewhere(
        database.file,
        `insert into form_drafts (form_id, definition, origin, created_at, updated_at)
         select form_id, json_set(definition, '$.title', json('{"ja":"他の人の編集"}')), 'builder', 0, 1 from form_versions where form_id = 'pet'`,
      );
      expect(writeLockHeld(database.file)).toBe(true);
      act();
      await committed;
      // The other administrator's working copy is as they made it.
      expect((getFormDraft("pet")!.definition as { title: unknown }).title).toEqual({ ja: "他の人の編集" });
    } finally {
      database.remove();
    }
  }

  it("「この版から編集」 says a working copy exists instead of continuing in one opened a moment ago", () =>
    whileAnotherOpensAWorkingCopy(() => {
      const versionId = getLiveForm("pet", t0)!.versionId;
      // Before, the check saw no working copy and went on into the other administrator's.
      expect(runProcedureCommand("pet", post({ intent: "editFrom", versionId: String(versionId) }), admin, t0)).toMatchObject({ ok: false });
    }));

  it("saving JSON shown without a working copy is refused as stale when one was opened meanwhile, not written over it", () =>
    whileAnotherOpensAWorkingCopy(() => {
      const page = jsonEditor("pet", "ja")!;
      expect(page.fromVersion).toBe(1);
      // Before, the check saw no working copy, then saved this text over the one the other administrator had opened.
      expect(saveJsonText("pet", page.text, page.expected, admin)).toMatchObject({ ok: false, problem: "stale" });
    }));
});

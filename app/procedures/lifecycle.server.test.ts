import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { addStaff } from "../test/submissions";
import { createDraft, formOfDraft } from "../submissions/drafts.server";
import {
  cancelScheduled,
  createProcedure,
  importDefinition,
  LifecycleError,
  listCatalogue,
  publishFormDraft,
  publishVersion,
  retireProcedure,
  saveFormDraft,
  startEditing,
} from "./lifecycle.server";
import { getLiveForm, isRetired, listLiveForms, syncFormDefinitions } from "./store.server";

const admin = { staffId: "admin-1" };
const t0 = new Date("2026-12-01T00:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const titled = (title: string) => (def: Record<string, unknown>) => ({ ...def, title: { ja: title } });

function sampleFile(dir: string, title: string) {
  const def = {
    id: "sample",
    version: "1",
    title,
    description: "見本",
    guidance: { duration: "1分" },
    declaration: "誤りはありません",
    afterSubmit: ["連絡します"],
    steps: [{ id: "one", title: "一", fields: [{ type: "text", name: "x", label: "X" }] }],
  };
  fs.writeFileSync(path.join(dir, "sample.json"), JSON.stringify(def));
}

describe("procedure lifecycle", () => {
  let db: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    db = useTestDatabase();
    addStaff(admin.staffId, "管理 太郎");
  });

  const edit = (formId: string, change: (def: Record<string, unknown>) => Record<string, unknown>, at = t0) => {
    const working = startEditing(formId, admin, undefined, at);
    saveFormDraft(formId, change(working.definition as Record<string, unknown>), admin, {}, at);
  };

  it("a new procedure is a draft nobody can start until it is published", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    expect(listCatalogue(t0)[0]).toMatchObject({ formId: "pet-license", state: "draft", hasWorkingCopy: true, live: undefined });
    expect(getLiveForm("pet-license", t0)).toBeUndefined();
    publishFormDraft("pet-license", admin, {}, t0);
    expect(getLiveForm("pet-license", t0)?.revision).toBe(1);
    expect(listCatalogue(t0)[0]).toMatchObject({ state: "published", hasWorkingCopy: false, lastChange: { by: "管理 太郎" } });
    expect(() => createProcedure({ formId: "pet-license", title: "x" }, admin, t0)).toThrow(LifecycleError);
  });

  it("refuses to publish a working copy that is not a valid definition, and keeps it", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    saveFormDraft("pet-license", { id: "pet-license", steps: [] }, admin, {}, t0);
    expect(() => publishFormDraft("pet-license", admin, {}, t0)).toThrow(expect.objectContaining({ code: "invalid" }));
    expect(listCatalogue(t0)[0]).toMatchObject({ state: "draft", hasWorkingCopy: true });
  });

  it("a scheduled publication goes live at its time, and can be cancelled before", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    publishFormDraft("pet-license", admin, { effectiveAt: later(60) }, t0);
    expect(listCatalogue(t0)[0]).toMatchObject({ state: "scheduled", scheduled: [{ revision: 1 }] });
    expect(getLiveForm("pet-license", later(59))).toBeUndefined();
    expect(getLiveForm("pet-license", later(60))?.revision).toBe(1);

    edit("pet-license", titled("犬の登録（改）"), later(61));
    publishFormDraft("pet-license", admin, { effectiveAt: later(120) }, later(61));
    const [entry] = listCatalogue(later(62));
    expect(entry).toMatchObject({ state: "published", live: { revision: 1 }, scheduled: [{ revision: 2 }] });
    cancelScheduled("pet-license", entry!.scheduled[0]!.publicationId, admin, later(62));
    expect(getLiveForm("pet-license", later(200))?.revision).toBe(1);
    expect(() => publishFormDraft("pet-license", admin, {}, later(62))).toThrow(expect.objectContaining({ code: "noDraft" }));
  });

  it("a published version is immutable: editing makes a new version; a resident's draft finishes on its own", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    publishFormDraft("pet-license", admin, {}, t0);
    const residentDraft = createDraft({ anonymousKeyHash: "k" }, getLiveForm("pet-license", t0)!);
    edit("pet-license", titled("犬の登録（改）"), later(1));
    expect(getLiveForm("pet-license", later(1))?.definition.title).toEqual({ ja: "犬の登録" });
    publishFormDraft("pet-license", admin, {}, later(2));
    expect(getLiveForm("pet-license", later(2))?.revision).toBe(2);
    expect(formOfDraft(residentDraft).definition.title).toEqual({ ja: "犬の登録" });
    expect(() => db.$client.prepare("update form_versions set definition = '{}'").run()).toThrow(/immutable/);
    expect(() => db.$client.prepare("delete from form_versions").run()).toThrow(/immutable/);
  });

  it("retiring removes the procedure from the catalogue; rolling back publishes an earlier version again", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    const first = publishFormDraft("pet-license", admin, {}, t0);
    edit("pet-license", titled("犬の登録（改）"), later(1));
    publishFormDraft("pet-license", admin, {}, later(1));
    publishVersion("pet-license", first.versionId, admin, {}, later(2));
    expect(getLiveForm("pet-license", later(2))?.revision).toBe(1);
    retireProcedure("pet-license", admin, {}, later(3));
    expect(isRetired("pet-license", later(3))).toBe(true);
    expect(listLiveForms(later(3))).toEqual([]);
    expect(listCatalogue(later(3))[0]).toMatchObject({ state: "retired" });
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["procedure.create", "procedure.publish", "procedure.edit", "procedure.save", "procedure.rollback", "procedure.retire"]),
    );
  });

  it("a save based on an older copy is refused (two administrators)", () => {
    createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
    const seen = startEditing("pet-license", admin, undefined, t0).updatedAt.getTime();
    saveFormDraft("pet-license", newTitle("A"), admin, { expectedUpdatedAt: seen }, later(1));
    expect(() => saveFormDraft("pet-license", newTitle("B"), admin, { expectedUpdatedAt: seen }, later(2))).toThrow(expect.objectContaining({ code: "stale" }));
  });

  it("an imported file becomes the working copy of the procedure it names", () => {
    const def = { ...(startEditingNew().definition as object), id: "imported-form" };
    expect(importDefinition(def, admin, t0)).toEqual({ formId: "imported-form", created: true });
    publishFormDraft("imported-form", admin, {}, t0);
    expect(listCatalogue(t0).find((e) => e.formId === "imported-form")?.versions[0]).toMatchObject({ origin: "import", revision: 1 });
  });

  it("a changed forms/ file goes live while files manage the procedure, and waits once an administrator published", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forms-"));
    sampleFile(dir, "見本");
    syncFormDefinitions(dir, () => {}, t0);
    sampleFile(dir, "見本2");
    syncFormDefinitions(dir, () => {}, later(1));
    expect(getLiveForm("sample", later(1))?.revision).toBe(2);
    edit("sample", titled("管理者の版"), later(2));
    publishFormDraft("sample", admin, {}, later(2));
    sampleFile(dir, "見本3");
    const log: string[] = [];
    syncFormDefinitions(dir, (s) => log.push(s), later(3));
    expect(getLiveForm("sample", later(3))?.definition.title).toEqual({ ja: "管理者の版" });
    expect(log.join()).toMatch(/unpublished versions .*sample r4/);
    expect(listCatalogue(later(3))[0]?.versions.map((v) => v.origin)).toEqual(["file", "builder", "file", "file"]);
  });
});

function newTitle(title: string) {
  return { id: "pet-license", title: { ja: title } };
}

function startEditingNew() {
  createProcedure({ formId: "scratch", title: "下書き" }, admin, t0);
  return startEditing("scratch", admin, undefined, t0);
}

describe("procedure lifecycle on several app servers", () => {
  type FileDatabase = ReturnType<typeof useTestDatabaseFile>;
  /**
   * The procedure "pet-license" (published unless `draftOnly`), and another app server writing `statements` and
   * holding the lock while this one does `act`; then what is stored is `check`ed.
   */
  async function whileAnotherServerWrites(options: {
    draftOnly?: boolean;
    statements: (database: FileDatabase) => string;
    act: () => void;
    check: (database: FileDatabase) => void;
  }) {
    const database = useTestDatabaseFile();
    try {
      addStaff(admin.staffId, "管理 太郎");
      createProcedure({ formId: "pet-license", title: "犬の登録" }, admin, t0);
      if (!options.draftOnly) publishFormDraft("pet-license", admin, {}, t0);
      const { committed } = await writerElsewhere(database.file, options.statements(database));
      expect(writeLockHeld(database.file)).toBe(true);
      options.act();
      await committed;
      options.check(database);
    } finally {
      database.remove();
    }
  }
  const one = (database: FileDatabase, sql: string) => database.db.$client.prepare(sql).pluck().get();

  it(
    "publishes the working copy as stored when another administrator's save is being written meanwhile",
    () =>
      whileAnotherServerWrites({
        draftOnly: true,
        statements: (database) => {
          const stored = one(database, "select definition from form_drafts where form_id = 'pet-license'") as string;
          const changed = JSON.stringify(titled("犬の登録（改）")(JSON.parse(stored))).replaceAll("'", "''");
          return `update form_drafts set definition = '${changed}', updated_at = ${later(1).getTime()} where form_id = 'pet-license'`;
        },
        act: () => publishFormDraft("pet-license", admin, {}, later(1)),
        // Before, the copy read before the save was published and the saved change was deleted with the working copy.
        check: (database) => {
          const published = one(
            database,
            "select definition from form_versions where id = (select version_id from form_publications where form_id = 'pet-license')",
          );
          expect(JSON.parse(published as string).title).toEqual({ ja: "犬の登録（改）" });
        },
      }),
    20_000,
  );

  it(
    "opens the working copy another administrator is opening at the same moment instead of failing",
    () =>
      whileAnotherServerWrites({
        statements: () =>
          "insert into form_drafts (form_id, definition, origin, created_at, updated_at) select form_id, definition, 'builder', 0, 0 from form_versions where form_id = 'pet-license'",
        // Before, both made a working copy and this one's insert failed on the key: a 500 for the administrator.
        act: () => expect(startEditing("pet-license", admin, undefined, later(1))).toMatchObject({ formId: "pet-license" }),
        check: (database) => expect(one(database, "select count(*) from form_drafts")).toBe(1),
      }),
    20_000,
  );

  it(
    "retires once when two administrators retire at the same moment",
    () =>
      whileAnotherServerWrites({
        statements: () =>
          `insert into form_publications (form_id, version_id, effective_at, created_by, created_at) values ('pet-license', null, ${later(1).getTime()}, '${admin.staffId}', 0)`,
        // Before, each saw the procedure live and wrote its own retirement (and audit entry).
        act: () => expect(() => retireProcedure("pet-license", admin, {}, later(2))).toThrow(expect.objectContaining({ code: "alreadyRetired" })),
        check: (database) => expect(one(database, "select count(*) from form_publications where version_id is null")).toBe(1),
      }),
    20_000,
  );
});

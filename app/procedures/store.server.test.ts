import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/db";
import { createDraft, formOfDraft } from "../submissions/drafts.server";
import { getLiveForm, listLiveForms, syncFormDefinitions } from "./store.server";

const sample = (title: string) => ({
  id: "sample",
  version: "1",
  title,
  description: "見本",
  guidance: { duration: "1分" },
  declaration: "誤りはありません",
  afterSubmit: ["連絡します"],
  steps: [{ id: "one", title: "一", fields: [{ type: "text", name: "x", label: "X" }] }],
});

describe("versioned form store", () => {
  let dir: string;
  const write = (obj: unknown, spaces = 2) => fs.writeFileSync(path.join(dir, "sample.json"), JSON.stringify(obj, null, spaces));
  beforeEach(() => {
    useTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "forms-"));
  });

  it("stores a changed file as a new revision and an unchanged (or re-formatted) one not at all", () => {
    write(sample("見本"));
    syncFormDefinitions(dir, () => {});
    expect(getLiveForm("sample")?.revision).toBe(1);
    write(sample("見本"), 4);
    syncFormDefinitions(dir, () => {});
    expect(getLiveForm("sample")?.revision).toBe(1);
    write(sample("見本・改"));
    syncFormDefinitions(dir, () => {});
    expect(getLiveForm("sample")?.revision).toBe(2);
    expect(listLiveForms().map((f) => f.revision)).toEqual([2]);
  });

  it("keeps a draft on the version it was started with after a new one is published", () => {
    write(sample("見本"));
    syncFormDefinitions(dir, () => {});
    const draft = createDraft({ anonymousKeyHash: "k" }, getLiveForm("sample")!);
    write(sample("見本・改"));
    syncFormDefinitions(dir, () => {});
    expect(formOfDraft(draft).definition.title).toBe("見本");
    expect(getLiveForm("sample")?.definition.title).toBe("見本・改");
  });

  it("skips a broken file and says why, keeping what was published", () => {
    write(sample("見本"));
    syncFormDefinitions(dir, () => {});
    write({ ...sample("壊れた"), steps: [] });
    const log: string[] = [];
    syncFormDefinitions(dir, (s) => log.push(s));
    expect(log.join()).toMatch(/sample.json: not a valid definition; skipped\n {2}steps: /);
    expect(getLiveForm("sample")?.definition.title).toBe("見本");
  });
});

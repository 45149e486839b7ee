import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { openDraftInsert, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { startDraft } from "./start.server";

const owner = { anonymousKeyHash: "browser-1" };
let database: ReturnType<typeof useTestDatabaseFile>;
const openDrafts = () =>
  database.db.$client.prepare("select count(*) from drafts where anonymous_key_hash = ? and status = 'open'").pluck().get(owner.anonymousKeyHash);

describe("starting a procedure", () => {
  beforeEach(() => {
    database = useTestDatabaseFile();
    syncFormDefinitions(undefined, () => {});
  });
  afterEach(() => database.remove());

  it("resumes the open draft instead of making another", () => {
    expect(startDraft("juminhyo", null, owner)).toMatchObject({ kind: "go" });
    expect(startDraft("juminhyo", null, owner)).toMatchObject({ kind: "go" });
    expect(openDrafts()).toBe(1);
  });

  it("makes one draft when another app server starts the same one at the same moment (a double click, two servers)", async () => {
    const form = getLiveForm("juminhyo")!;
    // The other server found no draft and is inserting one; this one looks while that insert is not yet committed.
    const { committed } = await writerElsewhere(database.file, openDraftInsert(form.versionId, "juminhyo", { anonymous_key_hash: owner.anonymousKeyHash }));
    expect(writeLockHeld(database.file)).toBe(true);
    // Before the look and the insert were one transaction, this one saw no draft in its snapshot and made a second.
    expect(startDraft("juminhyo", null, owner)).toMatchObject({ kind: "go" });
    await committed;
    expect(openDrafts()).toBe(1);
  }, 20_000);
});

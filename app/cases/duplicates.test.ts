/** 重複の可能性 (issue 10: "submitting the same procedure for the same person twice or three times passes unnoticed"). */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { submissions } from "../../db/schema";
import { getDb } from "../db.server";
import { syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase } from "../test/db";
import { addResident, addStaff, hoikushoAnswers, juminhyoAnswers, submit } from "../test/submissions";
import { openApplicationsOf, possibleDuplicates } from "./duplicates.server";
import { changeStatus } from "./workflow.server";

describe("a second open application of the same person", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addResident("r1");
    addResident("r2");
    addStaff("clerk");
  });

  it("is found by name and birth date for applicants who did not sign in", () => {
    const first = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    const second = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"));
    const other = submit("juminhyo", juminhyoAnswers("鈴木", "花子", "スズキ", "ハナコ"));
    expect(first.personKey).toBe("鈴木一郎|1980-01-01");
    expect(openApplicationsOf({ formId: "juminhyo", residentAccountId: null, personKey: first.personKey })).toEqual([
      first.receiptNumber,
      second.receiptNumber,
    ]);
    expect([...possibleDuplicates([first, second, other])].sort()).toEqual([first.id, second.id].sort());
    // Another procedure is not a duplicate.
    expect(openApplicationsOf({ formId: "hoikusho", residentAccountId: null, personKey: first.personKey })).toEqual([]);
  });

  it("is found by the signed-in account, and no longer once the first is decided", () => {
    const first = submit("hoikusho", hoikushoAnswers(), { residentAccountId: "r1" });
    expect(openApplicationsOf({ formId: "hoikusho", residentAccountId: "r1", personKey: null })).toEqual([first.receiptNumber]);
    expect(openApplicationsOf({ formId: "hoikusho", residentAccountId: "r2", personKey: null })).toEqual([]);
    changeStatus(first.id, "received", "rejected", { role: "staff", id: "clerk" }, "取り下げ");
    expect(openApplicationsOf({ formId: "hoikusho", residentAccountId: "r1", personKey: null })).toEqual([]);
    expect(getDb().select().from(submissions).where(eq(submissions.id, first.id)).get()!.personKey).toBe("髙橋大輔|1988-05-14");
  });
});

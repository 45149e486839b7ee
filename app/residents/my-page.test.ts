import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { drafts, residentAccounts, residentProfiles } from "../../db/schema";
import { getDb } from "../db.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { createDraft } from "../submissions/drafts.server";
import { useTestDatabase } from "../test/db";
import { testT } from "../test/i18n";
import { addResident, addStaff, juminhyoAnswers, submit } from "../test/submissions";
import { changeStatus } from "../cases/workflow.server";
import { correctMyApplication, myApplication, myPage } from "./my-page.server";

describe("My page", () => {
  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addResident("r1");
  });

  it("shows the day in Japan: 01:30 on 23 November in Tokyo is the 23rd, not the UTC day before", () => {
    const lateEvening = new Date("2026-11-22T16:30:00Z");
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { at: lateEvening, residentAccountId: "r1" });
    const draft = createDraft({ residentAccountId: "r1" }, getLiveForm("hoikusho")!);
    const db = getDb();
    db.update(drafts).set({ updatedAt: lateEvening }).where(eq(drafts.id, draft.id)).run();
    db.insert(residentProfiles).values({ residentAccountId: "r1", phone: "090-0000-0000", consentedAt: lateEvening, updatedAt: lateEvening }).run();
    const resident = db.select().from(residentAccounts).where(eq(residentAccounts.id, "r1")).get()!;

    const page = myPage(resident, "ja");

    // Shown as every date is: 和暦 first (issue 10: My page showed 「1987-03-19」).
    expect(page.submissions.map((s) => s.submittedAt)).toEqual(["令和8年11月23日（2026年）"]);
    expect(page.drafts.map((d) => d.updatedAt)).toEqual(["令和8年11月23日（2026年）"]);
    expect(page.profile?.consentedAt).toBe("令和8年11月23日（2026年）");
    // The status page: 「2026/11/23 01:30」 before.
    expect(myApplication(resident, s.receiptNumber, "ja", testT())!.submittedAt).toBe("令和8年11月23日 01:30");
    expect(myApplication(resident, s.receiptNumber, "en", testT("en"))!.submittedAt).toBe("23 November 2026, 01:30");
  });

  it("shows and corrects only the resident's own application, and only while a 補正依頼 is open", () => {
    addResident("r2");
    addStaff("clerk");
    const s = submit("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), { residentAccountId: "r1" });
    const account = (id: string) => getDb().select().from(residentAccounts).where(eq(residentAccounts.id, id)).get()!;
    expect(myApplication(account("r2"), s.receiptNumber, "ja", testT())).toBeUndefined();
    expect(correctMyApplication(account("r2"), s.receiptNumber)).toEqual({ kind: "notFound" });
    expect(myApplication(account("r1"), s.receiptNumber, "ja", testT())).toMatchObject({
      receiptNumber: s.receiptNumber,
      status: "received",
      correction: null,
    });
    expect(correctMyApplication(account("r1"), s.receiptNumber)).toEqual({ kind: "notOpen", receiptNumber: s.receiptNumber });

    const clerk = { role: "staff" as const, id: "clerk" };
    changeStatus(s.id, "received", "in_review", clerk);
    changeStatus(s.id, "in_review", "needs_correction", clerk, "住所を確認してください");
    expect(myApplication(account("r1"), s.receiptNumber, "ja", testT())).toMatchObject({ status: "needs_correction", correction: "住所を確認してください" });
    expect(correctMyApplication(account("r1"), s.receiptNumber)).toEqual({ kind: "started", formId: "juminhyo" });
  });
});

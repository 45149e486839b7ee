/**
 * Demo submissions for the staff queue (DEMO=on, empty queue): a few of each procedure at different points of the
 * workflow, so a fresh `npm start` shows the back office at work. The answers are also the fixtures of tests and the
 * benchmark (the 髙橋 family of the demo registry).
 */
import { eq } from "drizzle-orm";
import type { Answers } from "../app/form-engine/engine";
import { changeStatus, assign, addNote, type StaffActor } from "../app/cases/workflow.server";
import { getDb } from "../app/db.server";
import { getLiveForm } from "../app/procedures/store.server";
import { createDraft, submitDraft } from "../app/submissions/drafts.server";
import { drafts, submissions } from "./schema";

const name = (family: string, given: string, familyKana: string, givenKana: string) => ({ family, given, familyKana, givenKana });

/** A complete 保育所入所申請: two working guardians, two preferred facilities, a sibling, no attachment. */
export function hoikushoAnswers(): Answers {
  return {
    applicationType: "new",
    startDate: "2027-04",
    // Derived from the guardians' hours (one works 96 hours a month): what the engine computes for these answers.
    careHours: { value: "short", rule: 0 },
    child: [
      {
        _offered: 0,
        name: name("髙橋", "陽翔", "タカハシ", "ハルト"),
        birthDate: "2022-06-21",
        sex: "male",
        health: "卵アレルギーがあります（医師の診断書あり）。",
      },
    ],
    guardians: [
      {
        _offered: 0,
        name: name("髙橋", "大輔", "タカハシ", "ダイスケ"),
        birthDate: "1988-05-14",
        relationship: "father",
        phone: "09011110000",
        reason: "work",
        employer: "まどぐち商事株式会社",
        employment: "regular",
        daysPerWeek: 5,
        hoursPerMonth: 160,
      },
      {
        _offered: 1,
        name: name("髙橋", "由美", "タカハシ", "ユミ"),
        birthDate: "1990-09-02",
        relationship: "mother",
        phone: "09022220000",
        reason: "work",
        employer: "みどり総合病院",
        employment: "parttime",
        daysPerWeek: 4,
        hoursPerMonth: 96,
      },
    ],
    facilities: [
      { facility: "midori", reason: "自宅から徒歩5分のため" },
      { facility: "sakura", reason: "母の勤務先に近いため" },
    ],
    otherFacilityOk: "yes",
    members: [{ name: name("髙橋", "結衣", "タカハシ", "ユイ"), relationship: "sibling", birthDate: "2025-01-10", occupation: "未就学" }],
    circumstances: ["sibling"],
    taxConsent: true,
  };
}

/** A 住民票の写し request with the applicant's name (the queue reads it by the definition's applicantName). */
export const juminhyoAnswers = (family: string, given: string, familyKana: string, givenKana: string, copies = 1): Answers => ({
  applicantName: { family, given, familyKana, givenKana },
  applicantBirthDate: "1980-01-01",
  applicantAddress: { postalCode: "4200001", prefecture: "静岡県", city: "まどぐち市", town: "本町1-1", building: "" },
  applicantPhone: "0540001111",
  scope: "self",
  copies,
  purpose: "bank",
  delivery: "counter",
  fee: { totalYen: 300 * copies, amountYen: 300, count: copies },
});

const reviewer: StaffActor = { role: "staff", id: "staff-reviewer1" };

function demoSubmission(formId: string, answers: Answers, daysAgo: number) {
  const form = getLiveForm(formId);
  if (!form) return null;
  const draft = createDraft({ anonymousKeyHash: `demo-${formId}-${daysAgo}` }, form);
  const db = getDb();
  db.update(drafts)
    .set({ answers, completedSteps: form.definition.steps.map((s) => s.id) })
    .where(eq(drafts.id, draft.id))
    .run();
  const submission = submitDraft(draft.id, "ja");
  const at = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  db.update(submissions).set({ submittedAt: at, updatedAt: at }).where(eq(submissions.id, submission.id)).run();
  return submission.id;
}

/** Seeds the demo queue once (after the form definitions are published); does nothing if there are submissions. */
export function seedDemoSubmissions() {
  if (getDb().select({ id: submissions.id }).from(submissions).limit(1).get()) return false;
  const received = demoSubmission("hoikusho", hoikushoAnswers(), 0);
  demoSubmission("juminhyo", juminhyoAnswers("鈴木", "一郎", "スズキ", "イチロウ"), 1);
  const reviewing = demoSubmission("juminhyo", juminhyoAnswers("山﨑", "美咲", "ヤマサキ", "ミサキ", 2), 2);
  const correcting = demoSubmission("juminhyo", juminhyoAnswers("𠮷田", "茂", "ヨシダ", "シゲル"), 3);
  const done = demoSubmission("juminhyo", juminhyoAnswers("髙橋", "由美", "タカハシ", "ユミ"), 5);
  if (!received || !reviewing || !correcting || !done) return false;
  // Applied without signing in: a 補正依頼 reaches them only by e-mail (a fictional address; nothing is sent without SMTP_URL).
  getDb().update(submissions).set({ contactEmail: "yoshida.shigeru@example.jp" }).where(eq(submissions.id, correcting)).run();
  assign(reviewing, reviewer.id, reviewer);
  changeStatus(reviewing, "received", "in_review", reviewer);
  changeStatus(correcting, "received", "in_review", reviewer);
  changeStatus(correcting, "in_review", "needs_correction", reviewer, "使いみちを具体的にご記入ください。");
  changeStatus(done, "received", "in_review", reviewer);
  addNote(done, "窓口で交付済み", reviewer);
  changeStatus(done, "in_review", "completed", reviewer);
  return true;
}

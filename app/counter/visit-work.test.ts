import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../db/seed";
import { validateStep, visibleSteps, type Answers } from "../form-engine/engine";
import type { VisitProcedure } from "./visit-work.server";
import { shownValues } from "../prefill/step.server";
import { syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase, useTestDatabaseFile, writeLockHeld, writerElsewhere } from "../test/db";
import { chooseProcedures, clerkVisit, openVisitProcedure, recordInterview, visitProposals, visitProgress, visitWork } from "./visit-work.server";
import { startVisit } from "./visits.server";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { eq } from "drizzle-orm";
import { counterVisits, residentAccounts, submissions } from "../../db/schema";
import { addResident, submit } from "../test/submissions";
import { createDraft, findOpenDraft, saveStep } from "../submissions/drafts.server";
import { getLiveForm } from "../procedures/store.server";
import { getDb } from "../db.server";
import { submissionsPdf } from "../backoffice/downloads.server";
import { testT } from "../test/i18n";
import { askCorrection, confirmationOf, setResidentLanguage, confirmVisit, submitVisit, visitSubmissionIds } from "./visit-submit.server";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  let out = "";
  for (let i = 1; i <= pdf.numPages; i++) out += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
  return out;
}

let clock = new Date("2026-11-23T01:00:00Z");
vi.mock("../clock.server", () => ({ now: () => clock }));

const clerk = { role: "staff" as const, id: "staff-counter1" };

/** The resident confirms the page as it is drawn now (the page carries what it shows). */
const confirmShown = (visitId: string, signature: string) =>
  confirmVisit(clerk, visitId, { signature, shown: confirmationOf(clerk, visitId, "ja", testT("ja"))?.shown });

/** The clerk saves every section as shown (what the city and the visit know), with what the resident said on top. */
function saveAll(work: VisitProcedure, said: Answers) {
  let draft = work.ctx.draft;
  let before: Answers = {};
  for (const step of visibleSteps(work.ctx.form.definition, { ...draft.answers, ...said })) {
    const shown = { ...shownValues(step, draft), ...Object.fromEntries(step.fields.filter((f) => f.name in said).map((f) => [f.name, said[f.name]])) };
    const result = validateStep(step, shown, before);
    if (!result.ok) throw new Error(`${step.id}: ${JSON.stringify(result.errors)}`);
    before = { ...before, ...result.values };
    draft = work.ctx.store.saveStep(step.id, result.values);
  }
  return draft;
}

describe("a counter visit's procedures", () => {
  let visitId = "";
  beforeEach(async () => {
    clock = new Date("2026-11-23T01:00:00Z");
    const db = useTestDatabase();
    await seedDemoData(db, clock);
    syncFormDefinitions(undefined, () => {});
    const started = startVisit(clerk, { kind: "mover", id: "mp-ito-kenichi" }, { identityCheck: "my_number_card", identityNote: null });
    if (!started.ok) throw new Error("no visit");
    visitId = started.visitId;
  });

  it("the interview decides the proposals; the clerk's ticks are kept in the catalogue's order; nothing else can be chosen", () => {
    expect(recordInterview(clerk, visitId, { lifeEvent: "marriage", employeeInsurance: "" })).toMatchObject({ ok: false, problem: "invalid" });
    expect(recordInterview(clerk, visitId, { lifeEvent: "tennyu", employeeInsurance: "no" })).toEqual({ ok: true });
    const proposals = visitProposals(clerkVisit(clerk, visitId)!, "ja");
    // 国保 right after the lead: joining it makes the insurance the 医療費 procedures ask for.
    expect(proposals.filter((p) => p.reason).map((p) => p.formId)).toEqual(["tennyu", "kokuho-kanyu", "hoikusho", "jidou-teate", "kodomo-iryouhi"]);
    expect(proposals.find((p) => p.formId === "kokuho-kanyu")!.reason).toBe("勤務先の健康保険に加入していないため");

    expect(chooseProcedures(clerk, visitId, ["nothing"])).toEqual({ ok: false, problem: "noneChosen" });
    expect(chooseProcedures({ role: "staff", id: "staff-reviewer1" }, visitId, ["tennyu"])).toEqual({ ok: false, problem: "notFound" });
    expect(chooseProcedures(clerk, visitId, ["hoikusho", "jidou-teate", "tennyu", "nothing"])).toEqual({ ok: true, first: "tennyu" });
    expect(clerkVisit(clerk, visitId)!.chosenForms).toEqual(["tennyu", "hoikusho", "jidou-teate"]);
    expect(openVisitProcedure(clerk, visitId, "juminhyo", "ja")).toBeNull();
    expect(openVisitProcedure({ role: "staff", id: "staff-reviewer1" }, visitId, "tennyu", "ja")).toBeNull();
  });

  it("what the 転入届 says (corrected move-in date, new address, the four people, the phone) fills 児童手当 and 保育所 opened after it", () => {
    recordInterview(clerk, visitId, { lifeEvent: "tennyu", employeeInsurance: "" });
    chooseProcedures(clerk, visitId, ["tennyu", "jidou-teate", "hoikusho", "kokuho-kanyu"]);
    const v = clerkVisit(clerk, visitId)!;
    expect(visitProgress(v, "ja").map((p) => [p.formId, p.started])).toEqual([
      ["tennyu", false],
      ["kokuho-kanyu", false],
      ["hoikusho", false],
      ["jidou-teate", false],
    ]);
    // 児童手当 opened first knows nothing of the visit yet: a mover has no 住民記録 household.
    expect(openVisitProcedure(clerk, visitId, "jidou-teate", "ja")!.draft.prefill.children).toBeUndefined();

    const tennyu = openVisitProcedure(clerk, visitId, "tennyu", "ja")!;
    expect(tennyu.draft.prefill.persons?.source).toBe("moveIn");
    const saved = saveAll(tennyu, { moveDate: "2026-11-19", notifier: "self", householdType: "new", phone: "090-1234-5678" });
    expect(saved.answers.moveDate).toBe("2026-11-19");

    // Opened again, 児童手当 (not yet saved) now starts from the visit.
    const jidou = openVisitProcedure(clerk, visitId, "jidou-teate", "ja")!;
    expect(jidou.draft.prefill.phone).toEqual({ value: "09012345678", source: "visit" });
    expect(jidou.draft.prefill.claimantAddress).toMatchObject({ source: "visit", value: { town: "緑が丘二丁目3番4号" } });
    expect((jidou.draft.prefill.children!.value as { name: { given: string } }[]).map((c) => c.name.given)).toEqual(["湊", "葵"]);
    expect(jidou.draft.prefill.claimantName).toMatchObject({ source: "identity", value: { family: "伊藤", given: "健一" } });
    expect(openVisitProcedure(clerk, visitId, "kokuho-kanyu", "ja")!.draft.prefill.joinDate).toEqual({ value: "2026-11-19", source: "visit" });
    const hoikusho = openVisitProcedure(clerk, visitId, "hoikusho", "ja")!;
    const guardians = hoikusho.draft.prefill.guardians!.value as { name: { given: string }; phone?: string }[];
    expect(guardians.map((c) => c.name.given)).toEqual(["健一", "彩"]);
    // The visit's own person (健一, who notified) takes the 転入届's phone as his own; 彩's is hers to give.
    expect(guardians.map((c) => c.phone)).toEqual(["09012345678", undefined]);

    // The list beside the form: the 転入届 is complete, the others still miss answers.
    const progress = Object.fromEntries(hoikusho.progress.map((p) => [p.formId, p]));
    expect(progress.tennyu).toMatchObject({ started: true, missing: 0 });
    expect(progress["jidou-teate"]!.missing).toBeGreaterThan(0);
  });

  it("the resident confirms (a correction withdraws it), then one action submits every procedure as 窓口 with the clerk; one PDF with the signature", async () => {
    recordInterview(clerk, visitId, { lifeEvent: "tennyu", employeeInsurance: "no" });
    chooseProcedures(clerk, visitId, ["tennyu", "kokuho-kanyu"]);
    expect(confirmShown(visitId, "")).toEqual({ ok: false, problem: "incomplete" });
    saveAll(openVisitProcedure(clerk, visitId, "tennyu", "ja")!, { notifier: "self", householdType: "new", phone: "090-1234-5678" });
    saveAll(openVisitProcedure(clerk, visitId, "kokuho-kanyu", "ja")!, { reason: "moveIn", incomeDeclared: "yes" });
    expect(submitVisit(clerk, visitId)).toEqual({ ok: false, problem: "notConfirmed" });

    // Every answer with its source: the 転出証明書情報, this visit, or heard at the counter.
    const view = confirmationOf(clerk, visitId, "ja", testT("ja"))!;
    expect(view.complete).toBe(true);
    const rows = view.procedures.flatMap((p) => p.sections.flatMap((sec) => sec.rows.map((r) => [p.formId, r.field, r.source?.sourceKey ?? "heard"])));
    expect(rows).toContainEqual(["tennyu", "persons", "prefill.source.moveIn"]);
    expect(rows).toContainEqual(["tennyu", "phone", "heard"]);
    expect(rows).toContainEqual(["kokuho-kanyu", "phone", "prefill.source.visit"]);

    // Turned to the resident's language: the procedures' own texts in English (from their translation files).
    expect(setResidentLanguage(clerk, visitId, "xx")).toEqual({ ok: false, problem: "unknownLanguage" });
    expect(setResidentLanguage({ role: "staff", id: "staff-reviewer1" }, visitId, "en")).toEqual({ ok: false, problem: "notFound" });
    expect(setResidentLanguage(clerk, visitId, "en")).toEqual({ ok: true });
    const english = confirmationOf(clerk, visitId, "en", testT("en"))!;
    expect(english.procedures.map((p) => p.title)).toEqual(["Moving-in notification (転入届)", expect.stringMatching(/^Joining National Health Insurance/)]);
    expect(english.procedures[0]!.sections[0]!.title).not.toMatch(/[ぁ-ん]/);

    expect(confirmShown(visitId, "<script>")).toEqual({ ok: false, problem: "badSignature" });
    expect(confirmShown(visitId, "M 10 10 L 100 50 L 200 20")).toEqual({ ok: true });
    expect(askCorrection(clerk, visitId, { formId: "tennyu", field: "nothing" })).toEqual({ ok: false, problem: "notFound" });
    expect(askCorrection(clerk, visitId, { formId: "tennyu", field: "phone" })).toEqual({ ok: true, formId: "tennyu", field: "phone" });
    expect(getDb().select().from(counterVisits).where(eq(counterVisits.id, visitId)).get()).toMatchObject({
      confirmedAt: null,
      correction: { formId: "tennyu", field: "phone" },
    });
    expect(submitVisit(clerk, visitId)).toEqual({ ok: false, problem: "notConfirmed" });
    expect(confirmShown(visitId, "M 10 10 L 100 50 L 200 20")).toEqual({ ok: true });

    expect(submitVisit(clerk, visitId)).toEqual({ ok: true });
    expect(submitVisit(clerk, visitId)).toEqual({ ok: true });
    const made = getDb().select().from(submissions).all();
    expect(made.map((m) => [m.formId, m.channel, m.enteredBy, m.counterVisitId, m.residentConfirmedAt instanceof Date, m.language])).toEqual([
      ["tennyu", "counter", "staff-counter1", visitId, true, "en"],
      ["kokuho-kanyu", "counter", "staff-counter1", visitId, true, "en"],
    ]);
    // Nothing changes after submitting: no more confirmation or correction.
    expect(askCorrection(clerk, visitId, { formId: "tennyu", field: "phone" })).toEqual({ ok: false, problem: "closed" });

    const ids = visitSubmissionIds(clerk, visitId)!;
    const pdf = await submissionsPdf(ids.ids, { role: "staff", id: clerk.id });
    const text = await pdfText(pdf!.bytes);
    expect(text).toContain("住民異動届（転入）");
    expect(text).toContain("国民健康保険被保険者資格取得届");
    expect(text).toContain("緑が丘二丁目3番4号");
    expect(text.match(/申請者署名/g)?.length).toBe(2);
    expect(text).toContain("窓口の画面で署名");
  }, 20_000);
});

describe("online to counter", () => {
  it("a procedure the resident began online continues at the counter with those answers, and the online draft closes", async () => {
    clock = new Date("2026-11-23T01:00:00Z");
    const db = useTestDatabase();
    await seedDemoData(db, clock);
    syncFormDefinitions(undefined, () => {});
    addResident("r-ito");
    db.update(residentAccounts).set({ moveInPersonId: "mp-ito-kenichi" }).where(eq(residentAccounts.id, "r-ito")).run();
    const online = createDraft({ residentAccountId: "r-ito" }, getLiveForm("tennyu")!, {});
    saveStep(online, getLiveForm("tennyu")!, "contact", { phone: "08011112222" });

    const started = startVisit(clerk, { kind: "mover", id: "mp-ito-kenichi" }, { identityCheck: "my_number_card", identityNote: null });
    if (!started.ok) throw new Error("no visit");
    recordInterview(clerk, started.visitId, { lifeEvent: "tennyu", employeeInsurance: "" });
    chooseProcedures(clerk, started.visitId, ["tennyu"]);
    const work = openVisitProcedure(clerk, started.visitId, "tennyu", "ja")!;
    expect(work.draft.answers.phone).toBe("08011112222");
    expect(work.draft.completedSteps).toEqual(["contact"]);
    expect(findOpenDraft({ residentAccountId: "r-ito" }, "tennyu")).toBeUndefined();
    // Opened again, the visit keeps its own draft.
    expect(openVisitProcedure(clerk, started.visitId, "tennyu", "ja")!.draft.id).toBe(work.draft.id);
  });

  it("a 転入届 submitted online is listed, not proposed again, and fills the visit's other procedures; a refused one does not", () => {
    clock = new Date("2026-11-23T01:00:00Z");
    const db = useTestDatabase();
    return seedDemoData(db, clock).then(() => {
      syncFormDefinitions(undefined, () => {});
      addResident("r-ito");
      db.update(residentAccounts).set({ moveInPersonId: "mp-ito-kenichi" }).where(eq(residentAccounts.id, "r-ito")).run();
      const refused = submit("jidou-teate", { phone: "07099998888" }, { residentAccountId: "r-ito", at: new Date("2026-11-20T01:00:00Z") });
      db.update(submissions).set({ status: "rejected" }).where(eq(submissions.id, refused.id)).run();
      const tennyu = submit("tennyu", { moveDate: "2026-11-18", phone: "08011112222" }, { residentAccountId: "r-ito", at: new Date("2026-11-21T01:00:00Z") });
      // Someone else's application under another account is not this person's.
      addResident("r-other");
      submit("kokuho-kanyu", { phone: "06000000000" }, { residentAccountId: "r-other" });

      const started = startVisit(clerk, { kind: "mover", id: "mp-ito-kenichi" }, { identityCheck: "my_number_card", identityNote: null });
      if (!started.ok) throw new Error("no visit");
      recordInterview(clerk, started.visitId, { lifeEvent: "tennyu", employeeInsurance: "" });
      const work = visitWork(clerkVisit(clerk, started.visitId)!, "ja");
      expect(work.online.map((o) => [o.receiptNumber, o.formId, o.status])).toEqual([[tennyu.receiptNumber, "tennyu", "received"]]);
      expect(work.proposals.find((p) => p.formId === "tennyu")).toMatchObject({ reason: null, appliedOnline: tennyu.receiptNumber });
      expect(work.proposals.find((p) => p.formId === "jidou-teate")).toMatchObject({ appliedOnline: null });
      expect(work.proposals.find((p) => p.formId === "jidou-teate")!.reason).not.toBeNull();

      chooseProcedures(clerk, started.visitId, ["jidou-teate", "kokuho-kanyu"]);
      expect(openVisitProcedure(clerk, started.visitId, "jidou-teate", "ja")!.draft.prefill.phone).toEqual({ value: "08011112222", source: "visit" });
      expect(openVisitProcedure(clerk, started.visitId, "kokuho-kanyu", "ja")!.draft.prefill.joinDate).toEqual({ value: "2026-11-18", source: "visit" });
    });
  });
});

describe("the resident's confirmation at the counter", () => {
  it("confirms what the page showed: an answer changed after it was drawn (the clerk's other tab) makes it stale", async () => {
    clock = new Date("2026-11-23T01:00:00Z");
    await seedDemoData(useTestDatabase(), clock);
    syncFormDefinitions(undefined, () => {});
    const started = startVisit(clerk, { kind: "mover", id: "mp-ito-kenichi" }, { identityCheck: "my_number_card", identityNote: null });
    if (!started.ok) throw new Error("no visit");
    const visitId = started.visitId;
    recordInterview(clerk, visitId, { lifeEvent: "tennyu", employeeInsurance: "no" });
    chooseProcedures(clerk, visitId, ["tennyu"]);
    saveAll(openVisitProcedure(clerk, visitId, "tennyu", "ja")!, { notifier: "self", householdType: "new", phone: "090-1234-5678" });
    const shown = confirmationOf(clerk, visitId, "ja", testT("ja"))!.shown;
    saveAll(openVisitProcedure(clerk, visitId, "tennyu", "ja")!, { notifier: "self", householdType: "new", phone: "090-9999-0000" });
    // Before, the resident confirmed (and signed) a phone number they were never shown.
    expect(confirmVisit(clerk, visitId, { signature: "", shown })).toEqual({ ok: false, problem: "changed" });
    expect(confirmVisit(clerk, visitId, { signature: "" })).toEqual({ ok: false, problem: "changed" });
    expect(confirmShown(visitId, "")).toEqual({ ok: true });
  });
});

describe("submitting a counter visit on several app servers", () => {
  it("sends only what the resident confirmed: a correction asked through another server meanwhile stops it", async () => {
    clock = new Date("2026-11-23T01:00:00Z");
    const database = useTestDatabaseFile();
    try {
      await seedDemoData(database.db, clock);
      syncFormDefinitions(undefined, () => {});
      const started = startVisit(clerk, { kind: "mover", id: "mp-ito-kenichi" }, { identityCheck: "my_number_card", identityNote: null });
      if (!started.ok) throw new Error("no visit");
      const visitId = started.visitId;
      recordInterview(clerk, visitId, { lifeEvent: "tennyu", employeeInsurance: "no" });
      chooseProcedures(clerk, visitId, ["tennyu", "kokuho-kanyu"]);
      saveAll(openVisitProcedure(clerk, visitId, "tennyu", "ja")!, { notifier: "self", householdType: "new", phone: "090-1234-5678" });
      saveAll(openVisitProcedure(clerk, visitId, "kokuho-kanyu", "ja")!, { reason: "moveIn", incomeDeclared: "yes" });
      expect(confirmShown(visitId, "M 10 10 L 100 50 L 200 20")).toEqual({ ok: true });
      // The resident asked to change the phone: the clerk's other tab, on another server, withdraws the confirmation.
      const { committed } = await writerElsewhere(
        database.file,
        `update counter_visits set confirmed_at = null, correction = '{"formId":"tennyu","field":"phone"}' where id = '${visitId}'`,
      );
      expect(writeLockHeld(database.file)).toBe(true);
      // Before, the visit was read as confirmed before the lock and its procedures sent after it.
      expect(submitVisit(clerk, visitId)).toEqual({ ok: false, problem: "notConfirmed" });
      await committed;
      expect(database.db.$client.prepare("select count(*) from submissions where counter_visit_id = ?").pluck().get(visitId)).toBe(0);
    } finally {
      database.remove();
    }
  }, 30_000);
});

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../../../db/seed";
import { attachments, auditLog, drafts, formPreviews, formPublications, formVersions, submissions } from "../../../db/schema";
import { getDb } from "../../db.server";
import { showCheck } from "../../journey/check.server";
import { postStep, showStep } from "../../journey/step.server";
import { createProcedure, saveFormDraft } from "../../procedures/lifecycle.server";
import { getLiveForm, syncFormDefinitions } from "../../procedures/store.server";
import { useTestDatabase } from "../../test/db";
import { testT } from "../../test/i18n";
import { openPreview, PREVIEW_TTL_MS, previewChoices, samplePdf, startPreview, type PreviewContext } from "./preview.server";

const admin = { staffId: "staff-admin1" };
const otherAdmin = { staffId: "staff-reviewer1" };
const locale = { t: testT("ja"), lng: "ja" };
const daisuke = "registry:p-takahashi-daisuke";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++)
    pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(""));
  return pages.join("\n");
}

const post = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return { form, tooLarge: false };
};

const arrival = { returnToCheck: false };

/** Everything that would make a preview real: none of it may change. */
function realRows() {
  const db = getDb();
  const n = (table: typeof drafts | typeof submissions | typeof formPublications | typeof formVersions | typeof attachments) =>
    db.select({ n: count() }).from(table).get()!.n;
  return { drafts: n(drafts), submissions: n(submissions), publications: n(formPublications), versions: n(formVersions), attachments: n(attachments) };
}

function started(outcome: ReturnType<typeof startPreview>) {
  if (outcome.kind !== "started") throw new Error(`not started: ${outcome.kind}`);
  return outcome;
}

const open = (id: string, actor = admin): PreviewContext => {
  const ctx = openPreview(actor, "juminhyo", id);
  if (!ctx) throw new Error("no preview");
  return ctx;
};

describe("an administrator's preview", () => {
  beforeEach(async () => {
    const db = useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    await seedDemoData(db, new Date("2026-11-22T00:00:00Z"));
  });

  it("goes through a published procedure with a resident's records, to the check page and a sample PDF, creating nothing real", async () => {
    const before = realRows();
    const version = getLiveForm("juminhyo")!;
    const { previewId, place } = started(startPreview(admin, "juminhyo", { kind: "version", versionId: version.versionId }, daisuke));
    expect(place).toEqual({ at: "step", stepId: "applicant" });

    // The first step shows what the city knows of 髙橋 大輔, as for the resident himself.
    const first = showStep(open(previewId), "applicant", arrival, locale);
    if (!("page" in first)) throw new Error("no page");
    expect(first.page.values.applicantName).toMatchObject({ family: "髙橋", given: "大輔" });
    expect(first.page.prefill.applicantName).toMatchObject({ mode: "fixed", sourceKey: "prefill.source.identity" });
    expect(first.page.back).toBe("/admin/forms/juminhyo/preview");

    // The resident's server validation: an empty phone number is refused, nothing saved.
    const address = {
      "applicantAddress[postalCode]": "4200001",
      "applicantAddress[prefecture]": "静岡県",
      "applicantAddress[city]": "まどぐち市",
      "applicantAddress[town]": "本町一丁目2番3号",
    };
    const refused = await postStep(open(previewId), "applicant", arrival, post({ ...address, applicantPhone: "12" }), locale);
    expect("page" in refused && refused.status).toBe(400);
    expect(open(previewId).draft.completedSteps).toEqual([]);

    const steps: [string, Record<string, string>][] = [
      ["applicant", { ...address, applicantPhone: "090-1234-5678" }],
      ["request", { scope: "self", copies: "2", purpose: "bank" }],
      ["delivery", { delivery: "counter" }],
    ];
    for (const [stepId, values] of steps) {
      const outcome = await postStep(open(previewId), stepId, arrival, post(values), locale);
      expect(outcome).toHaveProperty("goTo");
    }
    const ctx = open(previewId);
    expect(ctx.draft.answers).toMatchObject({ applicantPhone: "09012345678", copies: 2, delivery: "counter" });
    expect(ctx.draft.provenance.applicantAddress).toMatchObject({ kind: "prefilled", source: "registry" });

    const check = showCheck(ctx, locale);
    if (!("page" in check)) throw new Error("check page not reached");
    expect(check.page.duplicates).toEqual([]);
    expect(check.page.askNoticeEmail).toBe(false);

    const sample = await samplePdf(ctx, locale.t);
    if (!("pdf" in sample)) throw new Error("no PDF");
    const text = await pdfText(sample.pdf);
    expect(text).toContain("見本");
    expect(text).toContain("090-1234-5678");
    expect(text).toContain("髙橋");

    expect(realRows()).toEqual(before);
    // Using the resident's records is audited: who, which person, for which preview.
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "preview.resident_records_used")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: "admin", actorId: admin.staffId, subjectType: "person", subjectId: daisuke });
    expect(audit[0]!.details).toMatchObject({ formId: "juminhyo", previewId });
  });

  it("without a resident prefills nothing and audits nothing", () => {
    const { previewId } = started(startPreview(admin, "juminhyo", { kind: "version", versionId: getLiveForm("juminhyo")!.versionId }, null));
    expect(open(previewId).draft.prefill).toEqual({});
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "preview.resident_records_used")).all()).toEqual([]);
  });

  it("belongs to the administrator who started it: another administrator's id, or another procedure's, finds nothing", () => {
    const { previewId } = started(startPreview(admin, "juminhyo", { kind: "version", versionId: getLiveForm("juminhyo")!.versionId }, null));
    expect(openPreview(otherAdmin, "juminhyo", previewId)).toBeUndefined();
    expect(openPreview(admin, "hoikusho", previewId)).toBeUndefined();
    expect(openPreview(admin, "juminhyo", previewId)).toBeDefined();
  });

  it("replaces the administrator's earlier preview of the procedure, and removes anyone's untouched for a day", () => {
    const versionId = getLiveForm("juminhyo")!.versionId;
    const t0 = new Date("2026-12-01T00:00:00Z");
    const theirs = started(startPreview(otherAdmin, "juminhyo", { kind: "version", versionId }, null, t0)).previewId;
    const first = started(startPreview(admin, "juminhyo", { kind: "version", versionId }, null, t0)).previewId;
    const hoikusho = started(startPreview(admin, "hoikusho", { kind: "version", versionId: getLiveForm("hoikusho")!.versionId }, null, t0)).previewId;
    const second = started(startPreview(admin, "juminhyo", { kind: "version", versionId }, null, new Date(t0.getTime() + 60_000))).previewId;
    const ids = () =>
      getDb()
        .select({ id: formPreviews.id })
        .from(formPreviews)
        .all()
        .map((r) => r.id);
    expect(ids().sort()).toEqual([theirs, hoikusho, second].sort());
    expect(ids()).not.toContain(first);
    const dayLater = new Date(t0.getTime() + PREVIEW_TTL_MS + 120_000);
    const third = started(startPreview(admin, "hoikusho", { kind: "version", versionId: getLiveForm("hoikusho")!.versionId }, null, dayLater)).previewId;
    expect(ids()).toEqual([third]);
  });

  it("previews the working copy; one that is not a definition yet shows what checking it found", () => {
    createProcedure({ formId: "dog-license", title: "犬の登録" }, admin);
    expect(previewChoices("dog-license")).toMatchObject({ workingCopy: {}, versions: [], procedureTitle: { ja: "犬の登録" } });
    const ok = started(startPreview(admin, "dog-license", { kind: "working" }, null));
    expect(ok.place).toEqual({ at: "step", stepId: "step-1" });
    expect(openPreview(admin, "dog-license", ok.previewId)!.banner).toMatchObject({ versionId: null, prefilled: false });

    saveFormDraft("dog-license", { id: "dog-license", steps: "none" }, admin);
    const broken = startPreview(admin, "dog-license", { kind: "working" }, null);
    expect(broken.kind).toBe("invalid");
    expect(broken.kind === "invalid" && broken.findings.length).toBeGreaterThan(0);
    expect(broken.kind === "invalid" && broken.findings[0]).toMatchObject({ severity: "error" });
  });

  it("refuses a version of another procedure and a resident who is not in the records", () => {
    expect(startPreview(admin, "juminhyo", { kind: "version", versionId: getLiveForm("hoikusho")!.versionId }, null)).toEqual({ kind: "notFound" });
    expect(startPreview(admin, "juminhyo", { kind: "working" }, null)).toEqual({ kind: "notFound" });
    expect(startPreview(admin, "juminhyo", { kind: "version", versionId: getLiveForm("juminhyo")!.versionId }, "registry:nobody")).toEqual({
      kind: "unknownResident",
    });
    expect(previewChoices("nothing-here")).toBeUndefined();
  });
});

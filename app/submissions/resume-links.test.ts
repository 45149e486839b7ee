/** Resume links (issue 10 point 7): e-mailed, signed, expiring, single-use; opening one moves the draft. */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drafts } from "../../db/schema";
import { getDb } from "../db.server";
import { deliverNotices } from "../notify/outbox.server";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase } from "../test/db";
import { startSmtpServer } from "../test/smtp";
import { addResident } from "../test/submissions";
import { createDraft, findOpenDraft } from "./drafts.server";
import { RESUME_HOURS, consumeResumeLink, requestResumeLink, resumableDraft } from "./resume-links.server";

const phone = { anonymousKeyHash: "phone-key" };
const pc = { anonymousKeyHash: "pc-key" };

describe("resume links", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let draftId: string;
  beforeEach(async () => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    addResident("r1");
    smtp = await startSmtpServer();
    draftId = createDraft(phone, getLiveForm("juminhyo")!).id;
  });
  afterEach(() => smtp.stop());

  async function mailedToken(now = new Date()) {
    expect(requestResumeLink(phone, "juminhyo", "ｈａｎａ@example.jp ", "ja", now)).toEqual({ kind: "sent" });
    await deliverNotices();
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(["hana@example.jp"]);
    const token = /\/resume\/([\w.-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    return token!;
  }

  it("mails a link that moves the draft to the other browser, once", async () => {
    const token = await mailedToken();
    expect(smtp.mails[0]!.text).toContain(`${RESUME_HOURS}時間有効`);
    expect(consumeResumeLink(token, pc)).toEqual({ kind: "resumed", formId: "juminhyo" });
    expect(findOpenDraft(pc, "juminhyo")?.id).toBe(draftId);
    expect(findOpenDraft(phone, "juminhyo")).toBeUndefined();
    // Single-use: the same link again does nothing, for anyone.
    expect(resumableDraft(token)).toBeUndefined();
    expect(consumeResumeLink(token, phone)).toEqual({ kind: "invalid" });
    expect(findOpenDraft(pc, "juminhyo")?.id).toBe(draftId);
  });

  it("does not work after it expires (the clock is given)", async () => {
    const issued = new Date();
    const token = await mailedToken(issued);
    const justBefore = new Date(issued.getTime() + RESUME_HOURS * 3_600_000 - 1000);
    const after = new Date(issued.getTime() + RESUME_HOURS * 3_600_000 + 1000);
    expect(resumableDraft(token, justBefore)?.id).toBe(draftId);
    expect(consumeResumeLink(token, pc, after)).toEqual({ kind: "invalid" });
    expect(findOpenDraft(phone, "juminhyo")?.id).toBe(draftId);
  });

  it("refuses a tampered link: another expiry, another signature, or made up", async () => {
    const token = await mailedToken();
    const [random, expires, signature] = token.split(".") as [string, string, string];
    const later = `${random}.${Number(expires) + 86_400_000}.${signature}`;
    const flipped = `${random}.${expires}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const bad of [later, flipped, `${random}.${expires}`, "x.y.z", ""]) {
      expect(consumeResumeLink(bad, pc)).toEqual({ kind: "invalid" });
    }
    expect(findOpenDraft(phone, "juminhyo")?.id).toBe(draftId);
  });

  it("needs a valid address and an open draft; a signed-in resident just signs in on the other device", () => {
    expect(requestResumeLink(phone, "juminhyo", "not-an-address", "ja")).toEqual({ kind: "invalidEmail" });
    expect(requestResumeLink(pc, "juminhyo", "hana@example.jp", "ja")).toEqual({ kind: "noDraft" });
    expect(requestResumeLink({ residentAccountId: "r1" }, "juminhyo", "hana@example.jp", "ja")).toEqual({ kind: "signedIn" });
    getDb().update(drafts).set({ status: "submitted" }).where(eq(drafts.id, draftId)).run();
    expect(requestResumeLink(phone, "juminhyo", "hana@example.jp", "ja")).toEqual({ kind: "noDraft" });
  });
});

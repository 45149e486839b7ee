/**
 * Resuming an anonymous draft on another device (the resident's phone → a PC at home): a link e-mailed to the
 * address they give, signed (HMAC with the session secret), expiring (RESUME_HOURS) and single-use (only its
 * SHA-256 is stored, marked used when opened). Opening it moves the draft to the new browser; the old one loses it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { drafts, resumeTokens } from "../../db/schema";
import { getSecrets } from "../auth/session.server";
import { getDb } from "../db.server";
import { mailEnabled } from "../notify/mailer.server";
import { kickDelivery, queueNotice } from "../notify/outbox.server";
import { findOpenDraft, formOfDraft, type Draft, type Owner, type ResidentOwner } from "./drafts.server";

export const RESUME_HOURS = 72;

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");
const mac = (secret: string, payload: string) => createHmac("sha256", secret).update(`resume:${payload}`).digest("base64url");

export const resumePath = (token: string) => `/resume/${token}`;

export type ResumeRequest = { kind: "sent" } | { kind: "invalidEmail" } | { kind: "noDraft" } | { kind: "signedIn" } | { kind: "mailOff" };

const email = z.string().max(254).email();

/** E-mails a link to the owner's open draft of the procedure (anonymous owners only: a signed-in one just signs in). */
export function requestResumeLink(owner: Owner, formId: string, address: string, language: string, now = new Date()): ResumeRequest {
  if ("residentAccountId" in owner) return { kind: "signedIn" };
  const to = address.normalize("NFKC").trim();
  if (!email.safeParse(to).success) return { kind: "invalidEmail" };
  if (!mailEnabled()) return { kind: "mailOff" };
  const draft = findOpenDraft(owner, formId);
  if (!draft || draft.correctionOf) return { kind: "noDraft" };
  const payload = `${randomBytes(18).toString("base64url")}.${now.getTime() + RESUME_HOURS * 3_600_000}`;
  const token = `${payload}.${mac(getSecrets()[0]!, payload)}`;
  getDb().transaction((tx) => {
    tx.insert(resumeTokens)
      .values({ tokenHash: sha256(token), draftId: draft.id, expiresAt: new Date(now.getTime() + RESUME_HOURS * 3_600_000) })
      .run();
    queueNotice(
      tx,
      { kind: "resume_link", to, language, params: { formVersionId: draft.formVersionId, path: resumePath(token), hours: String(RESUME_HOURS) } },
      now,
    );
  });
  kickDelivery();
  return { kind: "sent" };
}

/** The draft a link opens, if the link is genuine, unexpired, unused and its draft still open; otherwise undefined. */
export function resumableDraft(token: string, now = new Date()): Draft | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [random, expires, signature] = parts as [string, string, string];
  const given = Buffer.from(signature);
  // Any current secret verifies (secrets rotate like the session cookie's).
  const genuine = getSecrets().some((secret) => {
    const expected = Buffer.from(mac(secret, `${random}.${expires}`));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!genuine || !(Number(expires) > now.getTime())) return undefined;
  const db = getDb();
  const row = db
    .select()
    .from(resumeTokens)
    .where(eq(resumeTokens.tokenHash, sha256(token)))
    .get();
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return undefined;
  const draft = db.select().from(drafts).where(eq(drafts.id, row.draftId)).get();
  return draft?.status === "open" ? draft : undefined;
}

export type ResumeOutcome = { kind: "resumed"; formId: string } | { kind: "invalid" };

/** Opens a link once: marks it used and gives the draft to the browser (or the signed-in resident) opening it. */
export function consumeResumeLink(token: string, owner: ResidentOwner, now = new Date()): ResumeOutcome {
  return getDb().transaction((tx) => {
    const draft = resumableDraft(token, now);
    if (!draft) return { kind: "invalid" } as const;
    const used = tx
      .update(resumeTokens)
      .set({ usedAt: now })
      .where(and(eq(resumeTokens.tokenHash, sha256(token)), isNull(resumeTokens.usedAt)))
      .run();
    if (used.changes !== 1) return { kind: "invalid" } as const;
    const to =
      "residentAccountId" in owner ? { residentAccountId: owner.residentAccountId, anonymousKeyHash: null } : { anonymousKeyHash: owner.anonymousKeyHash };
    tx.update(drafts)
      .set({ ...to, updatedAt: now })
      .where(eq(drafts.id, draft.id))
      .run();
    return { kind: "resumed", formId: draft.formId } as const;
  });
}

/** What the link's page shows before the resident confirms (the procedure's title), or undefined for a bad link. */
export function resumeLinkPage(token: string, now = new Date()) {
  const draft = resumableDraft(token, now);
  return draft ? { definition: formOfDraft(draft).definition } : undefined;
}

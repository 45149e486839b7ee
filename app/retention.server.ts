/**
 * Data lifecycle (issue 13 point 5): what is no longer needed is removed, on a schedule, and each run is audited.
 *   - expired sessions and spent or expired resume links;
 *   - open drafts untouched for RETENTION_DRAFT_DAYS, with their files and resume links;
 *   - orphaned files: uploads that no answer refers to any more (a file replaced by another), after a day's grace;
 *   - submissions older than their procedure's `retentionYears` (保存年限) are anonymised: the 受付番号, status, dates
 *     and case history stay, the answers, files, names, e-mail address and the e-mails sent go.
 * The server runs it an hour after starting and daily after that; `npm run retention` runs it once (cron). Every run
 * is idempotent, so several app servers may run it.
 */
import { recordAudit } from "./audit/audit.server";
import { getDb } from "./db.server";
import { getEnv } from "./env.server";
import { log } from "./log.server";
import { listLiveForms } from "./procedures/store.server";

const DAY_MS = 86_400_000;
/** An upload no answer refers to is kept this long: the step it came with may still be saved. */
const ORPHAN_GRACE_MS = DAY_MS;

export type RetentionReport = { sessions: number; resumeLinks: number; drafts: number; files: number; submissions: number };

export function runRetention(now = new Date()): RetentionReport {
  const client = getDb().$client;
  const at = now.getTime();
  const purge = client.transaction((): RetentionReport => {
    const sessions = client.prepare("delete from sessions where expires_at < ?").run(at).changes;
    const resumeLinks = client.prepare("delete from resume_tokens where expires_at < ? or used_at is not null").run(at).changes;

    const stale = client
      .prepare("select id from drafts where status = 'open' and updated_at < ?")
      .pluck()
      .all(at - getEnv().RETENTION_DRAFT_DAYS * DAY_MS) as string[];
    let files = 0;
    for (const id of stale) {
      files += client.prepare("delete from attachments where draft_id = ?").run(id).changes;
      client.prepare("delete from resume_tokens where draft_id = ?").run(id);
      client.prepare("delete from drafts where id = ?").run(id);
    }

    // A file is referred to by its id in its draft's answers, its submission's, or one of the submission's revisions.
    const orphans = client
      .prepare(
        `select a.id from attachments a join drafts d on d.id = a.draft_id
         left join submissions s on s.draft_id = d.id
         where a.created_at < ?
           and instr(d.answers, a.id) = 0
           and (s.id is null or (instr(s.answers, a.id) = 0
             and not exists (select 1 from submission_revisions r where r.submission_id = s.id and instr(r.answers, a.id) > 0)))`,
      )
      .pluck()
      .all(at - ORPHAN_GRACE_MS) as string[];
    for (const id of orphans) files += client.prepare("delete from attachments where id = ?").run(id).changes;

    let submissions = 0;
    for (const form of listLiveForms(now)) {
      const years = form.definition.retentionYears;
      if (!years) continue;
      const cutoff = new Date(now);
      cutoff.setFullYear(cutoff.getFullYear() - years);
      const due = client
        .prepare("select id, draft_id as draftId, receipt_number as receipt from submissions where form_id = ? and submitted_at < ? and answers <> '{}'")
        .all(form.formId, cutoff.getTime()) as { id: string; draftId: string; receipt: string }[];
      for (const s of due) {
        anonymiseSubmission(client, s.id, s.draftId);
        recordAudit({ actor: { role: "system", id: null }, action: "submission.anonymised", subject: { type: "submission", id: s.id }, details: { years } });
        submissions++;
      }
    }

    const report = { sessions, resumeLinks, drafts: stale.length, files, submissions };
    recordAudit({ actor: { role: "system", id: null }, action: "retention.run", details: report });
    return report;
  });
  return purge.immediate();
}

function anonymiseSubmission(client: ReturnType<typeof getDb>["$client"], id: string, draftId: string) {
  client
    .prepare(
      `update submissions set answers = '{}', provenance = '{}', applicant_name = null, search_name = null, search_kana = null,
       person_key = null, contact_email = null where id = ?`,
    )
    .run(id);
  client.prepare("update submission_revisions set answers = '{}', provenance = '{}' where submission_id = ?").run(id);
  client.prepare("update drafts set answers = '{}', prefill = '{}', provenance = '{}' where id = ?").run(draftId);
  client.prepare("delete from attachments where draft_id = ?").run(draftId);
  client.prepare("delete from notices where submission_id = ? and status <> 'pending'").run(id);
}

/** The server's schedule: an hour after starting, then every day. */
export function scheduleRetention() {
  const run = () => {
    try {
      log.info({ retention: runRetention() }, "retention");
    } catch (error) {
      log.error({ err: error }, "retention failed");
    }
  };
  setTimeout(() => {
    run();
    setInterval(run, DAY_MS).unref();
  }, 3_600_000).unref();
}

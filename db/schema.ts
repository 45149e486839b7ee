/**
 * Database schema (drizzle-orm, SQLite). Migrations are generated from this file with
 * `npm run db:generate` into db/migrations and applied at start-up.
 *
 * Dates of birth and other calendar dates are ISO strings (YYYY-MM-DD): they are civil dates, not instants.
 * Instants are stored as integer milliseconds since the epoch.
 */
import { SUBMISSION_STATUSES } from "../app/cases/statuses";
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

// ── 住民記録 (resident registry) ────────────────────────────────────────────────────────────────
// In production this is a read model fed from the city's 住民基本台帳 system; the demo seeds it.

export const households = sqliteTable("households", {
  id: text("id").primaryKey(),
  postalCode: text("postal_code").notNull(),
  prefecture: text("prefecture").notNull(),
  city: text("city").notNull(),
  town: text("town").notNull(), // 町域・番地
  /** 方書: building name and room number. */
  building: text("building"),
  headPersonId: text("head_person_id"),
  createdAt: createdAt(),
});

export const persons = sqliteTable(
  "persons",
  {
    id: text("id").primaryKey(),
    householdId: text("household_id")
      .notNull()
      .references(() => households.id),
    familyName: text("family_name").notNull(),
    givenName: text("given_name").notNull(),
    familyNameKana: text("family_name_kana").notNull(),
    givenNameKana: text("given_name_kana").notNull(),
    birthDate: text("birth_date").notNull(),
    sex: text("sex", { enum: ["male", "female"] }).notNull(),
    /** 続柄 (relationship to the head of household), e.g. 世帯主, 妻, 子. */
    relationship: text("relationship").notNull(),
    residentCode: text("resident_code").notNull(), // 住民票コード
    // Foreign residents only.
    nationality: text("nationality"),
    residenceStatus: text("residence_status"), // 在留資格
    residencePeriodEnd: text("residence_period_end"),
    residenceCardNumber: text("residence_card_number"),
    alias: text("alias"), // 通称
    aliasKana: text("alias_kana"),
    // Japanese nationals only: 本籍 and 筆頭者 (the 戸籍's first-listed person), where the register holds them.
    honseki: text("honseki"),
    hittousha: text("hittousha"),
    /** Insured in this city's 国民健康保険 (the city keeps that register itself). */
    nhi: integer("nhi", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("persons_household_idx").on(t.householdId)],
);

// ── 転出証明書情報 received ahead of a 転入 (pending move-ins) ────────────────────────────────────

export const moveIns = sqliteTable("move_ins", {
  id: text("id").primaryKey(),
  previousPostalCode: text("previous_postal_code").notNull(),
  previousPrefecture: text("previous_prefecture").notNull(),
  previousCity: text("previous_city").notNull(),
  previousTown: text("previous_town").notNull(),
  previousBuilding: text("previous_building"),
  previousHeadName: text("previous_head_name").notNull(),
  /** 転出予定日 */
  plannedMoveDate: text("planned_move_date").notNull(),
  /** 転出先 as declared in the 転出届: the address in this city. */
  newPostalCode: text("new_postal_code"),
  newTown: text("new_town"),
  newBuilding: text("new_building"),
  status: text("status", { enum: ["pending", "completed"] })
    .notNull()
    .default("pending"),
  createdAt: createdAt(),
});

export const moveInPersons = sqliteTable(
  "move_in_persons",
  {
    id: text("id").primaryKey(),
    moveInId: text("move_in_id")
      .notNull()
      .references(() => moveIns.id),
    position: integer("position").notNull(),
    familyName: text("family_name").notNull(),
    givenName: text("given_name").notNull(),
    familyNameKana: text("family_name_kana").notNull(),
    givenNameKana: text("given_name_kana").notNull(),
    birthDate: text("birth_date").notNull(),
    sex: text("sex", { enum: ["male", "female"] }).notNull(),
    relationship: text("relationship").notNull(),
    residentCode: text("resident_code").notNull(),
    honseki: text("honseki"), // 本籍
    hittousha: text("hittousha"), // 筆頭者
    // Foreign residents only, as the 転出証明書情報 carries them (codes as the registry keeps them: ISO 3166-1, 在留資格).
    nationality: text("nationality"),
    residenceStatus: text("residence_status"),
    residencePeriodEnd: text("residence_period_end"),
    residenceCardNumber: text("residence_card_number"),
    /** Insured in 国民健康保険 at the previous address (the 転出証明書情報's 国保 資格). */
    nhi: integer("nhi", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("move_in_persons_move_in_idx").on(t.moveInId)],
);

// ── 公金受取口座 (demo) ──────────────────────────────────────────────────────────────────────────
// In production the account a person registered with the デジタル庁 for public payments is looked up by マイナンバー;
// the demo keys it by 住民票コード (persons and movers both carry one).

export const publicFundsAccounts = sqliteTable("public_funds_accounts", {
  residentCode: text("resident_code").primaryKey(),
  bankName: text("bank_name").notNull(),
  branchName: text("branch_name").notNull(),
  accountType: text("account_type", { enum: ["ordinary", "current", "savings"] }).notNull(),
  accountNumber: text("account_number").notNull(),
  /** 口座名義 in katakana, as the bank holds it. */
  holderKana: text("holder_kana").notNull(),
  createdAt: createdAt(),
});

// ── Accounts and sessions ───────────────────────────────────────────────────────────────────────

export const staffUsers = sqliteTable("staff_users", {
  id: text("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["staff", "admin"] }).notNull(),
  /** What the person does at the city office (窓口 / 審査 / 管理). It decides the role (管理 → admin), which the guards read. */
  duty: text("duty", { enum: ["counter", "reviewer", "admin"] }).notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  /** Shown to administrators (/admin/staff): an account nobody uses is one to disable. */
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  /** The TOTP second factor's secret (RFC 6238, base32), once the person set it up; null: password only. */
  totpSecret: text("totp_secret"),
  /** The time step of the last code accepted: a code is good once (app/auth/totp.server.ts). */
  totpLastStep: integer("totp_last_step"),
});

/**
 * A resident as known through an identity provider. `subject` is the provider's stable id for the person;
 * the 基本4情報 are what the provider asserted at the last sign-in.
 */
export const residentAccounts = sqliteTable(
  "resident_accounts",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    birthDate: text("birth_date"),
    sex: text("sex"),
    address: text("address"),
    /** Link to 住民記録 when the person is a current resident. */
    personId: text("person_id").references(() => persons.id),
    /** Link to a pending move-in when the person is moving in. */
    moveInPersonId: text("move_in_person_id").references(() => moveInPersons.id),
    /** The language the resident last chose (null: never chose); a sign-in on another device brings it back. */
    language: text("language"),
    createdAt: createdAt(),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("resident_accounts_provider_subject_idx").on(t.provider, t.subject)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the random session id kept in the cookie: a leaked database does not leak live sessions. */
    idHash: text("id_hash").primaryKey(),
    role: text("role", { enum: ["resident", "staff", "admin"] }).notNull(),
    staffUserId: text("staff_user_id").references(() => staffUsers.id, { onDelete: "cascade" }),
    residentAccountId: text("resident_account_id").references(() => residentAccounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_staff_idx").on(t.staffUserId), index("sessions_resident_idx").on(t.residentAccountId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Counters of rate-limiter-flexible (app/security/throttle.server.ts): attempts per address and per account, and how
 * long a key must wait. The library's own table layout; kept in the database so that several app servers share it.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  /** Milliseconds since the epoch; null: no expiry. */
  expire: integer("expire"),
});

// ── Audit log (append-only) ─────────────────────────────────────────────────────────────────────

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorRole: text("actor_role", { enum: ["resident", "staff", "admin", "system", "anonymous"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    /** SHA-256 of the entry and the hash of the one before it (a chain `npm run audit:verify` checks). */
    hash: text("hash"),
  },
  (t) => [index("audit_log_subject_idx").on(t.subjectType, t.subjectId, t.at)],
);

/** Key/value settings the server keeps for itself (e.g. the generated demo session secret). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

// ── Procedures, drafts and submissions ──────────────────────────────────────────────────────────

// The statuses live with the workflow, which pages in the browser read too: no drizzle code reaches a client chunk.
export { SUBMISSION_STATUSES, type SubmissionStatus } from "../app/cases/statuses";

export type Provenance =
  | { kind: "typed" }
  | { kind: "prefilled"; source: string }
  | { kind: "changed"; source: string; original: unknown }
  /** A repeating group offered from a list: per item (null when the resident added it), per field. */
  | { kind: "items"; source: string; items: (Record<string, Provenance> | null)[] };

/**
 * Every edition of a procedure definition that was ever published or scheduled, immutable (a trigger refuses updates
 * and deletes). Which one residents get is decided by form_publications; drafts and submissions point at the exact
 * version they were made with. An administrator's edition in progress lives in form_drafts until it is published.
 */
export const formVersions = sqliteTable(
  "form_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    formId: text("form_id").notNull(),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    definition: text("definition", { mode: "json" }).notNull().$type<unknown>(),
    /** When this edition was frozen (stored as a version); it goes live by a publication, possibly later. */
    frozenAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    /** file: forms/*.json; builder: edited in /admin; import: an uploaded or pasted file. */
    origin: text("origin", { enum: ["file", "builder", "import"] })
      .notNull()
      .default("file"),
    /** The staff account that froze it (null for a file). */
    createdBy: text("created_by").references(() => staffUsers.id),
  },
  (t) => [uniqueIndex("form_versions_form_revision_idx").on(t.formId, t.revision), uniqueIndex("form_versions_form_hash_idx").on(t.formId, t.contentHash)],
);

/**
 * The procedure's lifecycle as a history: each row makes a version live from `effectiveAt` (now, or a scheduled time),
 * or retires the procedure (versionId null). The live state at any instant is the latest row in effect, so a scheduled
 * publication needs no timer and every app server agrees; rolling back is publishing an earlier version again.
 */
export const formPublications = sqliteTable(
  "form_publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    formId: text("form_id").notNull(),
    versionId: integer("version_id").references(() => formVersions.id),
    effectiveAt: integer("effective_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    /** The administrator who decided it; null when a forms/*.json file was published at start-up. */
    createdBy: text("created_by").references(() => staffUsers.id),
    /** A scheduled publication withdrawn before its time. */
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("form_publications_form_idx").on(t.formId, t.effectiveAt)],
);

/**
 * An administrator's working copy of a procedure (one per procedure): any JSON, valid or not, until it is published
 * and frozen as a version. Not to be confused with `drafts`, a resident's application in progress.
 */
export const formDrafts = sqliteTable("form_drafts", {
  formId: text("form_id").primaryKey(),
  definition: text("definition", { mode: "json" }).notNull().$type<unknown>(),
  /** The version it was started from (null for a new procedure). */
  basedOn: integer("based_on").references(() => formVersions.id),
  origin: text("origin", { enum: ["file", "builder", "import"] }).notNull(),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: text("updated_by").references(() => staffUsers.id),
});

/**
 * An administrator trying a procedure as a resident would (preview): the same answers a draft holds, kept apart so a
 * preview is never a draft, never submitted and never counted. `definition` is what was previewed (a working copy
 * may change meanwhile); `residentId` the demo resident whose records prefill it, if one was chosen.
 */
export const formPreviews = sqliteTable("form_previews", {
  id: text("id").primaryKey(),
  staffUserId: text("staff_user_id")
    .notNull()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  formId: text("form_id").notNull(),
  versionId: integer("version_id").references(() => formVersions.id),
  definition: text("definition", { mode: "json" }).notNull().$type<unknown>(),
  residentId: text("resident_id"),
  answers: text("answers", { mode: "json" }).notNull().default({}).$type<Record<string, unknown>>(),
  completedSteps: text("completed_steps", { mode: "json" }).notNull().default([]).$type<string[]>(),
  prefill: text("prefill", { mode: "json" }).notNull().default({}).$type<Record<string, { value: unknown; source: string }>>(),
  provenance: text("provenance", { mode: "json" }).notNull().default({}).$type<Record<string, Provenance>>(),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** An application in progress, owned by a signed-in resident or by an anonymous browser session. */
export const drafts = sqliteTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    formVersionId: integer("form_version_id")
      .notNull()
      .references(() => formVersions.id),
    formId: text("form_id").notNull(),
    residentAccountId: text("resident_account_id").references(() => residentAccounts.id),
    /** SHA-256 of the anonymous browser-session key, for residents who are not signed in. */
    anonymousKeyHash: text("anonymous_key_hash"),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    completedSteps: text("completed_steps", { mode: "json" }).notNull().$type<string[]>(),
    /** What the city already knew when the draft began, per bound field: { value, source }. */
    prefill: text("prefill", { mode: "json" }).notNull().default({}).$type<Record<string, { value: unknown; source: string }>>(),
    /** Per answer: typed, prefilled as is, or prefilled and changed (with the original). */
    provenance: text("provenance", { mode: "json" }).notNull().default({}).$type<Record<string, Provenance>>(),
    /** closed: a correction draft whose 補正依頼 was withdrawn or decided before the resident resubmitted. */
    status: text("status", { enum: ["open", "submitted", "closed"] })
      .notNull()
      .default("open"),
    /** A resident correcting a submission after a 補正依頼: the submission this draft will update. */
    correctionOf: text("correction_of"),
    /** A clerk filling it in during a counter visit (書かない窓口): the visit owns it, not a resident or a browser. */
    counterVisitId: text("counter_visit_id").references((): AnySQLiteColumn => counterVisits.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("drafts_resident_idx").on(t.residentAccountId, t.status),
    index("drafts_anonymous_idx").on(t.anonymousKeyHash, t.status),
    index("drafts_counter_visit_idx").on(t.counterVisitId),
  ],
);

export const submissions = sqliteTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    /** 受付番号: shown to the resident, no ambiguous characters. */
    receiptNumber: text("receipt_number").notNull().unique(),
    /** One submission per draft: a double click or a second tab finds the first one. */
    draftId: text("draft_id")
      .notNull()
      .unique()
      .references(() => drafts.id),
    formId: text("form_id").notNull(),
    formVersionId: integer("form_version_id")
      .notNull()
      .references(() => formVersions.id),
    residentAccountId: text("resident_account_id").references(() => residentAccounts.id),
    anonymousKeyHash: text("anonymous_key_hash"),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    provenance: text("provenance", { mode: "json" }).notNull().default({}).$type<Record<string, Provenance>>(),
    language: text("language").notNull(),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("received"),
    /** The staff member working on it (担当), if any. */
    assigneeId: text("assignee_id").references(() => staffUsers.id),
    /** The applicant's name for the queue ("髙橋 大輔"), and both without spaces for prefix search (氏名, フリガナ). */
    applicantName: text("applicant_name"),
    searchName: text("search_name"),
    searchKana: text("search_kana"),
    /** The applicant's name (as searchName) and birth date, "髙橋大輔|1988-05-14" (cases/applicant.ts): a second open application of one person. */
    personKey: text("person_key"),
    /** Where notices go (受付, 補正依頼, 完了/却下): the submission's e-mail answer, one left on the check page, or the kept profile's. */
    contactEmail: text("contact_email"),
    /** 窓口: entered by a clerk in a counter visit (the visit, the clerk and the resident's confirmation are kept). */
    channel: text("channel", { enum: ["online", "counter"] })
      .notNull()
      .default("online"),
    counterVisitId: text("counter_visit_id").references((): AnySQLiteColumn => counterVisits.id),
    enteredBy: text("entered_by").references(() => staffUsers.id),
    /** When the resident confirmed the answers on the counter's confirmation view. */
    residentConfirmedAt: integer("resident_confirmed_at", { mode: "timestamp_ms" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  // The queue sorts by submitted_at (then id for a stable keyset); each filter combination has an index to walk.
  (t) => [
    index("submissions_form_status_idx").on(t.formId, t.status, t.submittedAt, t.id),
    index("submissions_form_idx").on(t.formId, t.submittedAt, t.id),
    index("submissions_status_idx").on(t.status, t.submittedAt, t.id),
    index("submissions_submitted_idx").on(t.submittedAt, t.id),
    index("submissions_assignee_idx").on(t.assigneeId, t.status, t.submittedAt, t.id),
    index("submissions_search_name_idx").on(t.searchName),
    index("submissions_search_kana_idx").on(t.searchKana),
    index("submissions_resident_idx").on(t.residentAccountId, t.submittedAt),
    index("submissions_person_idx").on(t.personKey, t.formId),
    index("submissions_channel_idx").on(t.channel, t.submittedAt, t.id),
  ],
);

/**
 * The case history of a submission (append-only): status changes with the message to the resident or the reason,
 * internal notes, assignment, and resubmissions after a 補正依頼.
 */
export const submissionEvents = sqliteTable(
  "submission_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorRole: text("actor_role", { enum: ["resident", "staff", "admin", "system"] }).notNull(),
    actorId: text("actor_id"),
    kind: text("kind", { enum: ["status", "note", "assign", "resubmitted"] }).notNull(),
    fromStatus: text("from_status", { enum: SUBMISSION_STATUSES }),
    toStatus: text("to_status", { enum: SUBMISSION_STATUSES }),
    /** The 補正依頼 message or the 却下 reason (both shown to the resident), or an internal note (staff only). */
    body: text("body"),
    assigneeId: text("assignee_id").references(() => staffUsers.id),
  },
  (t) => [index("submission_events_submission_idx").on(t.submissionId, t.id)],
);

/** Earlier answers of a submission, kept when the resident resubmits after a 補正依頼. */
export const submissionRevisions = sqliteTable(
  "submission_revisions",
  {
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    revision: integer("revision").notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    provenance: text("provenance", { mode: "json" }).notNull().$type<Record<string, Provenance>>(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.revision] })],
);

/** Submissions per procedure and status, kept by triggers (migration 0008) so the queue's counts cost nothing. */
export const submissionCounts = sqliteTable(
  "submission_counts",
  {
    formId: text("form_id").notNull(),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.formId, t.status] })],
);

/** Uploaded files (就労証明書 …), checked by content, kept with the draft and carried into the submission. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id),
    fieldName: text("field_name").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_draft_idx").on(t.draftId)],
);

/**
 * Contact data a resident chose to keep for later procedures (ワンスオンリー across procedures). Only with explicit
 * consent; withdrawing consent deletes the row.
 */
export const residentProfiles = sqliteTable("resident_profiles", {
  residentAccountId: text("resident_account_id")
    .primaryKey()
    .references(() => residentAccounts.id, { onDelete: "cascade" }),
  phone: text("phone"),
  email: text("email"),
  employer: text("employer"),
  /** Working hours (保育の必要性): days a week and hours a month. */
  workDaysPerWeek: integer("work_days_per_week"),
  workHoursPerMonth: integer("work_hours_per_month"),
  consentedAt: integer("consented_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// ── Notices and resume links ────────────────────────────────────────────────────────────────────

export const NOTICE_KINDS = ["received", "needs_correction", "completed", "rejected", "resume_link"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * E-mail notices to residents (outbox, ADR 0013): written in the same transaction as what they announce, sent after
 * it commits, retried with growing pauses. `params` holds what the text needs (受付番号, procedure, link), no answers.
 */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    submissionId: text("submission_id").references(() => submissions.id),
    to: text("to").notNull(),
    language: text("language").notNull(),
    params: text("params", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notices_due_idx").on(t.status, t.nextAttemptAt), index("notices_submission_idx").on(t.submissionId)],
);

/** Links to resume an anonymous draft on another device: only the SHA-256 of the token is kept; used once. */
export const resumeTokens = sqliteTable(
  "resume_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("resume_tokens_draft_idx").on(t.draftId)],
);

// ── Counter mode (書かない窓口) ─────────────────────────────────────────────────────────────────────

export const IDENTITY_CHECKS = ["my_number_card", "drivers_license", "residence_card", "other"] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

/**
 * A resident's visit to the counter (来庁受付), started when a clerk opens a person found in the registry (a resident
 * or a pending mover). A visit left open closes itself after COUNTER_VISIT_IDLE_MINUTES without activity, evaluated
 * when visits are read (no timer): closed_at is then the last activity plus that time, close_reason "idle".
 */
export const counterVisits = sqliteTable(
  "counter_visits",
  {
    id: text("id").primaryKey(),
    staffUserId: text("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    /** Exactly one of the two: a resident in 住民記録 or a person of a pending move-in. */
    personId: text("person_id").references(() => persons.id),
    moveInPersonId: text("move_in_person_id").references(() => moveInPersons.id),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    lastActivityAt: integer("last_activity_at", { mode: "timestamp_ms" }).notNull(),
    identityCheck: text("identity_check", { enum: IDENTITY_CHECKS }).notNull(),
    /** What was shown when the method is "other" (e.g. 健康保険証と年金手帳). */
    identityNote: text("identity_note"),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closeReason: text("close_reason", { enum: ["finished", "idle"] }),
    /** The life event the clerk chose (form-engine/life-events.ts), and what the interview heard (勤務先の健康保険). */
    lifeEvent: text("life_event"),
    employeeInsurance: text("employee_insurance", { enum: ["yes", "no"] }),
    /** The procedures the clerk ticked, in the order they are filled in. */
    chosenForms: text("chosen_forms", { mode: "json" }).notNull().default([]).$type<string[]>(),
    /** The resident confirmed every answer on the confirmation view; a correction asked for clears it. */
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    /** The resident's on-screen signature: SVG path data in a 600×200 box (without it, the paper's signature box). */
    signature: text("signature"),
    /** The answer the resident asked to have corrected: the clerk is taken back to it. */
    correction: text("correction", { mode: "json" }).$type<{ formId: string; field: string } | null>(),
    /** The language the resident reads the confirmation view in (null: Japanese); their submissions record it. */
    residentLanguage: text("resident_language"),
    /** When every chosen procedure was submitted in one action. */
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("counter_visits_staff_idx").on(t.staffUserId, t.startedAt), index("counter_visits_open_idx").on(t.status, t.lastActivityAt)],
);

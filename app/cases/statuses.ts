/**
 * The status workflow of a submission: 受付 → 審査中 → 補正依頼 (the resident resubmits) → 完了 or 却下. Pages in the
 * browser read it too, so the status columns of db/schema.ts take their values from here, not the other way round.
 */
export const SUBMISSION_STATUSES = ["received", "in_review", "needs_correction", "completed", "rejected"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What staff may move a submission to from each status. A resubmission after 補正依頼 returns it to 審査中. */
export const NEXT_STATUSES: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  received: ["in_review", "rejected"],
  in_review: ["needs_correction", "completed", "rejected"],
  needs_correction: ["in_review"],
  completed: [],
  rejected: [],
};

/** The 補正依頼 tells the resident what to correct; a 却下 gives the reason. Both are shown to the resident. */
export const MESSAGE_REQUIRED: readonly SubmissionStatus[] = ["needs_correction", "rejected"];

export const canMove = (from: SubmissionStatus, to: SubmissionStatus) => NEXT_STATUSES[from].includes(to);

export const isSubmissionStatus = (v: unknown): v is SubmissionStatus => SUBMISSION_STATUSES.includes(v as SubmissionStatus);

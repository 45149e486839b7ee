CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`submission_id` text,
	`to` text NOT NULL,
	`language` text NOT NULL,
	`params` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_due_idx` ON `notices` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notices_submission_idx` ON `notices` (`submission_id`);--> statement-breakpoint
CREATE TABLE `resume_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resume_tokens_draft_idx` ON `resume_tokens` (`draft_id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `person_key` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `contact_email` text;--> statement-breakpoint
CREATE INDEX `submissions_person_idx` ON `submissions` (`person_key`,`form_id`);
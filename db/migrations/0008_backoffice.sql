CREATE TABLE `submission_counts` (
	`form_id` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`form_id`, `status`)
);
--> statement-breakpoint
CREATE TABLE `submission_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_role` text NOT NULL,
	`actor_id` text,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`body` text,
	`assignee_id` text,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_events_submission_idx` ON `submission_events` (`submission_id`,`id`);--> statement-breakpoint
CREATE TABLE `submission_revisions` (
	`submission_id` text NOT NULL,
	`revision` integer NOT NULL,
	`answers` text NOT NULL,
	`provenance` text NOT NULL,
	`submitted_at` integer NOT NULL,
	PRIMARY KEY(`submission_id`, `revision`),
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `submissions_form_status_idx`;--> statement-breakpoint
ALTER TABLE `submissions` ADD `assignee_id` text REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `submissions` ADD `applicant_name` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `search_name` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `search_kana` text;--> statement-breakpoint
CREATE INDEX `submissions_form_idx` ON `submissions` (`form_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `submissions_status_idx` ON `submissions` (`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `submissions_submitted_idx` ON `submissions` (`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `submissions_assignee_idx` ON `submissions` (`assignee_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `submissions_search_name_idx` ON `submissions` (`search_name`);--> statement-breakpoint
CREATE INDEX `submissions_search_kana_idx` ON `submissions` (`search_kana`);--> statement-breakpoint
CREATE INDEX `submissions_form_status_idx` ON `submissions` (`form_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `correction_of` text;
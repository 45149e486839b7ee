CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`form_version_id` integer NOT NULL,
	`form_id` text NOT NULL,
	`resident_account_id` text,
	`anonymous_key_hash` text,
	`answers` text NOT NULL,
	`completed_steps` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_account_id`) REFERENCES `resident_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drafts_resident_idx` ON `drafts` (`resident_account_id`,`status`);--> statement-breakpoint
CREATE INDEX `drafts_anonymous_idx` ON `drafts` (`anonymous_key_hash`,`status`);--> statement-breakpoint
CREATE TABLE `form_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` text NOT NULL,
	`revision` integer NOT NULL,
	`content_hash` text NOT NULL,
	`definition` text NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_versions_form_revision_idx` ON `form_versions` (`form_id`,`revision`);--> statement-breakpoint
CREATE UNIQUE INDEX `form_versions_form_hash_idx` ON `form_versions` (`form_id`,`content_hash`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_number` text NOT NULL,
	`draft_id` text NOT NULL,
	`form_id` text NOT NULL,
	`form_version_id` integer NOT NULL,
	`resident_account_id` text,
	`anonymous_key_hash` text,
	`answers` text NOT NULL,
	`language` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_account_id`) REFERENCES `resident_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_receipt_number_unique` ON `submissions` (`receipt_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_draft_id_unique` ON `submissions` (`draft_id`);--> statement-breakpoint
CREATE INDEX `submissions_form_status_idx` ON `submissions` (`form_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `submissions_resident_idx` ON `submissions` (`resident_account_id`,`submitted_at`);
CREATE TABLE `form_drafts` (
	`form_id` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`based_on` integer,
	`origin` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`based_on`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `form_previews` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_user_id` text NOT NULL,
	`form_id` text NOT NULL,
	`version_id` integer,
	`definition` text NOT NULL,
	`resident_id` text,
	`answers` text DEFAULT '{}' NOT NULL,
	`completed_steps` text DEFAULT '[]' NOT NULL,
	`prefill` text DEFAULT '{}' NOT NULL,
	`provenance` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `form_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` text NOT NULL,
	`version_id` integer,
	`effective_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`cancelled_at` integer,
	FOREIGN KEY (`version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `form_publications_form_idx` ON `form_publications` (`form_id`,`effective_at`);--> statement-breakpoint
ALTER TABLE `form_versions` ADD `origin` text DEFAULT 'file' NOT NULL;--> statement-breakpoint
ALTER TABLE `form_versions` ADD `created_by` text REFERENCES staff_users(id);
--> statement-breakpoint
-- Before the lifecycle, the newest revision of each procedure was the live one: keep it live.
INSERT INTO `form_publications` (`form_id`, `version_id`, `effective_at`)
SELECT `form_id`, `id`, `published_at` FROM `form_versions` v
WHERE `revision` = (SELECT max(`revision`) FROM `form_versions` WHERE `form_id` = v.`form_id`);
--> statement-breakpoint
-- A version is what drafts and submissions were made with: never changed, never removed.
CREATE TRIGGER `form_versions_no_update` BEFORE UPDATE ON `form_versions`
BEGIN
  SELECT RAISE(ABORT, 'form_versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `form_versions_no_delete` BEFORE DELETE ON `form_versions`
BEGIN
  SELECT RAISE(ABORT, 'form_versions are immutable');
END;
--> statement-breakpoint
-- History of publications: only a scheduled one may be withdrawn (cancelled_at set once); nothing else changes.
CREATE TRIGGER `form_publications_only_cancel` BEFORE UPDATE ON `form_publications`
WHEN OLD.`cancelled_at` IS NOT NULL OR NEW.`cancelled_at` IS NULL OR NEW.`form_id` IS NOT OLD.`form_id`
  OR NEW.`version_id` IS NOT OLD.`version_id` OR NEW.`effective_at` IS NOT OLD.`effective_at`
BEGIN
  SELECT RAISE(ABORT, 'form_publications are append-only (a scheduled one may only be cancelled)');
END;
--> statement-breakpoint
CREATE TRIGGER `form_publications_no_delete` BEFORE DELETE ON `form_publications`
BEGIN
  SELECT RAISE(ABORT, 'form_publications are append-only');
END;

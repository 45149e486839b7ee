ALTER TABLE `drafts` ADD `prefill` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `provenance` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `provenance` text DEFAULT '{}' NOT NULL;
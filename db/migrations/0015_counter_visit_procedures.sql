ALTER TABLE `counter_visits` ADD `life_event` text;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `employee_insurance` text;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `chosen_forms` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `correction` text;--> statement-breakpoint
ALTER TABLE `counter_visits` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `drafts` ADD `counter_visit_id` text REFERENCES counter_visits(id);--> statement-breakpoint
CREATE INDEX `drafts_counter_visit_idx` ON `drafts` (`counter_visit_id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `channel` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `counter_visit_id` text REFERENCES counter_visits(id);--> statement-breakpoint
ALTER TABLE `submissions` ADD `entered_by` text REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `submissions` ADD `resident_confirmed_at` integer;--> statement-breakpoint
CREATE INDEX `submissions_channel_idx` ON `submissions` (`channel`,`submitted_at`,`id`);
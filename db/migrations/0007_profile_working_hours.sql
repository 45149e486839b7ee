ALTER TABLE `resident_profiles` ADD `work_days_per_week` integer;--> statement-breakpoint
ALTER TABLE `resident_profiles` ADD `work_hours_per_month` integer;
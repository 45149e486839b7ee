CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_role` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_type`,`subject_id`,`at`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`postal_code` text NOT NULL,
	`prefecture` text NOT NULL,
	`city` text NOT NULL,
	`town` text NOT NULL,
	`building` text,
	`head_person_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_username_idx` ON `login_failures` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_ip_idx` ON `login_failures` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `move_in_persons` (
	`id` text PRIMARY KEY NOT NULL,
	`move_in_id` text NOT NULL,
	`position` integer NOT NULL,
	`family_name` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name_kana` text NOT NULL,
	`given_name_kana` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`relationship` text NOT NULL,
	`resident_code` text NOT NULL,
	`honseki` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`move_in_id`) REFERENCES `move_ins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `move_in_persons_move_in_idx` ON `move_in_persons` (`move_in_id`);--> statement-breakpoint
CREATE TABLE `move_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`previous_postal_code` text NOT NULL,
	`previous_prefecture` text NOT NULL,
	`previous_city` text NOT NULL,
	`previous_town` text NOT NULL,
	`previous_building` text,
	`previous_head_name` text NOT NULL,
	`planned_move_date` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`family_name` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name_kana` text NOT NULL,
	`given_name_kana` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`relationship` text NOT NULL,
	`resident_code` text NOT NULL,
	`nationality` text,
	`residence_status` text,
	`residence_period_end` text,
	`residence_card_number` text,
	`alias` text,
	`alias_kana` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_household_idx` ON `persons` (`household_id`);--> statement-breakpoint
CREATE TABLE `resident_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`name` text NOT NULL,
	`name_kana` text,
	`birth_date` text,
	`sex` text,
	`address` text,
	`person_id` text,
	`move_in_person_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_sign_in_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_in_person_id`) REFERENCES `move_in_persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resident_accounts_provider_subject_idx` ON `resident_accounts` (`provider`,`subject`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`staff_user_id` text,
	`resident_account_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resident_account_id`) REFERENCES `resident_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_staff_idx` ON `sessions` (`staff_user_id`);--> statement-breakpoint
CREATE INDEX `sessions_resident_idx` ON `sessions` (`resident_account_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`duty` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_unique` ON `staff_users` (`username`);
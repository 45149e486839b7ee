CREATE TABLE `public_funds_accounts` (
	`resident_code` text PRIMARY KEY NOT NULL,
	`bank_name` text NOT NULL,
	`branch_name` text NOT NULL,
	`account_type` text NOT NULL,
	`account_number` text NOT NULL,
	`holder_kana` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `hittousha` text;--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `nationality` text;--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `residence_status` text;--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `residence_period_end` text;--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `residence_card_number` text;--> statement-breakpoint
ALTER TABLE `move_in_persons` ADD `nhi` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `honseki` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `hittousha` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `nhi` integer DEFAULT false NOT NULL;
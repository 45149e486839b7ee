CREATE TABLE `resident_profiles` (
	`resident_account_id` text PRIMARY KEY NOT NULL,
	`phone` text,
	`email` text,
	`employer` text,
	`consented_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resident_account_id`) REFERENCES `resident_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `counter_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_user_id` text NOT NULL,
	`person_id` text,
	`move_in_person_id` text,
	`started_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL,
	`identity_check` text NOT NULL,
	`identity_note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`close_reason` text,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_in_person_id`) REFERENCES `move_in_persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `counter_visits_staff_idx` ON `counter_visits` (`staff_user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `counter_visits_open_idx` ON `counter_visits` (`status`,`last_activity_at`);
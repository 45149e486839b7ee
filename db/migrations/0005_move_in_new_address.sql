ALTER TABLE `move_ins` ADD `new_postal_code` text;--> statement-breakpoint
ALTER TABLE `move_ins` ADD `new_town` text;--> statement-breakpoint
ALTER TABLE `move_ins` ADD `new_building` text;
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- INSERT OR REPLACE deletes the old row without firing the delete trigger (recursive triggers are off): refuse any
-- insert that reuses an entry's id, here and in the case history.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `submission_events_no_replace` BEFORE INSERT ON `submission_events`
WHEN EXISTS (SELECT 1 FROM `submission_events` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'submission_events is append-only');
END;
--> statement-breakpoint
-- The one change allowed: the hash of an entry written before the chain existed, set once (app/audit/chain.server.ts),
-- nothing else of the entry changed.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL OR NEW.`hash` IS NULL
  OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`actor_role` IS NOT OLD.`actor_role`
  OR NEW.`actor_id` IS NOT OLD.`actor_id` OR NEW.`action` IS NOT OLD.`action` OR NEW.`subject_type` IS NOT OLD.`subject_type`
  OR NEW.`subject_id` IS NOT OLD.`subject_id` OR NEW.`details` IS NOT OLD.`details`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

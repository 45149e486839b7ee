-- The case history is append-only, like the audit log.
CREATE TRIGGER `submission_events_no_update` BEFORE UPDATE ON `submission_events`
BEGIN
  SELECT RAISE(ABORT, 'submission_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `submission_events_no_delete` BEFORE DELETE ON `submission_events`
BEGIN
  SELECT RAISE(ABORT, 'submission_events is append-only');
END;
--> statement-breakpoint
-- Counts per procedure and status for the staff queue, kept in step with every insert, status change and delete.
INSERT INTO `submission_counts` (`form_id`, `status`, `count`)
  SELECT `form_id`, `status`, count(*) FROM `submissions` GROUP BY `form_id`, `status`;
--> statement-breakpoint
CREATE TRIGGER `submission_counts_insert` AFTER INSERT ON `submissions`
BEGIN
  INSERT INTO `submission_counts` (`form_id`, `status`, `count`) VALUES (NEW.`form_id`, NEW.`status`, 1)
    ON CONFLICT (`form_id`, `status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `submission_counts_update` AFTER UPDATE OF `status` ON `submissions` WHEN OLD.`status` <> NEW.`status`
BEGIN
  UPDATE `submission_counts` SET `count` = `count` - 1 WHERE `form_id` = OLD.`form_id` AND `status` = OLD.`status`;
  INSERT INTO `submission_counts` (`form_id`, `status`, `count`) VALUES (NEW.`form_id`, NEW.`status`, 1)
    ON CONFLICT (`form_id`, `status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `submission_counts_delete` AFTER DELETE ON `submissions`
BEGIN
  UPDATE `submission_counts` SET `count` = `count` - 1 WHERE `form_id` = OLD.`form_id` AND `status` = OLD.`status`;
END;

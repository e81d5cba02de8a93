CREATE TABLE `organ_merge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_id` integer NOT NULL,
	`from_name` text NOT NULL,
	`into_id` integer NOT NULL,
	`into_name` text NOT NULL,
	`choices_json` text DEFAULT '{}' NOT NULL,
	`snapshot_json` text NOT NULL,
	`user_id` text,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`undone_at` integer,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `organ_merge_from_idx` ON `organ_merge` (`from_id`);--> statement-breakpoint
CREATE INDEX `organ_merge_into_idx` ON `organ_merge` (`into_id`);--> statement-breakpoint
ALTER TABLE `organ` ADD `status` text DEFAULT 'district' NOT NULL;--> statement-breakpoint
ALTER TABLE `organ` ADD `roster_from` integer;--> statement-breakpoint
ALTER TABLE `organ` ADD `roster_to` integer;--> statement-breakpoint
ALTER TABLE `organ` ADD `sort_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `organ` ADD `changed_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `organ_status_idx` ON `organ` (`status`);--> statement-breakpoint
ALTER TABLE `organ_alias` ADD `valid_from` integer;--> statement-breakpoint
ALTER TABLE `organ_alias` ADD `valid_to` integer;--> statement-breakpoint
ALTER TABLE `user` ADD `disabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `last_login_at` integer;
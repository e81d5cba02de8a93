CREATE TABLE `draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` text NOT NULL,
	`organ_id` integer,
	`organ_name` text NOT NULL,
	`year` integer,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`model_json` text NOT NULL,
	`check_json` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`checked_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`promoted_at` integer,
	`report_id` integer,
	`revision_id` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `draft_owner_idx` ON `draft` (`owner_id`,`id`);--> statement-breakpoint
CREATE TABLE `inbox_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organ_id` integer NOT NULL,
	`kind` text NOT NULL,
	`report_id` integer,
	`annotation_id` integer,
	`reminder_id` integer,
	`source_key` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`deadline` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`answer` text,
	`answer_file_name` text,
	`answer_file_path` text,
	`answered_by` text,
	`answered_at` integer,
	`closed_by` text,
	`closed_at` integer,
	`organ_seen_at` integer,
	`inspector_seen_at` integer,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reminder_id`) REFERENCES `reminder`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `inbox_item_organ_idx` ON `inbox_item` (`organ_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `inbox_item_open_idx` ON `inbox_item` (`closed_at`,`answered_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_item_source_uq` ON `inbox_item` (`kind`,`source_key`);--> statement-breakpoint
CREATE TABLE `reminder` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`message` text NOT NULL,
	`deadline` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `annotation` ADD `asks_answer` integer DEFAULT false NOT NULL;
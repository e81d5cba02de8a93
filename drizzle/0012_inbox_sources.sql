CREATE TABLE `rectification_seen` (
	`rectification_id` integer PRIMARY KEY NOT NULL,
	`organ_seen_message_id` integer,
	`inspector_seen_message_id` integer,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectification`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `inbox_item` ADD `cell_path` text;
CREATE TABLE `filing` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`filed_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`recorded_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);

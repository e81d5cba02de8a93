CREATE TABLE `assessment_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`organ_id` integer NOT NULL,
	`indicator_id` text NOT NULL,
	`points` real NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`file_name` text,
	`file_path` text,
	`veto` integer DEFAULT 0 NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_entry_quarter_organ_idx` ON `assessment_entry` (`quarter`,`organ_id`);--> statement-breakpoint
CREATE TABLE `assessment_quarter` (
	`quarter` text PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`rubric_version` integer,
	`snapshot_json` text,
	`closed_by` text,
	`closed_at` integer,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `assessment_rubric` (
	`version` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_json` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rectification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`organ_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`indicator_id` text NOT NULL,
	`problem` text NOT NULL,
	`request` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectification_quarter_organ_idx` ON `rectification` (`quarter`,`organ_id`);--> statement-breakpoint
CREATE INDEX `rectification_organ_idx` ON `rectification` (`organ_id`,`deadline`);--> statement-breakpoint
CREATE TABLE `rectification_message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rectification_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`file_name` text,
	`file_path` text,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectification`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectification_message_idx` ON `rectification_message` (`rectification_id`);--> statement-breakpoint
CREATE INDEX `publication_date_organ_channel_idx` ON `publication` (`published_on`,`organ_id`,`channel`);--> statement-breakpoint
CREATE INDEX `publication_organ_channel_date_idx` ON `publication` (`organ_id`,`channel`,`published_on`);
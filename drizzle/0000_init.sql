CREATE TABLE `annotation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`cell_path` text,
	`note` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annotation_report_idx` ON `annotation` (`report_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`detail` text,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `correction` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`cell_path` text NOT NULL,
	`old_value` real,
	`new_value` real,
	`reason` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`undone_at` integer,
	`undone_by` text,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `correction_report_idx` ON `correction` (`report_id`);--> statement-breakpoint
CREATE TABLE `figure` (
	`report_id` integer NOT NULL,
	`section` text NOT NULL,
	`row_key` text NOT NULL,
	`c0` real,
	`c1` real,
	`c2` real,
	`c3` real,
	`c4` real,
	`c5` real,
	`c6` real,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `figure_report_row_uq` ON `figure` (`report_id`,`section`,`row_key`);--> statement-breakpoint
CREATE INDEX `figure_section_row_idx` ON `figure` (`section`,`row_key`);--> statement-breakpoint
CREATE TABLE `finding` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`cells_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `finding_report_idx` ON `finding` (`report_id`);--> statement-breakpoint
CREATE INDEX `finding_rule_idx` ON `finding` (`rule`);--> statement-breakpoint
CREATE TABLE `login_failure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failure_username_at_idx` ON `login_failure` (`username`,`at`);--> statement-breakpoint
CREATE TABLE `organ` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`kind` text DEFAULT 'department' NOT NULL,
	`parent_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organ_normalized_name_uq` ON `organ` (`normalized_name`);--> statement-breakpoint
CREATE TABLE `organ_alias` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organ_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized_alias` text NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organ_alias_normalized_uq` ON `organ_alias` (`normalized_alias`);--> statement-breakpoint
CREATE INDEX `organ_alias_organ_idx` ON `organ_alias` (`organ_id`);--> statement-breakpoint
CREATE TABLE `publication` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organ_id` integer NOT NULL,
	`published_on` text NOT NULL,
	`title` text NOT NULL,
	`channel` text,
	`url` text,
	`dedup_key` text NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publication_dedup_uq` ON `publication` (`organ_id`,`dedup_key`);--> statement-breakpoint
CREATE INDEX `publication_organ_date_idx` ON `publication` (`organ_id`,`published_on`);--> statement-breakpoint
CREATE TABLE `report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organ_id` integer NOT NULL,
	`year` integer NOT NULL,
	`current_revision_id` integer,
	`template` text,
	`published_on` text,
	`fee_yuan` real,
	`findings_count` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_organ_year_uq` ON `report` (`organ_id`,`year`);--> statement-breakpoint
CREATE INDEX `report_year_idx` ON `report` (`year`);--> statement-breakpoint
CREATE TABLE `revision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text,
	`file_path` text NOT NULL,
	`file_size` integer NOT NULL,
	`parser_version` text NOT NULL,
	`model_json` text NOT NULL,
	`warnings_json` text DEFAULT '[]' NOT NULL,
	`imported_by` text,
	`imported_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revision_report_idx` ON `revision` (`report_id`);--> statement-breakpoint
CREATE INDEX `revision_sha_idx` ON `revision` (`sha256`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organ_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_username_unique` ON `user` (`username`);
CREATE TABLE `cross_finding` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`organ_id` integer NOT NULL,
	`year` integer NOT NULL,
	`report_id` integer,
	`other_organ_id` integer,
	`other_report_id` integer,
	`message` text NOT NULL,
	`cells_json` text DEFAULT '[]' NOT NULL,
	`detail_json` text DEFAULT '{}' NOT NULL,
	`fingerprint` text NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cross_finding_subject_idx` ON `cross_finding` (`organ_id`,`year`,`rule`);--> statement-breakpoint
CREATE INDEX `cross_finding_report_idx` ON `cross_finding` (`report_id`);--> statement-breakpoint
CREATE INDEX `cross_finding_other_report_idx` ON `cross_finding` (`other_report_id`);--> statement-breakpoint
CREATE INDEX `cross_finding_fingerprint_idx` ON `cross_finding` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `finding_review` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`note` text DEFAULT '' NOT NULL,
	`rule` text NOT NULL,
	`organ_id` integer NOT NULL,
	`year` integer NOT NULL,
	`reviewer_id` text,
	`reviewed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finding_review_organ_year_idx` ON `finding_review` (`organ_id`,`year`);--> statement-breakpoint
CREATE INDEX `finding_review_status_idx` ON `finding_review` (`status`);--> statement-breakpoint
CREATE TABLE `similarity_band` (
	`report_id` integer NOT NULL,
	`year` integer NOT NULL,
	`section` text NOT NULL,
	`band` integer NOT NULL,
	`bucket` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `similarity_band_bucket_idx` ON `similarity_band` (`year`,`section`,`band`,`bucket`);--> statement-breakpoint
CREATE INDEX `similarity_band_report_idx` ON `similarity_band` (`report_id`);--> statement-breakpoint
ALTER TABLE `finding` ADD `fingerprint` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `finding_fingerprint_idx` ON `finding` (`fingerprint`);
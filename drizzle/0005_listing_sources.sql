CREATE TABLE `crawl_page` (
	`source_id` integer NOT NULL,
	`url` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `crawl_source`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_page_source_url_uq` ON `crawl_page` (`source_id`,`url`);--> statement-breakpoint
CREATE TABLE `crawl_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`pages` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`started_by` text
);
--> statement-breakpoint
CREATE TABLE `crawl_run_source` (
	`run_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`status` text NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`not_modified` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`errors_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `crawl_run`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `crawl_source`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_run_source_uq` ON `crawl_run_source` (`run_id`,`source_id`);--> statement-breakpoint
CREATE INDEX `crawl_run_source_source_idx` ON `crawl_run_source` (`source_id`);--> statement-breakpoint
CREATE TABLE `crawl_schedule` (
	`id` integer PRIMARY KEY NOT NULL,
	`every_hours` integer,
	`next_run_at` integer,
	`last_run_at` integer
);
--> statement-breakpoint
CREATE TABLE `crawl_source` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organ_id` integer NOT NULL,
	`channel` text NOT NULL,
	`start_url` text NOT NULL,
	`max_pages` integer DEFAULT 5 NOT NULL,
	`since` text,
	`enabled` integer DEFAULT true NOT NULL,
	`last_status` text,
	`last_error` text,
	`last_run_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_source_url_uq` ON `crawl_source` (`organ_id`,`start_url`);--> statement-breakpoint
CREATE INDEX `crawl_source_status_idx` ON `crawl_source` (`last_status`);
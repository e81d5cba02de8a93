CREATE TABLE `publication_month` (
	`organ_id` integer NOT NULL,
	`month` text NOT NULL,
	`posts` integer NOT NULL,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publication_month_organ_month_uq` ON `publication_month` (`organ_id`,`month`);--> statement-breakpoint
CREATE TABLE `publication_year` (
	`organ_id` integer NOT NULL,
	`year` integer NOT NULL,
	`posts` integer NOT NULL,
	`weeks` integer NOT NULL,
	`first_on` text NOT NULL,
	`last_on` text NOT NULL,
	`gap_days` real,
	`gap_from` text,
	`gap_to` text,
	FOREIGN KEY (`organ_id`) REFERENCES `organ`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publication_year_organ_year_uq` ON `publication_year` (`organ_id`,`year`);--> statement-breakpoint
CREATE INDEX `publication_year_year_idx` ON `publication_year` (`year`,`last_on`);--> statement-breakpoint
CREATE TABLE `report_summary` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`organ_id` integer NOT NULL,
	`year` integer NOT NULL,
	`new_rows` integer DEFAULT 0 NOT NULL,
	`new_c0` real,
	`new_c1` real,
	`new_c2` real,
	`new_c3` real,
	`new_c4` real,
	`new_c5` real,
	`new_c6` real,
	`results_total` real,
	`out_granted` real,
	`out_partial` real,
	`out_refused` real,
	`out_unable` real,
	`out_not_processed` real,
	`out_other` real,
	`refused_state_secret` real,
	`refused_law_prohibited` real,
	`refused_three_safeties` real,
	`refused_third_party` real,
	`refused_internal_affairs` real,
	`refused_process_info` real,
	`refused_enforcement_file` real,
	`refused_query_matter` real,
	`unable_not_held` real,
	`unable_needs_creation` real,
	`unable_unclear` real,
	`admin_fee` real,
	`review_corrected` real,
	`review_concluded` real,
	`rec_total` real,
	`rec_corrected` real,
	`rec_concluded` real,
	`lit_total` real,
	`lit_corrected` real,
	`lit_concluded` real,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_summary_year_organ_idx` ON `report_summary` (`year`,`organ_id`);--> statement-breakpoint
CREATE INDEX `report_summary_organ_year_idx` ON `report_summary` (`organ_id`,`year`);
ALTER TABLE `login_failure` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `login_failure_address_at_idx` ON `login_failure` (`address`,`at`);
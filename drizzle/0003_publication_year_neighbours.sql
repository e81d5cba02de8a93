ALTER TABLE `publication_year` ADD `prev_last_on` text;--> statement-breakpoint
ALTER TABLE `publication_year` ADD `next_first_on` text;--> statement-breakpoint
-- Backfill of the new columns (summaries.ts publicationNeighboursUpdate).
UPDATE publication_year SET
	prev_last_on = (SELECT MAX(p.last_on) FROM publication_year p WHERE p.organ_id = publication_year.organ_id AND p.year < publication_year.year),
	next_first_on = (SELECT MIN(p.first_on) FROM publication_year p WHERE p.organ_id = publication_year.organ_id AND p.year > publication_year.year)
WHERE 1;

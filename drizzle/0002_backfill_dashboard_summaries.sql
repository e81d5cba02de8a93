-- Backfill of the dashboard summaries from figure and publication (the text of summaries.ts backfillSql()).
DELETE FROM report_summary;
--> statement-breakpoint
INSERT INTO report_summary (report_id, organ_id, year, new_rows, new_c0, new_c1, new_c2, new_c3, new_c4, new_c5, new_c6, results_total, out_granted, out_partial, out_refused, out_unable, out_not_processed, out_other, refused_state_secret, refused_law_prohibited, refused_three_safeties, refused_third_party, refused_internal_affairs, refused_process_info, refused_enforcement_file, refused_query_matter, unable_not_held, unable_needs_creation, unable_unclear, admin_fee, review_corrected, review_concluded, rec_total, rec_corrected, rec_concluded, lit_total, lit_corrected, lit_concluded)
SELECT r.id,
	r.organ_id,
	r.year,
	COALESCE(SUM(g.section = 'applications' AND g.row_key = 'new'), 0),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c0 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c1 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c2 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c3 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c4 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c5 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'results_total' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('granted') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('partial') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('refused.state_secret', 'refused.law_prohibited', 'refused.three_safeties', 'refused.third_party', 'refused.internal_affairs', 'refused.process_info', 'refused.enforcement_file', 'refused.query_matter') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('unable.not_held', 'unable.needs_creation', 'unable.unclear') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('not_processed.petition', 'not_processed.duplicate', 'not_processed.publication', 'not_processed.excessive', 'not_processed.confirm') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key IN ('other.no_correction', 'other.no_fee', 'other.other', 'other') THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.state_secret' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.law_prohibited' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.three_safeties' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.third_party' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.internal_affairs' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.process_info' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.enforcement_file' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'refused.query_matter' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'unable.not_held' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'unable.needs_creation' THEN g.c6 END),
	SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'unable.unclear' THEN g.c6 END),
	SUM(CASE WHEN r.template = '2021' AND g.section = 'proactive' AND g.row_key = 'admin_fees' THEN g.c0 END),
	SUM(CASE WHEN g.section = 'review' AND 1 THEN g.c1 END),
	SUM(CASE WHEN g.section = 'review' AND 1 THEN COALESCE(g.c4, 0) - COALESCE(g.c3, 0) END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key = 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN g.c4 END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key = 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN g.c1 END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key = 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN COALESCE(g.c4, 0) - COALESCE(g.c3, 0) END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key <> 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN g.c4 END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key <> 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN g.c1 END),
	SUM(CASE WHEN g.section = 'review' AND g.row_key <> 'reconsideration' AND (g.c4 > 0 OR g.c1 > 0) THEN COALESCE(g.c4, 0) - COALESCE(g.c3, 0) END)
FROM report r JOIN figure g ON g.report_id = r.id
WHERE 1
GROUP BY r.id;
--> statement-breakpoint
DELETE FROM publication_year;
--> statement-breakpoint
INSERT INTO publication_year (organ_id, year, posts, weeks, first_on, last_on, gap_days, gap_from, gap_to)
WITH d AS (
	SELECT organ_id, CAST(substr(published_on, 1, 4) AS INTEGER) AS year, published_on AS d, julianday(published_on) AS jd,
		(CAST(strftime('%j', published_on) AS INTEGER) - 1) / 7 AS week
	FROM publication WHERE 1
), l AS (
	SELECT organ_id, year, d, week, LAG(d) OVER w AS prev, jd - LAG(jd) OVER w AS gap FROM d
	WINDOW w AS (PARTITION BY organ_id, year ORDER BY d)
), b AS (
	SELECT organ_id, year, d, week, prev, gap, ROW_NUMBER() OVER (PARTITION BY organ_id, year ORDER BY gap DESC, d) AS rn FROM l
)
SELECT organ_id, year, COUNT(*), COUNT(DISTINCT CASE WHEN week < 52 THEN week END), MIN(d), MAX(d),
	MAX(CASE WHEN rn = 1 THEN gap END), MAX(CASE WHEN rn = 1 AND gap IS NOT NULL THEN prev END),
	MAX(CASE WHEN rn = 1 AND gap IS NOT NULL THEN d END)
FROM b GROUP BY organ_id, year;
--> statement-breakpoint
DELETE FROM publication_month;
--> statement-breakpoint
INSERT INTO publication_month (organ_id, month, posts)
SELECT organ_id, substr(published_on, 1, 7), COUNT(*) FROM publication WHERE 1 GROUP BY organ_id, substr(published_on, 1, 7);

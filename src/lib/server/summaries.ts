// The dashboard's summary tables (schema.ts: report_summary, publication_year, publication_month), derived from
// `figure` and `publication` by the SQL below. The same SQL maintains them (in the writer's transaction: a report's
// effective state, a publication-log import, an organ merge) and backfills them (the 0002 migration holds this text
// expanded, and rebuildSummaries() runs it for databases filled by raw inserts, e.g. fixtures and the bench).
import type Database from 'better-sqlite3';
import { statement } from './db/statement';
import { OUTCOME_GROUPS, REFUSAL_REASONS } from '../charts/data';
import { outcomeRowKeys } from '../report/template';

const OUTCOME_KEYS = [...new Set([...outcomeRowKeys('2021'), ...outcomeRowKeys('2019')])];
const groupOf = (key: string) => key.split('.')[0];
const list = (keys: readonly string[]) => keys.map((k) => `'${k}'`).join(', ');
/** A section 4 row with a case: the review chart reads only these. */
const HAS_CASE = '(g.c4 > 0 OR g.c1 > 0)';

function reportSummarySelect(where: string): string {
	const app = (cond: string, col = 'g.c6') => `SUM(CASE WHEN g.section = 'applications' AND ${cond} THEN ${col} END)`;
	const rev = (cond: string, col: string) => `SUM(CASE WHEN g.section = 'review' AND ${cond} THEN ${col} END)`;
	const cols: [string, string][] = [
		['report_id', 'r.id'],
		['organ_id', 'r.organ_id'],
		['year', 'r.year'],
		['new_rows', "COALESCE(SUM(g.section = 'applications' AND g.row_key = 'new'), 0)"],
		...[0, 1, 2, 3, 4, 5, 6].map((c): [string, string] => [`new_c${c}`, app("g.row_key = 'new'", `g.c${c}`)]),
		['results_total', app("g.row_key = 'results_total'")],
		...OUTCOME_GROUPS.map((grp): [string, string] => [
			`out_${grp}`,
			app(`g.row_key IN (${list(OUTCOME_KEYS.filter((k) => groupOf(k) === grp))})`)
		]),
		...REFUSAL_REASONS.map((k): [string, string] => [k.replace('.', '_'), app(`g.row_key = '${k}'`)]),
		[
			'admin_fee',
			"SUM(CASE WHEN r.template = '2021' AND g.section = 'proactive' AND g.row_key = 'admin_fees' THEN g.c0 END)"
		],
		['review_corrected', rev('1', 'g.c1')],
		['review_concluded', rev('1', 'COALESCE(g.c4, 0) - COALESCE(g.c3, 0)')],
		['rec_total', rev(`g.row_key = 'reconsideration' AND ${HAS_CASE}`, 'g.c4')],
		['rec_corrected', rev(`g.row_key = 'reconsideration' AND ${HAS_CASE}`, 'g.c1')],
		['rec_concluded', rev(`g.row_key = 'reconsideration' AND ${HAS_CASE}`, 'COALESCE(g.c4, 0) - COALESCE(g.c3, 0)')],
		['lit_total', rev(`g.row_key <> 'reconsideration' AND ${HAS_CASE}`, 'g.c4')],
		['lit_corrected', rev(`g.row_key <> 'reconsideration' AND ${HAS_CASE}`, 'g.c1')],
		['lit_concluded', rev(`g.row_key <> 'reconsideration' AND ${HAS_CASE}`, 'COALESCE(g.c4, 0) - COALESCE(g.c3, 0)')]
	];
	return `INSERT INTO report_summary (${cols.map((c) => c[0]).join(', ')})
SELECT ${cols.map((c) => c[1]).join(',\n\t')}
FROM report r JOIN figure g ON g.report_id = r.id
WHERE ${where}
GROUP BY r.id`;
}

// Week w of a year = (day of year − 1) ÷ 7; the stub week 52 (one or two days) is not counted. The longest gap inside
// a year and its ends: the first row by (gap desc, date) of each organ-year.
function publicationYearSelect(where: string): string {
	return `INSERT INTO publication_year (organ_id, year, posts, weeks, first_on, last_on, gap_days, gap_from, gap_to)
WITH d AS (
	SELECT organ_id, CAST(substr(published_on, 1, 4) AS INTEGER) AS year, published_on AS d, julianday(published_on) AS jd,
		(CAST(strftime('%j', published_on) AS INTEGER) - 1) / 7 AS week
	FROM publication WHERE ${where}
), l AS (
	SELECT organ_id, year, d, week, LAG(d) OVER w AS prev, jd - LAG(jd) OVER w AS gap FROM d
	WINDOW w AS (PARTITION BY organ_id, year ORDER BY d)
), b AS (
	SELECT organ_id, year, d, week, prev, gap, ROW_NUMBER() OVER (PARTITION BY organ_id, year ORDER BY gap DESC, d) AS rn FROM l
)
SELECT organ_id, year, COUNT(*), COUNT(DISTINCT CASE WHEN week < 52 THEN week END), MIN(d), MAX(d),
	MAX(CASE WHEN rn = 1 THEN gap END), MAX(CASE WHEN rn = 1 AND gap IS NOT NULL THEN prev END),
	MAX(CASE WHEN rn = 1 AND gap IS NOT NULL THEN d END)
FROM b GROUP BY organ_id, year`;
}

/** Each organ-year's neighbours in its log (last posting of an earlier year, first of a later one): with them the
 * longest silence over a range needs no window over the rows (metrics/updates.ts). */
function publicationNeighboursUpdate(where: string): string {
	return `UPDATE publication_year SET
	prev_last_on = (SELECT MAX(p.last_on) FROM publication_year p WHERE p.organ_id = publication_year.organ_id AND p.year < publication_year.year),
	next_first_on = (SELECT MIN(p.first_on) FROM publication_year p WHERE p.organ_id = publication_year.organ_id AND p.year > publication_year.year)
WHERE ${where}`;
}

function publicationMonthSelect(where: string): string {
	return `INSERT INTO publication_month (organ_id, month, posts)
SELECT organ_id, substr(published_on, 1, 7), COUNT(*) FROM publication WHERE ${where} GROUP BY organ_id, substr(published_on, 1, 7)`;
}

/** The backfill: every summary rebuilt from figure and publication (the text the 0002 migration runs, then 0003's
 * neighbours, which came with 0003's columns). */
export function backfillSql(): string[] {
	return [
		'DELETE FROM report_summary',
		reportSummarySelect('1'),
		'DELETE FROM publication_year',
		publicationYearSelect('1'),
		'DELETE FROM publication_month',
		publicationMonthSelect('1'),
		publicationNeighboursUpdate('1')
	];
}

// The texts for one report / one organ, built once: the writers run them on every report stored.
const ONE_REPORT = { insertSummary: reportSummarySelect('r.id = ?') };
const ONE_ORGAN = {
	insertYears: publicationYearSelect('organ_id = ?'),
	neighbours: publicationNeighboursUpdate('organ_id = ?'),
	insertMonths: publicationMonthSelect('organ_id = ?')
};

/** Rewrites a report's summary row from its figure rows (none when it has none). Call inside the writer's transaction. */
export function refreshReportSummary(c: Database.Database, reportId: number): void {
	statement('DELETE FROM report_summary WHERE report_id = ?', c).run(reportId);
	statement(ONE_REPORT.insertSummary, c).run(reportId);
}

/** Rewrites an organ's publication summaries from its log (all years: a log is a few thousand rows per organ). */
export function refreshPublicationSummaries(c: Database.Database, organId: number): void {
	statement('DELETE FROM publication_year WHERE organ_id = ?', c).run(organId);
	statement(ONE_ORGAN.insertYears, c).run(organId);
	statement(ONE_ORGAN.neighbours, c).run(organId);
	statement('DELETE FROM publication_month WHERE organ_id = ?', c).run(organId);
	statement(ONE_ORGAN.insertMonths, c).run(organId);
}

/** Every summary rebuilt from scratch, in one transaction: for databases filled by raw inserts. */
export function rebuildSummaries(c: Database.Database): void {
	c.transaction(() => {
		for (const sql of backfillSql()) c.exec(sql);
	})();
}

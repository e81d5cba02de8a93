// Update frequency of proactive disclosure, from the imported publication logs: organs × months heat map, the share
// of organs that updated at least once a week, and the longest silences. Only organs that have a log are judged:
// an organ nobody monitors is unknown, not silent.
import type Database from 'better-sqlite3';
import type { OrganRef, UpdatesData } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { organWhere, reportWhere, statement } from './sql';

/** An organ "updates weekly" in a year when it posted in at least this share of the year's 52 weeks. */
export const WEEKLY_COVERAGE = 0.9;
export const WEEKS_PER_YEAR = 52;
/** Rows of the heat map: beyond this, the most active organs are left off (the quiet ones are the news). */
export const HEATMAP_MAX_ORGANS = 40;
export const SILENCES_SHOWN = 10;

/** The range's first and last day; the last is capped at the newest posting in any log (a log loaded mid-year). */
export function updatesRange(f: DashboardFilter, client?: Database.Database): { start: string; end: string } {
	// The newest year's rows only: (year, last_on) index.
	const newest = (
		statement('SELECT MAX(last_on) AS d FROM publication_year WHERE year = (SELECT MAX(year) FROM publication_year)', client).get() as {
			d: string | null;
		}
	).d;
	const end = `${f.toYear}-12-31`;
	return { start: `${f.fromYear}-01-01`, end: newest && newest < end && newest >= `${f.fromYear}-01-01` ? newest : end };
}

/**
 * Organs with a log (any year) in the filter, with their postings in the range, quietest first. Summing whole years
 * is exact: the range runs from 1 January to the end of the last year or to the newest posting of any log.
 */
export function postingsPerOrgan(f: DashboardFilter, client?: Database.Database): { id: number; name: string; n: number }[] {
	const ow = organWhere(f);
	return statement(
		`SELECT o.id AS id, o.name AS name,
			COALESCE((SELECT SUM(s.posts) FROM publication_year s WHERE s.organ_id = o.id AND s.year BETWEEN ? AND ?), 0) AS n
		FROM organ o WHERE ${ow.sql} AND EXISTS (SELECT 1 FROM publication_year s WHERE s.organ_id = o.id)
		ORDER BY n, o.name`,
		client
	).all(f.fromYear, f.toYear, ...ow.params) as { id: number; name: string; n: number }[];
}

function monthsOf(f: DashboardFilter): string[] {
	return yearsOf(f).flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
}

export function updates(f: DashboardFilter, client?: Database.Database): UpdatesData {
	const { start, end } = updatesRange(f, client);
	const organs = postingsPerOrgan(f, client);
	const shown = organs.slice(0, HEATMAP_MAX_ORGANS);
	const organIndex = new Map(shown.map((o, i) => [o.id, i]));
	const months = monthsOf(f);
	const monthIndex = new Map(months.map((m, i) => [m, i]));

	const monthly = statement(
		`SELECT m.organ_id AS organ, m.month AS month, m.posts AS n
		FROM publication_month m WHERE m.organ_id IN (SELECT value FROM json_each(?)) AND m.month BETWEEN ? AND ?`,
		client
	).all(JSON.stringify(shown.map((o) => o.id)), start.slice(0, 7), end.slice(0, 7)) as { organ: number; month: string; n: number }[];
	const cells: [number, number, number][] = [];
	for (const r of monthly) {
		const mi = monthIndex.get(r.month);
		const oi = organIndex.get(r.organ);
		if (mi !== undefined && oi !== undefined) cells.push([mi, oi, r.n]);
	}

	// publication_year.weeks counts weeks 0–51 with a posting (the stub week 52 is not counted).
	const w = reportWhere(f, 's');
	const weeks = statement(
		`SELECT s.year AS year, COUNT(*) AS met FROM publication_year s ${w.join}
		WHERE ${w.sql} AND s.weeks >= ? GROUP BY s.year`,
		client
	).all(...w.params, Math.ceil(WEEKLY_COVERAGE * WEEKS_PER_YEAR)) as { year: number; met: number }[];
	const metByYear = new Map(weeks.map((w) => [w.year, w.met]));

	// The longest gap of an organ in the range: the longest inside a year, between a year's last posting and the next
	// logged year's first, or from its last posting to the range's end.
	const gaps = statement(
		`WITH s AS (
			SELECT s.organ_id AS organ, s.first_on, s.last_on, s.gap_days, s.gap_from, s.gap_to,
				LAG(s.last_on) OVER (PARTITION BY s.organ_id ORDER BY s.year) AS prev_last
			FROM publication_year s ${w.join} WHERE ${w.sql}
		), g AS (
			SELECT organ, gap_from AS from_d, gap_to AS to_d, gap_days AS days FROM s WHERE gap_days IS NOT NULL
			UNION ALL
			SELECT organ, prev_last, first_on, julianday(first_on) - julianday(prev_last) FROM s WHERE prev_last IS NOT NULL
			UNION ALL
			SELECT organ, MAX(last_on), ?, julianday(?) - julianday(MAX(last_on)) FROM s GROUP BY organ
		), best AS (SELECT organ, from_d, to_d, MAX(days) AS days FROM g GROUP BY organ)
		SELECT best.organ AS id, o.name AS name, best.from_d AS from_d, best.to_d AS to_d, best.days AS days
		FROM best JOIN organ o ON o.id = best.organ
		ORDER BY best.days DESC, o.name LIMIT ${SILENCES_SHOWN}`,
		client
	).all(...w.params, end, end) as { id: number; name: string; from_d: string; to_d: string; days: number }[];

	// Organs with a log but no posting at all in the range: silent for the whole range.
	const silent = organs
		.filter((o) => o.n === 0)
		.map((o) => ({ organ: { id: o.id, name: o.name } as OrganRef, days: daysBetween(start, end), from: start, to: end }));
	const silences = [...silent, ...gaps.map((g) => ({ organ: { id: g.id, name: g.name }, days: Math.round(g.days), from: g.from_d, to: g.to_d }))]
		.sort((a, b) => b.days - a.days || a.organ.name.localeCompare(b.organ.name, 'zh'))
		.slice(0, SILENCES_SHOWN);

	return {
		months,
		organs: shown.map((o) => ({ id: o.id, name: o.name })),
		organsLeftOff: organs.length - shown.length,
		cells,
		weekly: yearsOf(f).map((year) => ({ year, met: metByYear.get(year) ?? 0, organs: organs.length })),
		silences
	};
}

function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

// Update frequency of proactive disclosure, from the imported publication logs: organs × months heat map, the share
// of organs that updated at least once a week, and the longest silences. Only organs that have a log are judged:
// an organ nobody monitors is unknown, not silent.
import type Database from 'better-sqlite3';
import type { OrganRef, UpdatesData } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { organWhere, statement } from './sql';

/** An organ "updates weekly" in a year when it posted in at least this share of the year's 52 weeks. */
export const WEEKLY_COVERAGE = 0.9;
export const WEEKS_PER_YEAR = 52;
/** Rows of the heat map: beyond this, the most active organs are left off (the quiet ones are the news). */
export const HEATMAP_MAX_ORGANS = 40;
export const SILENCES_SHOWN = 10;

/** The range's first and last day; the last is capped at the newest posting in any log (a log loaded mid-year). */
export function updatesRange(f: DashboardFilter, client?: Database.Database): { start: string; end: string } {
	// One index seek per organ: the (organ_id, published_on) index has no global order by date.
	const newest = (
		statement('SELECT MAX((SELECT MAX(p.published_on) FROM publication p WHERE p.organ_id = o.id)) AS d FROM organ o', client).get() as {
			d: string | null;
		}
	).d;
	const end = `${f.toYear}-12-31`;
	return { start: `${f.fromYear}-01-01`, end: newest && newest < end && newest >= `${f.fromYear}-01-01` ? newest : end };
}

function monthsOf(f: DashboardFilter): string[] {
	return yearsOf(f).flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
}

export function updates(f: DashboardFilter, client?: Database.Database): UpdatesData {
	const { start, end } = updatesRange(f, client);
	const ow = organWhere(f);
	const organs = statement(
		`SELECT o.id AS id, o.name AS name,
			(SELECT COUNT(*) FROM publication p WHERE p.organ_id = o.id AND p.published_on BETWEEN ? AND ?) AS n
		FROM organ o WHERE ${ow.sql} AND EXISTS (SELECT 1 FROM publication p WHERE p.organ_id = o.id)
		ORDER BY n, o.name`,
		client
	).all(start, end, ...ow.params) as { id: number; name: string; n: number }[];
	const shown = organs.slice(0, HEATMAP_MAX_ORGANS);
	const organIndex = new Map(shown.map((o, i) => [o.id, i]));
	const months = monthsOf(f);
	const monthIndex = new Map(months.map((m, i) => [m, i]));

	const monthly = statement(
		`SELECT p.organ_id AS organ, substr(p.published_on, 1, 7) AS month, COUNT(*) AS n
		FROM publication p WHERE p.organ_id IN (SELECT value FROM json_each(?)) AND p.published_on BETWEEN ? AND ?
		GROUP BY p.organ_id, month`,
		client
	).all(JSON.stringify(shown.map((o) => o.id)), start, end) as { organ: number; month: string; n: number }[];
	const cells: [number, number, number][] = [];
	for (const r of monthly) {
		const mi = monthIndex.get(r.month);
		const oi = organIndex.get(r.organ);
		if (mi !== undefined && oi !== undefined) cells.push([mi, oi, r.n]);
	}

	// Week w of a year = (day of year − 1) ÷ 7; the stub week 52 (one or two days) is not counted. One date function
	// per posting: these run over every posting of the range.
	const weeks = statement(
		`SELECT year, COUNT(*) AS met FROM (
			SELECT organ_id, year, COUNT(DISTINCT week) AS weeks FROM (
				SELECT p.organ_id AS organ_id, CAST(substr(p.published_on, 1, 4) AS INTEGER) AS year,
					(CAST(strftime('%j', p.published_on) AS INTEGER) - 1) / 7 AS week
				FROM publication p JOIN organ o ON o.id = p.organ_id
				WHERE p.published_on BETWEEN ? AND ? AND ${ow.sql}
			) WHERE week < ${WEEKS_PER_YEAR} GROUP BY organ_id, year
		) WHERE weeks >= ? GROUP BY year`,
		client
	).all(start, end, ...ow.params, Math.ceil(WEEKLY_COVERAGE * WEEKS_PER_YEAR)) as { year: number; met: number }[];
	const metByYear = new Map(weeks.map((w) => [w.year, w.met]));

	const gaps = statement(
		`WITH p AS (
			SELECT organ, d, jd, LAG(d) OVER w AS prev, jd - LAG(jd) OVER w AS days FROM (
				SELECT p.organ_id AS organ, p.published_on AS d, julianday(p.published_on) AS jd
				FROM publication p JOIN organ o ON o.id = p.organ_id
				WHERE p.published_on BETWEEN ? AND ? AND ${ow.sql}
			) WINDOW w AS (PARTITION BY organ ORDER BY d)
		), g AS (
			SELECT organ, prev AS from_d, d AS to_d, days FROM p WHERE prev IS NOT NULL
			UNION ALL
			SELECT organ, MAX(d), ?, julianday(?) - MAX(jd) FROM p GROUP BY organ
		), best AS (SELECT organ, from_d, to_d, MAX(days) AS days FROM g GROUP BY organ)
		SELECT best.organ AS id, o.name AS name, best.from_d AS from_d, best.to_d AS to_d, best.days AS days
		FROM best JOIN organ o ON o.id = best.organ
		ORDER BY best.days DESC, o.name LIMIT ${SILENCES_SHOWN}`,
		client
	).all(start, end, ...ow.params, end, end) as { id: number; name: string; from_d: string; to_d: string; days: number }[];

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

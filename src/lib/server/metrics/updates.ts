// Update frequency of proactive disclosure, from the imported publication logs: organs × months heat map, the share
// of organs that updated at least once a week, and the longest silences. Only organs that have a log are judged:
// an organ nobody monitors is unknown, not silent.
import type Database from 'better-sqlite3';
import type { OrganRef, UpdatesData } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { statement } from '../db/statement';
import { onRoster, onRosterInRange, organWhere, reportWhere } from './sql';

/** An organ "updates weekly" in a year when it posted in at least this share of the year's 52 weeks. */
export const WEEKLY_COVERAGE = 0.9;
export const WEEKS_PER_YEAR = 52;
/** Rows of the heat map: beyond this, the most active organs are left off (the quiet ones are the news). */
export const HEATMAP_MAX_ORGANS = 40;
const SILENCES_SHOWN = 10;

/** The range's first and last day; the last is capped at the newest posting in any log (a log loaded mid-year). */
export function updatesRange(f: DashboardFilter, client?: Database.Database): { start: string; end: string } {
	// The newest year's rows only: (year, last_on) index.
	const newest = (
		statement(
			'SELECT MAX(last_on) AS d FROM publication_year WHERE year = (SELECT MAX(year) FROM publication_year)',
			client
		).get() as {
			d: string | null;
		}
	).d;
	const end = `${f.toYear}-12-31`;
	return {
		start: `${f.fromYear}-01-01`,
		end: newest && newest < end && newest >= `${f.fromYear}-01-01` ? newest : end
	};
}

/**
 * Roster organs of the range with a log (any year) in the filter, with their postings in their roster years of the
 * range, quietest first. Summing whole years
 * is exact: the range runs from 1 January to the end of the last year or to the newest posting of any log.
 */
export function postingsPerOrgan(
	f: DashboardFilter,
	client?: Database.Database
): { id: number; name: string; n: number }[] {
	const ow = organWhere(f);
	return statement(
		`SELECT o.id AS id, o.name AS name,
			COALESCE((SELECT SUM(s.posts) FROM publication_year s WHERE s.organ_id = o.id AND s.year BETWEEN ? AND ? AND ${onRoster('o.id', 's.year')}), 0) AS n
		FROM organ o WHERE ${ow.sql} AND ${onRosterInRange(f)} AND EXISTS (SELECT 1 FROM publication_year s WHERE s.organ_id = o.id)
		ORDER BY n, o.name`,
		client
	).all(f.fromYear, f.toYear, ...ow.params) as { id: number; name: string; n: number }[];
}

function monthsOf(f: DashboardFilter): string[] {
	return yearsOf(f).flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
}

export function updates(f: DashboardFilter, client?: Database.Database): UpdatesData {
	const { start, end } = updatesRange(f, client);
	const ow = organWhere(f);
	const organs = postingsPerOrgan(f, client);
	const shown = organs.slice(0, HEATMAP_MAX_ORGANS);
	const organIndex = new Map(shown.map((o, i) => [o.id, i]));
	const months = monthsOf(f);
	const monthIndex = new Map(months.map((m, i) => [m, i]));

	const monthly = statement(
		`SELECT m.organ_id AS organ, m.month AS month, m.posts AS n
		FROM publication_month m WHERE m.organ_id IN (SELECT value FROM json_each(?)) AND m.month BETWEEN ? AND ?`,
		client
	).all(JSON.stringify(shown.map((o) => o.id)), start.slice(0, 7), end.slice(0, 7)) as {
		organ: number;
		month: string;
		n: number;
	}[];
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

	const gaps = longestGaps(f, start, end, client);

	// Organs with a log but no posting at all in the range: silent for the whole range.
	const silent = organs
		.filter((o) => o.n === 0)
		.map((o) => ({
			organ: { id: o.id, name: o.name } as OrganRef,
			days: daysBetween(start, end),
			from: start,
			to: end
		}));
	const silences = [
		...silent,
		...gaps.map((g) => ({ organ: { id: g.id, name: g.name }, days: Math.round(g.days), from: g.from_d, to: g.to_d }))
	]
		.sort((a, b) => b.days - a.days || a.organ.name.localeCompare(b.organ.name, 'zh'))
		.slice(0, SILENCES_SHOWN);

	// Columns the crawler could not read on its last run: shown apart, and their organs' silences flagged.
	const broken = (
		statement(
			`SELECT o.id AS id, o.name AS name, s.channel AS channel, s.last_error AS reason
			FROM crawl_source s JOIN organ o ON o.id = s.organ_id
			WHERE s.enabled = 1 AND s.last_status = 'broken' AND ${ow.sql} ORDER BY o.name, s.channel`,
			client
		).all(...ow.params) as { id: number; name: string; channel: string; reason: string | null }[]
	).map((b) => ({ organ: { id: b.id, name: b.name }, channel: b.channel, reason: b.reason }));
	const brokenOrgans = new Set(broken.map((b) => b.organ.id));

	return {
		months,
		organs: shown.map((o) => ({ id: o.id, name: o.name })),
		organsLeftOff: organs.length - shown.length,
		cells,
		weekly: yearsOf(f).map((year) => ({ year, met: metByYear.get(year) ?? 0, organs: organs.length })),
		silences: silences.map((s) => (brokenOrgans.has(s.organ.id) ? { ...s, broken: true as const } : s)),
		broken
	};
}

function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * The organs with the longest gap between postings in the range: inside a year (gap_days), from the previous posting
 * when it lies in the range (prev_last_on), or from the last posting to the range's end when no later one lies in it
 * (next_first_on). Each organ-year row carries all three, so the rows are read once, longest first, and the first
 * SILENCES_SHOWN organs taken (with every organ tied with the last one, then ordered by name as before).
 */
function longestGaps(f: DashboardFilter, start: string, end: string, client?: Database.Database) {
	const w = reportWhere(f, 's');
	const rows = statement(
		`SELECT organ, days, CASE WHEN days = d1 THEN gap_from WHEN days = d2 THEN prev_last_on ELSE last_on END AS from_d,
			CASE WHEN days = d1 THEN gap_to WHEN days = d2 THEN first_on ELSE ? END AS to_d
		FROM (
			SELECT organ, gap_from, gap_to, prev_last_on, first_on, last_on, d1, d2, MAX(COALESCE(d1, -1), COALESCE(d2, -1), COALESCE(d3, -1)) AS days
			FROM (
				SELECT s.organ_id AS organ, s.gap_from, s.gap_to, s.prev_last_on, s.first_on, s.last_on, s.gap_days AS d1,
					CASE WHEN s.prev_last_on >= ? THEN julianday(s.first_on) - julianday(s.prev_last_on) END AS d2,
					CASE WHEN s.next_first_on IS NULL OR s.next_first_on > ? THEN julianday(?) - julianday(s.last_on) END AS d3
				FROM publication_year s ${w.join} WHERE ${w.sql}
			)
		) WHERE days >= 0 ORDER BY days DESC`,
		client
	);
	const best = new Map<number, { id: number; days: number; from_d: string; to_d: string }>();
	let floor = -Infinity;
	for (const r of rows.iterate(end, start, end, end, ...w.params) as IterableIterator<{
		organ: number;
		days: number;
		from_d: string;
		to_d: string;
	}>) {
		if (r.days < floor) break;
		if (!best.has(r.organ)) best.set(r.organ, { id: r.organ, days: r.days, from_d: r.from_d, to_d: r.to_d });
		if (best.size === SILENCES_SHOWN) floor = r.days;
	}
	const names = new Map(
		(
			statement(
				'SELECT o.id AS id, o.name AS name FROM organ o WHERE o.id IN (SELECT value FROM json_each(?))',
				client
			).all(JSON.stringify([...best.keys()])) as { id: number; name: string }[]
		).map((o) => [o.id, o.name])
	);
	return [...best.values()]
		.map((g) => ({ ...g, name: names.get(g.id) ?? '' }))
		.sort((a, b) => b.days - a.days || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.slice(0, SILENCES_SHOWN);
}

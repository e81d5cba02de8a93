// The dashboard's aggregates: one function per chart, each taking the same filter (year range, organ kind,
// single organ). Routes call these; no SQL lives in a route.
import type Database from 'better-sqlite3';
import type { DashboardData } from '../../charts/data';
import type { DashboardFilter } from '../../charts/filters';
import type { RankPeriod } from '../../charts/rank-period';
import { statement } from '../db/statement';
import { onRoster } from './sql';
import { outcomes, refusals, volume } from './applications';
import { fees } from './fees';
import { quality } from './quality';
import { rankings } from './rankings';
import { review } from './review';
import { updates } from './updates';

export { volume, outcomes, refusals, outcomeGroup } from './applications';
export { fees } from './fees';
export { quality } from './quality';
export { rankings } from './rankings';
export { headline } from './headline';
export { review } from './review';
export { updates, updatesRange, WEEKLY_COVERAGE, WEEKS_PER_YEAR, HEATMAP_MAX_ORGANS } from './updates';

export const METRICS = { volume, outcomes, refusals, updates, fees, review, quality, rankings } as const;

/** The charts for a filter; the rankings over `rank` (by default the whole filter range). */
export function dashboard(f: DashboardFilter, client?: Database.Database, rank?: RankPeriod): DashboardData {
	return {
		volume: volume(f, client),
		outcomes: outcomes(f, client),
		refusals: refusals(f, client),
		updates: updates(f, client),
		fees: fees(f, client),
		review: review(f, client),
		quality: quality(f, client),
		rankings: rankings(rank ? { ...f, ...rank } : f, client)
	};
}

/** The years that have roster organs' reports (the filter's defaults); the current year's neighbours when there are none. */
export function availableYears(client?: Database.Database): { minYear: number; maxYear: number } {
	const r = statement(
		`SELECT MIN(year) AS minYear, MAX(year) AS maxYear FROM report r WHERE ${onRoster('r.organ_id', 'r.year')}`,
		client
	).get() as {
		minYear: number | null;
		maxYear: number | null;
	};
	const fallback = new Date().getFullYear() - 1;
	return { minYear: r.minYear ?? fallback, maxYear: r.maxYear ?? fallback };
}

/** Roster organs for the filter's organ list, with their kind. */
export function filterOrgans(client?: Database.Database): { id: number; name: string; kind: string }[] {
	return statement(
		`SELECT o.id AS id, o.name AS name, o.kind AS kind FROM organ o
		WHERE o.status = 'district'
			AND (EXISTS (SELECT 1 FROM report r WHERE r.organ_id = o.id) OR EXISTS (SELECT 1 FROM publication p WHERE p.organ_id = o.id))
		ORDER BY o.kind, o.name`,
		client
	).all() as { id: number; name: string; kind: string }[];
}

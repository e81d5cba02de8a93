// What every aggregate shares: the filter as a SQL condition on report r / organ o (prepared statements come from
// db/statement.ts, one per distinct SQL text, so a dashboard load does not re-plan its queries).
import { KIND_FILTER_KINDS, type DashboardFilter } from '../../charts/filters';

export interface Where {
	sql: string;
	params: (string | number)[];
}

/** The organ part of the filter (kind, single organ) on organ alias `o`. */
export function organWhere(f: DashboardFilter, o = 'o'): Where {
	const parts: string[] = [];
	const params: (string | number)[] = [];
	if (f.kind) {
		const kinds = KIND_FILTER_KINDS[f.kind];
		parts.push(`${o}.kind IN (${kinds.map(() => '?').join(', ')})`);
		params.push(...kinds);
	}
	if (f.organId !== null) {
		parts.push(`${o}.id = ?`);
		params.push(f.organId);
	}
	return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/**
 * The roster condition: the organ (`organIdExpr`) is on the district's roster in the year (`yearExpr`). Only roster
 * organs feed the dashboard: a pending or outside organ's reports are stored but never counted (lib/organs/roster.ts).
 */
export function onRoster(organIdExpr: string, yearExpr: string): string {
	return `EXISTS (SELECT 1 FROM organ m WHERE m.id = ${organIdExpr} AND m.status = 'district'
		AND COALESCE(m.roster_from, 0) <= ${yearExpr} AND COALESCE(m.roster_to, 9999) >= ${yearExpr})`;
}

/** The organ is on the roster in some year of the filter's range. */
export function onRosterInRange(f: DashboardFilter, o = 'o'): string {
	return `(${o}.status = 'district' AND COALESCE(${o}.roster_from, 0) <= ${f.toYear | 0} AND COALESCE(${o}.roster_to, 9999) >= ${f.fromYear | 0})`;
}

export interface YearWhere extends Where {
	/** The join the conditions need (`JOIN organ o ON …`), for a query that does not join organ `o` itself. */
	join: string;
}

/** Roster membership in the row's year, on organ `o` joined to the row (cheaper than onRoster's subquery). */
function rosterYear(r: string, o: string): string {
	return `${o}.status = 'district' AND COALESCE(${o}.roster_from, 0) <= ${r}.year AND COALESCE(${o}.roster_to, 9999) >= ${r}.year`;
}

/** Year range, roster membership and organ filter on a table `r` with year and organ_id (report, report_summary,
 * publication_year), on organ `o` joined by primary key (the roster decides what counts). */
export function reportWhere(f: DashboardFilter, r = 'r', o = 'o'): YearWhere {
	const org = organWhere(f, o);
	const needsOrgan = f.kind !== null;
	const parts = [`${r}.year BETWEEN ? AND ?`, rosterYear(r, o)];
	const params: (string | number)[] = [f.fromYear, f.toYear];
	if (needsOrgan) {
		parts.push(org.sql);
		params.push(...org.params);
	} else if (f.organId !== null) {
		parts.push(`${r}.organ_id = ?`);
		params.push(f.organId);
	}
	return { sql: parts.join(' AND '), params, join: `JOIN organ ${o} ON ${o}.id = ${r}.organ_id` };
}

/** One zero per year of the range, indexed by year − fromYear. */
export function zeros(f: DashboardFilter): number[] {
	return new Array(f.toYear - f.fromYear + 1).fill(0);
}

export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Sums of a float column carry binary noise (0.1 + 0.2): round money to cents, counts stay integers. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

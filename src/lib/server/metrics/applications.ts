// Section 3 aggregates: new applications by applicant type, outcomes, refusal reasons. The 总计 column (c6) is the
// count; a report that left a cell blank adds nothing (SUM skips NULL), never a guessed 0.
import type Database from 'better-sqlite3';
import {
	APPLICANT_TYPES,
	OUTCOME_GROUPS,
	REFUSAL_REASONS,
	type OutcomeGroup,
	type OutcomesData,
	type RefusalReason,
	type RefusalsData,
	type VolumeData
} from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { outcomeRowKeys } from '../../report/template';
import { num, reportWhere, statement, zeros } from './sql';

export function volume(f: DashboardFilter, client?: Database.Database): VolumeData {
	const w = reportWhere(f);
	const rows = statement(
		`SELECT r.year AS year, COUNT(*) AS reports,
			SUM(g.c0) AS c0, SUM(g.c1) AS c1, SUM(g.c2) AS c2, SUM(g.c3) AS c3, SUM(g.c4) AS c4, SUM(g.c5) AS c5, SUM(g.c6) AS c6
		FROM figure g JOIN report r ON r.id = g.report_id JOIN organ o ON o.id = r.organ_id
		WHERE g.section = 'applications' AND g.row_key = 'new' AND ${w.sql}
		GROUP BY r.year`,
		client
	).all(...w.params) as Record<string, number | null>[];
	const byType = Object.fromEntries(APPLICANT_TYPES.map((t) => [t, zeros(f)])) as VolumeData['byType'];
	const total = zeros(f);
	const reports = zeros(f);
	for (const row of rows) {
		const i = num(row.year) - f.fromYear;
		APPLICANT_TYPES.forEach((t, c) => (byType[t][i] = num(row[`c${c}`])));
		total[i] = num(row.c6);
		reports[i] = num(row.reports);
	}
	return { years: yearsOf(f), byType, total, reports };
}

/** Which outcome group a section 3 row belongs to (the 2019 single row and the 2021 three rows are both `other`). */
export function outcomeGroup(rowKey: string): OutcomeGroup | null {
	const head = rowKey.split('.')[0];
	return (OUTCOME_GROUPS as readonly string[]).includes(head) ? (head as OutcomeGroup) : null;
}

const OUTCOME_KEYS = [...new Set([...outcomeRowKeys('2021'), ...outcomeRowKeys('2019')])];

/** Totals per year and section 3 row key, for the given keys. `+row_key`: read each report's section 3 rows in one
 * index range and filter, instead of one index probe per key and report (measured 6× faster). */
function rowTotalsByYear(f: DashboardFilter, keys: readonly string[], client?: Database.Database) {
	const w = reportWhere(f);
	return statement(
		`SELECT r.year AS year, g.row_key AS rowKey, SUM(g.c6) AS n
		FROM figure g JOIN report r ON r.id = g.report_id JOIN organ o ON o.id = r.organ_id
		WHERE g.section = 'applications' AND +g.row_key IN (${keys.map(() => '?').join(', ')}) AND ${w.sql}
		GROUP BY r.year, g.row_key`,
		client
	).all(...keys, ...w.params) as { year: number; rowKey: string; n: number | null }[];
}

export function outcomes(f: DashboardFilter, client?: Database.Database): OutcomesData {
	const counts = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, zeros(f)])) as OutcomesData['counts'];
	for (const row of rowTotalsByYear(f, OUTCOME_KEYS, client)) {
		const g = outcomeGroup(row.rowKey);
		if (g) counts[g][row.year - f.fromYear] += num(row.n);
	}
	return { years: yearsOf(f), counts };
}

export function refusals(f: DashboardFilter, client?: Database.Database): RefusalsData {
	const counts = Object.fromEntries(REFUSAL_REASONS.map((k) => [k, zeros(f)])) as RefusalsData['counts'];
	for (const row of rowTotalsByYear(f, REFUSAL_REASONS, client))
		counts[row.rowKey as RefusalReason][row.year - f.fromYear] += num(row.n);
	return { years: yearsOf(f), counts };
}

// Section 3 aggregates: new applications by applicant type, outcomes, refusal reasons. The 总计 column (c6) is the
// count; a report that left a cell blank adds nothing (SUM skips NULL), never a guessed 0.
import type Database from 'better-sqlite3';
import {
	APPLICANT_TYPES,
	OUTCOME_GROUPS,
	REFUSAL_REASONS,
	type OutcomeGroup,
	type OutcomesData,
	type RefusalsData,
	type VolumeData
} from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { statement } from '../db/statement';
import { num, reportWhere, zeros } from './sql';

export function volume(f: DashboardFilter, client?: Database.Database): VolumeData {
	const w = reportWhere(f, 's');
	const rows = statement(
		`SELECT s.year AS year, SUM(s.new_rows) AS reports,
			SUM(s.new_c0) AS c0, SUM(s.new_c1) AS c1, SUM(s.new_c2) AS c2, SUM(s.new_c3) AS c3, SUM(s.new_c4) AS c4, SUM(s.new_c5) AS c5, SUM(s.new_c6) AS c6
		FROM report_summary s ${w.join}
		WHERE ${w.sql}
		GROUP BY s.year`,
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

/** report_summary's column for a group or a reason: `out_granted`, `refused_state_secret`. */
const column = (key: string) => key.replace('.', '_');

/** Sums per year of the given report_summary columns (one row per organ-year, see summaries.ts). */
function columnTotalsByYear(f: DashboardFilter, columns: readonly string[], client?: Database.Database) {
	const w = reportWhere(f, 's');
	return statement(
		`SELECT s.year AS year, ${columns.map((c) => `SUM(s.${c}) AS ${c}`).join(', ')}
		FROM report_summary s ${w.join}
		WHERE ${w.sql}
		GROUP BY s.year`,
		client
	).all(...w.params) as Record<string, number | null>[];
}

export function outcomes(f: DashboardFilter, client?: Database.Database): OutcomesData {
	const counts = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, zeros(f)])) as OutcomesData['counts'];
	for (const row of columnTotalsByYear(
		f,
		OUTCOME_GROUPS.map((g) => `out_${g}`),
		client
	))
		for (const g of OUTCOME_GROUPS) counts[g][num(row.year) - f.fromYear] += num(row[`out_${g}`]);
	return { years: yearsOf(f), counts };
}

export function refusals(f: DashboardFilter, client?: Database.Database): RefusalsData {
	const counts = Object.fromEntries(REFUSAL_REASONS.map((k) => [k, zeros(f)])) as RefusalsData['counts'];
	for (const row of columnTotalsByYear(f, REFUSAL_REASONS.map(column), client))
		for (const k of REFUSAL_REASONS) counts[k][num(row.year) - f.fromYear] += num(row[column(k)]);
	return { years: yearsOf(f), counts };
}

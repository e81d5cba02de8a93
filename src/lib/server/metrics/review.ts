// Section 4: reconsideration and litigation cases per year, 纠错率 = corrected / concluded (concluded = total −
// pending), and the organs with corrected cases. Cases are rare: only rows with a case are read.
import type Database from 'better-sqlite3';
import type { ReviewData, ReviewYear } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { statement } from '../db/statement';
import { num, reportWhere } from './sql';

export function review(f: DashboardFilter, client?: Database.Database): ReviewData {
	const w = reportWhere(f, 's');
	// Only organ-years with a case (summaries.ts sums the section 4 rows with total > 0 or corrected > 0).
	const rows = statement(
		`SELECT s.year AS year, s.organ_id AS id, o.name AS name,
			s.rec_total, s.rec_corrected, s.rec_concluded, s.lit_total, s.lit_corrected, s.lit_concluded
		FROM report_summary s JOIN organ o ON o.id = s.organ_id
		WHERE ${w.sql} AND (s.rec_total IS NOT NULL OR s.rec_corrected IS NOT NULL OR s.lit_total IS NOT NULL OR s.lit_corrected IS NOT NULL)
		ORDER BY s.year, o.name`,
		client
	).all(...w.params) as ({ year: number; id: number; name: string } & Record<string, number | null>)[];
	const years: ReviewYear[] = yearsOf(f).map((year) => ({
		year,
		reconsideration: { total: 0, corrected: 0, concluded: 0 },
		litigation: { total: 0, corrected: 0, concluded: 0 }
	}));
	const corrected: ReviewData['corrected'] = [];
	for (const r of rows) {
		const y = years[r.year - f.fromYear];
		for (const [bucket, p] of [
			[y.reconsideration, 'rec'],
			[y.litigation, 'lit']
		] as const) {
			bucket.total += num(r[`${p}_total`]);
			bucket.corrected += num(r[`${p}_corrected`]);
			bucket.concluded += num(r[`${p}_concluded`]);
		}
		if (num(r.rec_corrected) > 0 || num(r.lit_corrected) > 0)
			corrected.push({
				organ: { id: r.id, name: r.name },
				year: r.year,
				reconsideration: Math.max(0, num(r.rec_corrected)),
				litigation: Math.max(0, num(r.lit_corrected))
			});
	}
	return { years, corrected };
}

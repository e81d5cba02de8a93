// Section 4: reconsideration and litigation cases per year, 纠错率 = corrected / concluded (concluded = total −
// pending), and the organs with corrected cases. Cases are rare: only rows with a case are read.
import type Database from 'better-sqlite3';
import type { ReviewData, ReviewYear } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { num, reportWhere, statement } from './sql';

export function review(f: DashboardFilter, client?: Database.Database): ReviewData {
	const w = reportWhere(f);
	const rows = statement(
		`SELECT r.year AS year, o.id AS id, o.name AS name, g.row_key AS grp,
			g.c1 AS corrected, g.c3 AS pending, g.c4 AS total
		FROM figure g JOIN report r ON r.id = g.report_id JOIN organ o ON o.id = r.organ_id
		WHERE g.section = 'review' AND (g.c4 > 0 OR g.c1 > 0) AND ${w.sql}
		ORDER BY r.year, o.name`,
		client
	).all(...w.params) as { year: number; id: number; name: string; grp: string; corrected: number | null; pending: number | null; total: number | null }[];
	const years: ReviewYear[] = yearsOf(f).map((year) => ({
		year,
		reconsideration: { total: 0, corrected: 0, concluded: 0 },
		litigation: { total: 0, corrected: 0, concluded: 0 }
	}));
	const corrected = new Map<string, ReviewData['corrected'][number]>();
	for (const r of rows) {
		const y = years[r.year - f.fromYear];
		const bucket = r.grp === 'reconsideration' ? y.reconsideration : y.litigation;
		bucket.total += num(r.total);
		bucket.corrected += num(r.corrected);
		bucket.concluded += num(r.total) - num(r.pending);
		if (num(r.corrected) > 0) {
			const key = `${r.id}/${r.year}`;
			const entry = corrected.get(key) ?? { organ: { id: r.id, name: r.name }, year: r.year, reconsideration: 0, litigation: 0 };
			if (r.grp === 'reconsideration') entry.reconsideration += num(r.corrected);
			else entry.litigation += num(r.corrected);
			corrected.set(key, entry);
		}
	}
	return { years, corrected: [...corrected.values()] };
}

// Report quality: received on time, late (a T1 finding, so the configured deadlines decide), undated, missing
// (an organ on the roster that year, which reported in an earlier year, has no report this year), reports with
// findings by rule, and the findings by review status (open / confirmed / dismissed).
import type Database from 'better-sqlite3';
import type { QualityData } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { RULES } from '../../report/checks';
import { statement } from '../db/statement';
import { num, onRoster, organWhere, reportWhere } from './sql';

export function quality(f: DashboardFilter, client?: Database.Database): QualityData {
	const w = reportWhere(f);
	const received = statement(
		`SELECT r.year AS year,
			SUM(CASE WHEN r.published_on IS NULL THEN 1 ELSE 0 END) AS undated,
			SUM(CASE WHEN r.published_on IS NOT NULL AND t.report_id IS NOT NULL THEN 1 ELSE 0 END) AS late,
			SUM(CASE WHEN r.published_on IS NOT NULL AND t.report_id IS NULL THEN 1 ELSE 0 END) AS on_time,
			SUM(CASE WHEN r.findings_count > 0 THEN 1 ELSE 0 END) AS with_findings
		FROM report r JOIN organ o ON o.id = r.organ_id
			LEFT JOIN (SELECT DISTINCT report_id FROM finding WHERE rule = 'T1') t ON t.report_id = r.id
		WHERE ${w.sql}
		GROUP BY r.year`,
		client
	).all(...w.params) as { year: number; undated: number; late: number; on_time: number; with_findings: number }[];

	const ow = organWhere(f);
	const years = yearsOf(f);
	const missing = statement(
		`WITH firsts AS (
			SELECT r.organ_id AS organ_id, MIN(r.year) AS first FROM report r JOIN organ o ON o.id = r.organ_id
			WHERE ${ow.sql} GROUP BY r.organ_id
		), years(y) AS (SELECT value FROM json_each(?))
		SELECT years.y AS year, COUNT(*) AS missing FROM years JOIN firsts ON firsts.first < years.y
		WHERE ${onRoster('firsts.organ_id', 'years.y')} AND NOT EXISTS (SELECT 1 FROM report x WHERE x.organ_id = firsts.organ_id AND x.year = years.y)
		GROUP BY years.y`,
		client
	).all(...ow.params, JSON.stringify(years)) as { year: number; missing: number }[];

	const byRuleRows = statement(
		`SELECT fi.rule AS rule, COUNT(DISTINCT fi.report_id) AS reports
		FROM finding fi JOIN report r ON r.id = fi.report_id JOIN organ o ON o.id = r.organ_id
		WHERE ${w.sql}
		GROUP BY fi.rule ORDER BY reports DESC, fi.rule`,
		client
	).all(...w.params) as { rule: string; reports: number }[];

	// Review status of every finding in range: a report's own (finding) and the cross-report ones (cross_finding);
	// a cross-report finding counts only when both organs are on the roster (an outside organ's report never moves
	// the district's figures).
	const statusRows = statement(
		`SELECT coalesce(v.status, 'open') AS status, COUNT(*) AS n FROM (
			SELECT fi.fingerprint AS fp FROM finding fi JOIN report r ON r.id = fi.report_id JOIN organ o ON o.id = r.organ_id WHERE ${w.sql}
			UNION ALL
			SELECT r.fingerprint FROM cross_finding r JOIN organ o ON o.id = r.organ_id WHERE ${w.sql}
				AND (r.other_organ_id IS NULL OR ${onRoster('r.other_organ_id', 'r.year')})
		) x LEFT JOIN finding_review v ON v.fingerprint = x.fp AND x.fp <> ''
		GROUP BY 1`,
		client
	).all(...w.params, ...w.params) as { status: 'open' | 'confirmed' | 'dismissed'; n: number }[];
	const reviews = { open: 0, confirmed: 0, dismissed: 0 };
	for (const r of statusRows) reviews[r.status] = num(r.n);

	const out: QualityData['years'] = years.map((year) => ({
		year,
		onTime: 0,
		late: 0,
		undated: 0,
		missing: 0,
		withFindings: 0
	}));
	for (const r of received) {
		const y = out[r.year - f.fromYear];
		y.onTime = num(r.on_time);
		y.late = num(r.late);
		y.undated = num(r.undated);
		y.withFindings = num(r.with_findings);
	}
	for (const m of missing) out[m.year - f.fromYear].missing = num(m.missing);
	return {
		years: out,
		byRule: byRuleRows.map((r) => ({
			rule: r.rule,
			name: (RULES as Record<string, { name: string }>)[r.rule]?.name ?? r.rule,
			reports: r.reports
		})),
		reviews
	};
}

// Rankings of organs over the year range: by applications, refusal rate, correction rate and update frequency.
// R-P1: a rate is ranked only on a sample of at least MIN_SAMPLE (handled applications for the refusal rate,
// concluded cases for the correction rate); below it the organ is listed as 样本不足, after the ranked ones.
import type Database from 'better-sqlite3';
import type { RankedOrgan, RankingsData } from '../../charts/data';
import type { DashboardFilter } from '../../charts/filters';
import { MIN_SAMPLE, makeRate } from '../../report/rates';
import { num, organWhere, reportWhere, statement } from './sql';
import { updatesRange } from './updates';

const REFUSED_KEYS = [
	'refused.state_secret',
	'refused.law_prohibited',
	'refused.three_safeties',
	'refused.third_party',
	'refused.internal_affairs',
	'refused.process_info',
	'refused.enforcement_file',
	'refused.query_matter'
];

function byValue(a: RankedOrgan, b: RankedOrgan): number {
	if (a.enough !== b.enough) return a.enough ? -1 : 1;
	return (b.value ?? -1) - (a.value ?? -1) || a.organ.name.localeCompare(b.organ.name, 'zh');
}

export function rankings(f: DashboardFilter, client?: Database.Database, minSample = MIN_SAMPLE): RankingsData {
	const w = reportWhere(f);
	const rows = statement(
		`SELECT o.id AS id, o.name AS name,
			SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'new' THEN g.c6 END) AS apps,
			SUM(CASE WHEN g.section = 'applications' AND g.row_key = 'results_total' THEN g.c6 END) AS handled,
			SUM(CASE WHEN g.section = 'applications' AND g.row_key IN (${REFUSED_KEYS.map(() => '?').join(', ')}) THEN g.c6 END) AS refused,
			SUM(CASE WHEN g.section = 'review' THEN g.c1 END) AS corrected,
			SUM(CASE WHEN g.section = 'review' THEN COALESCE(g.c4, 0) - COALESCE(g.c3, 0) END) AS concluded
		FROM figure g JOIN report r ON r.id = g.report_id JOIN organ o ON o.id = r.organ_id
		WHERE ${w.sql} AND (g.section = 'review' OR (g.section = 'applications' AND g.row_key IN ('new', 'results_total', ${REFUSED_KEYS.map(() => '?').join(', ')})))
		GROUP BY o.id`,
		client
	).all(...REFUSED_KEYS, ...w.params, ...REFUSED_KEYS) as {
		id: number;
		name: string;
		apps: number | null;
		handled: number | null;
		refused: number | null;
		corrected: number | null;
		concluded: number | null;
	}[];

	const { start, end } = updatesRange(f, client);
	const ow = organWhere(f);
	const postings = statement(
		`SELECT o.id AS id, o.name AS name,
			(SELECT COUNT(*) FROM publication p WHERE p.organ_id = o.id AND p.published_on BETWEEN ? AND ?) AS n
		FROM organ o WHERE ${ow.sql} AND EXISTS (SELECT 1 FROM publication p WHERE p.organ_id = o.id)`,
		client
	).all(start, end, ...ow.params) as { id: number; name: string; n: number }[];
	const weeks = Math.max(1, (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1) / 7;

	const rate = (n: number, d: number): Omit<RankedOrgan, 'organ'> => ({
		value: makeRate(n, d).value,
		numerator: n,
		denominator: d,
		enough: d >= minSample
	});
	const measures: RankingsData['measures'] = {
		applications: rows.map((r) => ({ organ: { id: r.id, name: r.name }, value: num(r.apps), enough: true })),
		refusal_rate: rows.map((r) => ({ organ: { id: r.id, name: r.name }, ...rate(num(r.refused), num(r.handled)) })),
		correction_rate: rows.map((r) => ({ organ: { id: r.id, name: r.name }, ...rate(num(r.corrected), num(r.concluded)) })),
		update_frequency: postings.map((p) => ({
			organ: { id: p.id, name: p.name },
			value: Math.round((p.n / weeks) * 100) / 100,
			numerator: p.n,
			denominator: Math.round(weeks * 10) / 10,
			enough: true
		}))
	};
	for (const list of Object.values(measures)) list.sort(byValue);
	return { year: f.toYear, minSample, measures };
}

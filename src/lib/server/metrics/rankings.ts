// Rankings of organs over the year range: by applications, refusal rate, correction rate and update frequency.
// R-P1: a rate is ranked only on a sample of at least MIN_SAMPLE (handled applications for the refusal rate,
// concluded cases for the correction rate); below it the organ is listed as 样本不足, after the ranked ones. A report
// whose own sums are broken (headline.ts: OUTCOMES_BROKEN, REVIEW_BROKEN) makes that rate 数据有误 for its organ: no
// sample is computed from it, so a negative 已审结 never becomes a negative sample. An organ with a broken crawl
// source is not ranked by update frequency (来源故障: its postings are unknown).
import type Database from 'better-sqlite3';
import type { RankedOrgan, RankingsData } from '../../charts/data';
import type { DashboardFilter } from '../../charts/filters';
import { MIN_SAMPLE, makeRate } from '../../report/rates';
import { statement } from '../db/statement';
import { OUTCOMES_BROKEN, REVIEW_BROKEN } from './headline';
import { num, reportWhere } from './sql';
import { postingsPerOrgan, updatesRange } from './updates';
import { brokenSourceOrgans } from './broken-sources';

function byValue(a: RankedOrgan, b: RankedOrgan): number {
	if (a.enough !== b.enough) return a.enough ? -1 : 1;
	if (Boolean(a.broken) !== Boolean(b.broken)) return a.broken ? 1 : -1;
	return (b.value ?? -1) - (a.value ?? -1) || a.organ.name.localeCompare(b.organ.name, 'zh');
}

export function rankings(f: DashboardFilter, client?: Database.Database, minSample = MIN_SAMPLE): RankingsData {
	const w = reportWhere(f, 's');
	// report_summary: out_refused is the eight 不予公开 rows; review_* span every section 4 row (summaries.ts). Its
	// covering index in organ order: the per-organ sums need neither table lookups nor a sort.
	const rows = statement(
		`SELECT x.id AS id, n.name AS name, x.apps, x.handled, x.refused, x.corrected, x.concluded, x.out_broken, x.rev_broken FROM (
			SELECT s.organ_id AS id, SUM(s.new_c6) AS apps, SUM(s.results_total) AS handled,
				SUM(s.out_refused) AS refused, SUM(s.review_corrected) AS corrected, SUM(s.review_concluded) AS concluded,
				SUM(CASE WHEN ${OUTCOMES_BROKEN} THEN 1 ELSE 0 END) AS out_broken, SUM(CASE WHEN ${REVIEW_BROKEN} THEN 1 ELSE 0 END) AS rev_broken
			FROM report_summary s INDEXED BY report_summary_rankings_idx ${w.join}
			WHERE ${w.sql}
			GROUP BY s.organ_id
		) x JOIN organ n ON n.id = x.id`,
		client
	).all(...w.params) as {
		id: number;
		name: string;
		apps: number | null;
		handled: number | null;
		refused: number | null;
		corrected: number | null;
		concluded: number | null;
		out_broken: number;
		rev_broken: number;
	}[];

	const postings = postingsPerOrgan(f, client);
	const broken = brokenSourceOrgans(f, client);
	const { start, end } = updatesRange(f, client);
	const weeks = Math.max(1, (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1) / 7;

	const rate = (n: number, d: number, broken: number): Omit<RankedOrgan, 'organ'> =>
		broken > 0
			? { value: null, broken: true, enough: false }
			: { value: makeRate(n, d).value, numerator: n, denominator: d, enough: d >= minSample };
	const measures: RankingsData['measures'] = {
		applications: rows.map((r) => ({ organ: { id: r.id, name: r.name }, value: num(r.apps), enough: true })),
		refusal_rate: rows.map((r) => ({
			organ: { id: r.id, name: r.name },
			...rate(num(r.refused), num(r.handled), num(r.out_broken))
		})),
		correction_rate: rows.map((r) => ({
			organ: { id: r.id, name: r.name },
			...rate(num(r.corrected), num(r.concluded), num(r.rev_broken))
		})),
		// A broken crawl source: its postings are unknown, so the organ is not ranked among the least updated.
		update_frequency: postings.map((p) =>
			broken.has(p.id)
				? { organ: { id: p.id, name: p.name }, value: null, broken: true, enough: false }
				: {
						organ: { id: p.id, name: p.name },
						value: Math.round((p.n / weeks) * 100) / 100,
						numerator: p.n,
						denominator: Math.round(weeks * 10) / 10,
						enough: true
					}
		)
	};
	for (const list of Object.values(measures)) list.sort(byValue);
	return { year: f.toYear, fromYear: f.fromYear, toYear: f.toYear, minSample, measures };
}

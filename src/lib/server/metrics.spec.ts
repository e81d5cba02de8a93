// The dashboard's aggregates against a real SQLite file holding a small district written here row by row; every
// expected figure is computed from the fixture below by plain array arithmetic, never read back from SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../tests/helpers/temp-db';
import { rebuildSummaries } from './summaries';
import { getDb } from './db';
import * as table from './db/schema';
import * as metrics from './metrics';
import { parseFilter, filterQuery, yearsOf, FilterError, MAX_YEARS, type DashboardFilter } from '../charts/filters';
import { APPLICANT_TYPES, OUTCOME_GROUPS, REFUSAL_REASONS } from '../charts/data';
import { loadDashboard } from './dashboard';
import { dataVersion } from './data-version';
import { TABLES, toCsv } from '../charts/tables';
import type { TemplateVersion } from '../report/template';

type Row7 = number[];
interface FixtureReport {
	organ: string;
	year: number;
	template: TemplateVersion;
	published: string | null;
	fee: number | null;
	rows: Record<string, Row7>;
	review: Record<string, number[]>;
	adminFees: number[] | null;
	findings: string[];
}

const ORGANS = [
	{ name: '测试区教育局', kind: 'department' },
	{ name: '测试区自然资源局', kind: 'department' },
	{ name: '测试区东湖街道办事处', kind: 'street' },
	{ name: '测试区白沙镇人民政府', kind: 'town' }
] as const;

/** A section 3 row from a seed: six applicant columns and their total. */
const r7 = (s: number): Row7 => {
	const cols = [s, s % 3, s % 2, 0, s % 4, 1];
	return [...cols, cols.reduce((a, b) => a + b, 0)];
};

function fixtureReport(organ: string, year: number, k: number): FixtureReport {
	const template = year >= 2021 ? '2021' : '2019';
	const rows: Record<string, Row7> = {
		new: r7(3 * k + year - 2019),
		carried_over: r7(k),
		granted: r7(k + 1),
		partial: r7(k % 3),
		'refused.state_secret': r7(0),
		'refused.third_party': r7(k % 2 ? 2 : 0),
		'refused.process_info': r7(k),
		'unable.not_held': r7(k + 2),
		'unable.unclear': r7(1),
		'not_processed.duplicate': r7(k % 4)
	};
	if (template === '2021') {
		rows['other.no_correction'] = r7(1);
		rows['other.other'] = r7(k % 2);
	} else rows.other = r7(2);
	const outcomeRows = Object.entries(rows).filter(([k]) => k !== 'new' && k !== 'carried_over');
	rows.results_total = Array.from({ length: 7 }, (_, c) => outcomeRows.reduce((s, [, v]) => s + v[c], 0));
	return {
		organ,
		year,
		template,
		published: k === 5 ? null : k % 4 === 1 ? `${year + 1}-02-15` : `${year + 1}-01-20`,
		fee: k % 3 === 0 ? 10.5 * k : 0,
		rows,
		review: {
			reconsideration: [k, k % 2, 0, 1, k + (k % 2) + 1],
			litigation_direct: [1, k % 3 === 0 ? 1 : 0, 0, 0, 1 + (k % 3 === 0 ? 1 : 0)],
			litigation_after_reconsideration: [0, 0, 0, 0, 0]
		},
		// 2019's admin_fees row counts items: its first column must never be summed as money.
		adminFees: template === '2021' ? [k * 1.25] : [7, 1],
		findings: k % 4 === 1 ? ['T1', 'A1'] : k % 3 === 2 ? ['A1', 'A2', 'A2'] : []
	};
}

// Organ 3 (the town) reports 2019–2021 only: missing in 2022 and 2023.
const REPORTS: FixtureReport[] = [];
let seq = 0;
for (const o of ORGANS)
	for (const year of [2019, 2020, 2021, 2022, 2023]) {
		seq++;
		if (o.kind === 'town' && year > 2021) continue;
		REPORTS.push(fixtureReport(o.name, year, seq));
	}

/** Publication dates per organ: daily, fortnightly, a long silence, none (no log). */
function dates(from: string, to: string, step: number): string[] {
	const out: string[] = [];
	for (let t = Date.parse(from); t <= Date.parse(to); t += step * 86_400_000)
		out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}
const PUBLICATIONS: Record<string, string[]> = {
	测试区教育局: dates('2019-01-01', '2023-12-31', 1),
	测试区自然资源局: dates('2019-01-03', '2023-12-31', 14),
	测试区东湖街道办事处: [...dates('2019-01-02', '2021-03-01', 5), ...dates('2021-11-20', '2023-06-30', 5)]
};

const ids = new Map<string, number>();
tempDatabaseForSuite('dw-metrics-');

beforeAll(() => {
	const db = getDb();
	for (const o of ORGANS) {
		const row = db.insert(table.organ).values({ name: o.name, normalizedName: o.name, kind: o.kind }).returning().get();
		ids.set(o.name, row.id);
	}
	for (const r of REPORTS) {
		const rep = db
			.insert(table.report)
			.values({
				organId: ids.get(r.organ)!,
				year: r.year,
				template: r.template,
				publishedOn: r.published,
				feeYuan: r.fee,
				findingsCount: r.findings.length
			})
			.returning()
			.get();
		const fig = (section: string, rowKey: string, v: number[]) =>
			db
				.insert(table.figure)
				.values({
					reportId: rep.id,
					section,
					rowKey,
					c0: v[0],
					c1: v[1],
					c2: v[2],
					c3: v[3],
					c4: v[4],
					c5: v[5],
					c6: v[6]
				})
				.run();
		for (const [k, v] of Object.entries(r.rows)) fig('applications', k, v);
		for (const [k, v] of Object.entries(r.review)) fig('review', k, v);
		if (r.adminFees) fig('proactive', 'admin_fees', r.adminFees);
		for (const rule of r.findings)
			db.insert(table.finding).values({ reportId: rep.id, rule, severity: 'error', message: '测试' }).run();
	}
	for (const [organ, ds] of Object.entries(PUBLICATIONS))
		for (const d of ds)
			db.insert(table.publication)
				.values({ organId: ids.get(organ)!, publishedOn: d, title: `标题${d}`, dedupKey: `${organ}${d}` })
				.run();
	// Raw inserts bypass the writers that maintain the dashboard summaries: derive them as the migration's backfill does.
	rebuildSummaries(db.$client);
});

const ALL: DashboardFilter = { fromYear: 2019, toYear: 2023, kind: null, organId: null };
const inFilter = (f: DashboardFilter) => (r: FixtureReport) =>
	r.year >= f.fromYear &&
	r.year <= f.toYear &&
	(f.organId === null || ids.get(r.organ) === f.organId) &&
	(f.kind === null ||
		(f.kind === 'township' ? ['street', 'town'] : [f.kind]).includes(ORGANS.find((o) => o.name === r.organ)!.kind));
const years = (f: DashboardFilter) => Array.from({ length: f.toYear - f.fromYear + 1 }, (_, i) => f.fromYear + i);
const sumOf = (rs: FixtureReport[], pick: (r: FixtureReport) => number) => rs.reduce((s, r) => s + pick(r), 0);

const FILTERS: DashboardFilter[] = [
	ALL,
	{ fromYear: 2021, toYear: 2022, kind: null, organId: null },
	{ fromYear: 2019, toYear: 2023, kind: 'township', organId: null },
	{ fromYear: 2019, toYear: 2023, kind: 'department', organId: null },
	{ fromYear: 2020, toYear: 2023, kind: null, organId: 2 }
];

describe('application aggregates', () => {
	it.each(FILTERS)('volume by applicant type and total per year (%o)', (f) => {
		const v = metrics.volume(f);
		expect(v.years).toEqual(years(f));
		for (const [i, y] of years(f).entries()) {
			const rs = REPORTS.filter(inFilter(f)).filter((r) => r.year === y);
			APPLICANT_TYPES.forEach((t, c) => expect(v.byType[t][i], `${t} ${y}`).toBe(sumOf(rs, (r) => r.rows.new[c])));
			expect(v.total[i]).toBe(sumOf(rs, (r) => r.rows.new[6]));
			expect(v.reports[i]).toBe(rs.length);
		}
	});

	it.each(FILTERS)('outcome groups per year, 2019 single row and 2021 three rows both in "other" (%o)', (f) => {
		const o = metrics.outcomes(f);
		for (const [i, y] of years(f).entries()) {
			const rs = REPORTS.filter(inFilter(f)).filter((r) => r.year === y);
			for (const g of OUTCOME_GROUPS) {
				const expected = sumOf(rs, (r) =>
					Object.entries(r.rows)
						.filter(([k]) => k === g || k.startsWith(`${g}.`))
						.reduce((s, [, v]) => s + v[6], 0)
				);
				expect(o.counts[g][i], `${g} ${y}`).toBe(expected);
			}
		}
		// the other group really held something in both layouts
		expect(o.counts.other.some((v) => v > 0)).toBe(true);
	});

	it.each(FILTERS)('refusal reasons per year (%o)', (f) => {
		const d = metrics.refusals(f);
		for (const [i, y] of years(f).entries())
			for (const k of REFUSAL_REASONS)
				expect(d.counts[k][i], `${k} ${y}`).toBe(
					sumOf(
						REPORTS.filter(inFilter(f)).filter((r) => r.year === y),
						(r) => r.rows[k]?.[6] ?? 0
					)
				);
	});
});

describe('fees, review, quality', () => {
	it.each(FILTERS)('fees: 信息处理费 per year, 行政事业性收费 from 2021-template reports only (%o)', (f) => {
		const d = metrics.fees(f);
		for (const [i, y] of years(f).entries()) {
			const rs = REPORTS.filter(inFilter(f)).filter((r) => r.year === y);
			expect(d.infoFeeYuan[i]).toBeCloseTo(
				sumOf(rs, (r) => r.fee ?? 0),
				6
			);
			expect(d.adminFee10k[i]).toBeCloseTo(
				sumOf(rs, (r) => (r.template === '2021' ? r.adminFees![0] : 0)),
				6
			);
		}
		const charging = REPORTS.filter(inFilter(f)).filter(
			(r) => (r.fee ?? 0) > 0 || (r.template === '2021' && r.adminFees![0] > 0)
		);
		expect(d.charging.length).toBe(charging.length);
	});

	it.each(FILTERS)('review: cases, corrected, concluded per year; organs with corrected cases (%o)', (f) => {
		const d = metrics.review(f);
		for (const [i, y] of years(f).entries()) {
			const rs = REPORTS.filter(inFilter(f)).filter((r) => r.year === y);
			const rc = d.years[i].reconsideration;
			expect(rc.total).toBe(sumOf(rs, (r) => r.review.reconsideration[4]));
			expect(rc.corrected).toBe(sumOf(rs, (r) => r.review.reconsideration[1]));
			expect(rc.concluded).toBe(sumOf(rs, (r) => r.review.reconsideration[4] - r.review.reconsideration[3]));
			const lit = (r: FixtureReport, c: number) =>
				r.review.litigation_direct[c] + r.review.litigation_after_reconsideration[c];
			expect(d.years[i].litigation.total).toBe(sumOf(rs, (r) => lit(r, 4)));
			expect(d.years[i].litigation.corrected).toBe(sumOf(rs, (r) => lit(r, 1)));
			expect(d.years[i].litigation.concluded).toBe(sumOf(rs, (r) => lit(r, 4) - lit(r, 3)));
		}
		const withCorrected = REPORTS.filter(inFilter(f)).filter(
			(r) => r.review.reconsideration[1] + r.review.litigation_direct[1] > 0
		);
		expect(d.corrected.length).toBe(withCorrected.length);
	});

	it.each(FILTERS)('quality: on time, late (T1), undated, missing, with findings; reports per rule (%o)', (f) => {
		const d = metrics.quality(f);
		for (const [i, y] of years(f).entries()) {
			const rs = REPORTS.filter(inFilter(f)).filter((r) => r.year === y);
			const q = d.years[i];
			expect(q.undated).toBe(rs.filter((r) => r.published === null).length);
			expect(q.late).toBe(rs.filter((r) => r.published !== null && r.findings.includes('T1')).length);
			expect(q.onTime).toBe(rs.filter((r) => r.published !== null && !r.findings.includes('T1')).length);
			expect(q.withFindings).toBe(rs.filter((r) => r.findings.length > 0).length);
			// missing: organs in the filter that reported in an earlier year and not in this one
			const organsHere = ORGANS.filter((o) => inFilter(f)({ ...REPORTS[0], organ: o.name, year: y }));
			const missing = organsHere.filter(
				(o) =>
					REPORTS.some((r) => r.organ === o.name && r.year < y) &&
					!REPORTS.some((r) => r.organ === o.name && r.year === y)
			);
			expect(q.missing, `missing ${y}`).toBe(missing.length);
		}
		const a2 = REPORTS.filter(inFilter(f)).filter((r) => r.findings.includes('A2')).length;
		expect(d.byRule.find((r) => r.rule === 'A2')?.reports ?? 0).toBe(a2);
		if (a2) expect(d.byRule.find((r) => r.rule === 'A2')!.name).toBe('办理结果总计');
	});

	it('counts the town as missing only after it stopped reporting', () => {
		const d = metrics.quality({ ...ALL, kind: 'township' });
		expect(d.years.map((y) => y.missing)).toEqual([0, 0, 0, 1, 1]);
	});
});

describe('rankings', () => {
	it.each([ALL, ...[2019, 2020, 2021, 2022, 2023].map((y) => ({ ...ALL, fromYear: y, toYear: y }))])(
		'ranks refusal and correction rates only on a sample of 5 or more, 样本不足 and 数据有误 listed after (%o)',
		(f) => {
			const d = metrics.rankings(f);
			let brokenSeen = 0;
			let rankedSeen = 0;
			for (const o of ORGANS) {
				const rs = REPORTS.filter((r) => r.organ === o.name && r.year >= f.fromYear && r.year <= f.toYear);
				if (!rs.length) continue;
				const handled = sumOf(rs, (r) =>
					Object.entries(r.rows)
						.filter(([k]) => !['new', 'carried_over', 'results_total'].includes(k))
						.reduce((s, [, v]) => s + v[6], 0)
				);
				const refused = sumOf(rs, (r) =>
					Object.entries(r.rows)
						.filter(([k]) => k.startsWith('refused.'))
						.reduce((s, [, v]) => s + v[6], 0)
				);
				const entry = d.measures.refusal_rate.find((x) => x.organ.id === ids.get(o.name))!;
				// A report of the period whose 办理结果总计 does not add up (A2): 数据有误, no sample at all.
				if (rs.some((r) => r.findings.includes('A2'))) {
					brokenSeen++;
					expect([entry.broken, entry.enough, entry.value, entry.denominator]).toEqual([true, false, null, undefined]);
				} else {
					rankedSeen++;
					expect([entry.numerator, entry.denominator]).toEqual([refused, handled]);
					expect(entry.enough).toBe(handled >= 5);
					expect(entry.value).toBeCloseTo(refused / handled, 10);
				}
				const apps = d.measures.applications.find((x) => x.organ.id === ids.get(o.name))!;
				expect(apps.value).toBe(sumOf(rs, (r) => r.rows.new[6]));
				const corr = d.measures.correction_rate.find((x) => x.organ.id === ids.get(o.name))!;
				const concluded = sumOf(rs, (r) => Object.values(r.review).reduce((s, v) => s + v[4] - v[3], 0));
				const corrected = sumOf(rs, (r) => Object.values(r.review).reduce((s, v) => s + v[1], 0));
				expect([corr.numerator, corr.denominator]).toEqual([corrected, concluded]);
				expect(corr.enough).toBe(concluded >= 5);
				if (corr.enough) expect(corr.value).toBeCloseTo(corrected / concluded, 10);
			}
			if (f === ALL) expect(brokenSeen).toBeGreaterThan(0);
			else expect(brokenSeen + rankedSeen).toBeGreaterThan(0);
			// applications: largest first; 数据有误 after every ranked or 样本不足 entry
			const values = d.measures.applications.map((x) => x.value!);
			expect(values).toEqual([...values].sort((a, b) => b - a));
			const order = d.measures.refusal_rate.map((x) => (x.enough ? 0 : x.broken ? 2 : 1));
			expect(order).toEqual([...order].sort());
		}
	);

	it('gives a report with broken section 4 sums 数据有误, never a negative sample', () => {
		const db = getDb();
		const year = 2023;
		const rid = (
			db.$client
				.prepare('SELECT id FROM report WHERE organ_id = ? AND year = ?')
				.get(ids.get('测试区教育局'), year) as { id: number }
		).id;
		db.$client.prepare('UPDATE report_summary SET review_concluded = -2 WHERE report_id = ?').run(rid);
		try {
			const d = metrics.rankings({ ...ALL, fromYear: year, toYear: year });
			const corr = d.measures.correction_rate.find((x) => x.organ.id === ids.get('测试区教育局'))!;
			expect([corr.broken, corr.enough, corr.denominator]).toEqual([true, false, undefined]);
			expect(d.measures.correction_rate.every((x) => x.denominator === undefined || x.denominator >= 0)).toBe(true);
		} finally {
			rebuildSummaries(db.$client);
		}
	});

	it('puts organs under the sample size after the ranked ones, whatever their rate', () => {
		const d = metrics.rankings(ALL, undefined, 1000);
		expect(d.measures.correction_rate.every((x) => !x.enough)).toBe(true);
		const small = metrics.rankings(ALL, undefined, 1);
		const flags = small.measures.correction_rate.map((x) => x.enough);
		expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
	});

	it('update frequency = postings per week over the range, from the log', () => {
		const d = metrics.rankings(ALL);
		const weeks = (Date.parse('2023-12-31') - Date.parse('2019-01-01')) / 86_400_000 / 7 + 1 / 7;
		for (const [organ, ds] of Object.entries(PUBLICATIONS)) {
			const e = d.measures.update_frequency.find((x) => x.organ.id === ids.get(organ))!;
			expect(e.numerator).toBe(ds.length);
			expect(e.value).toBeCloseTo(ds.length / weeks, 2);
		}
		// an organ with no log is not ranked on updates at all
		expect(d.measures.update_frequency.some((x) => x.organ.id === ids.get('测试区白沙镇人民政府'))).toBe(false);
	});
});

describe('update frequency', () => {
	it('weekly standard, heat map cells and the longest silences match the dates', () => {
		const d = metrics.updates(ALL);
		const need = Math.ceil(metrics.WEEKLY_COVERAGE * metrics.WEEKS_PER_YEAR);
		for (const w of d.weekly) {
			const met = Object.values(PUBLICATIONS).filter((ds) => {
				const weeks = new Set(
					ds
						.filter((x) => x.startsWith(String(w.year)))
						.map((x) => Math.floor((Date.parse(x) - Date.parse(`${w.year}-01-01`)) / (7 * 86_400_000)))
						.filter((wk) => wk < metrics.WEEKS_PER_YEAR)
				);
				return weeks.size >= need;
			}).length;
			expect(w.met, String(w.year)).toBe(met);
			expect(w.organs).toBe(Object.keys(PUBLICATIONS).length);
		}
		// heat map: total postings per organ equal the log
		for (const [organ, ds] of Object.entries(PUBLICATIONS)) {
			const oi = d.organs.findIndex((o) => o.id === ids.get(organ));
			expect(d.cells.filter((c) => c[1] === oi).reduce((s, c) => s + c[2], 0)).toBe(ds.length);
		}
		// least active first
		expect(d.organs[0].name).toBe('测试区自然资源局');
		// silences: the street's gap 2021-03-01 → 2021-11-20... unless its trailing gap to the end of the log is longer
		const street = PUBLICATIONS['测试区东湖街道办事处'];
		let best = { days: 0, from: '', to: '' };
		const end = '2023-12-31';
		const pts = [...street, end];
		for (let i = 1; i < pts.length; i++) {
			const days = Math.round((Date.parse(pts[i]) - Date.parse(pts[i - 1])) / 86_400_000);
			if (days > best.days) best = { days, from: pts[i - 1], to: pts[i] };
		}
		expect(d.silences[0]).toEqual({
			organ: { id: ids.get('测试区东湖街道办事处'), name: '测试区东湖街道办事处' },
			...best
		});
	});
});

describe('filters and the page load', () => {
	it('parses the URL, falling back to the data years, swapping a reversed range', () => {
		const av = { minYear: 2019, maxYear: 2023 };
		expect(parseFilter(new URLSearchParams(''), av)).toEqual(ALL);
		expect(parseFilter(new URLSearchParams('from=2023&to=2020&kind=township&organ=3'), av)).toEqual({
			fromYear: 2020,
			toYear: 2023,
			kind: 'township',
			organId: 3
		});
		expect(parseFilter(new URLSearchParams('from=&to=&kind=&organ='), av)).toEqual(ALL);
		expect(filterQuery({ fromYear: 2020, toYear: 2023, kind: 'department', organId: null }, av)).toBe(
			'?from=2020&kind=department'
		);
	});

	it('refuses bad values with a Chinese reason and bounds every range to the years held', () => {
		const av = { minYear: 2019, maxYear: 2023 };
		const today = new Date('2026-06-01');
		const bad = (q: string) => () => parseFilter(new URLSearchParams(q), av, today);
		// the attack: one GET with a 10,000-year range
		expect(bad('from=0000&to=9999')).toThrow(FilterError);
		expect(bad('from=0000')).toThrow(/参数 from 的年份无效.*2008–2027/);
		expect(bad('to=9999')).toThrow(/参数 to/);
		expect(bad('from=abc')).toThrow(FilterError);
		expect(bad('from=2020.5')).toThrow(FilterError);
		expect(bad('kind=bureau')).toThrow(/参数 kind/);
		expect(bad('organ=-1')).toThrow(/参数 organ/);
		expect(bad('organ=1e3')).toThrow(/参数 organ/);
		// valid years outside the data are clamped to it: a wide range costs no more than the data held
		expect(parseFilter(new URLSearchParams('from=2008&to=2027'), av, today)).toEqual({
			...ALL,
			fromYear: 2019,
			toYear: 2023
		});
		expect(parseFilter(new URLSearchParams('from=2010&to=2012'), av, today)).toEqual({
			...ALL,
			fromYear: 2019,
			toYear: 2019
		});
		// and the renderers refuse a range no parser should let through
		expect(() => yearsOf({ fromYear: 0, toYear: 9999 })).toThrow(FilterError);
		expect(yearsOf({ fromYear: 2000, toYear: 2000 + MAX_YEARS - 1 })).toHaveLength(MAX_YEARS);
	});

	it('caches the view per data version and filter, and a change in the data changes the version', () => {
		const a = loadDashboard(ALL);
		expect(loadDashboard(ALL)).toBe(a);
		expect(a.headline.year).toBe(ALL.toYear);
		const before = dataVersion();
		getDb()
			.insert(table.organ)
			.values({ name: '测试区新设局', normalizedName: '测试区新设局', kind: 'department' })
			.run();
		expect(dataVersion()).not.toBe(before);
		expect(loadDashboard(ALL)).not.toBe(a);
	});

	it('tables and CSV carry the same figures as the data', () => {
		const data = loadDashboard(ALL).data;
		const t = TABLES.volume(data);
		expect(t.rows.map((r) => r[7])).toEqual(data.volume.total);
		const csv = toCsv(t);
		expect(csv.startsWith('\uFEFF年度,自然人')).toBe(true);
		expect(csv.split('\r\n').length).toBe(data.volume.years.length + 2);
	});
});

// The dashboard's aggregates over a generated district imported through the real import path, against the
// generator's truth (truth.json's files and its publication log): every expected figure is summed here from the
// truth, never from the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../tests/helpers/temp-db';
import { generateDistrict, type GeneratedDistrict, type TruthFile } from './generate';
import { importDistrict } from '../../../tests/helpers/import-district';
import * as metrics from './metrics';
import { APPLICANT_TYPES, OUTCOME_GROUPS, REFUSAL_REASONS } from '../charts/data';
import type { DashboardFilter } from '../charts/filters';
import { MIN_SAMPLE } from '../report/rates';

const YEARS = [2020, 2021, 2022, 2023];
let district: GeneratedDistrict;
tempDatabaseForSuite('dw-metrics-truth-');
/** generator organ id → database organ id */
const dbId = new Map<string, number>();

beforeAll(async () => {
	district = await generateDistrict({
		organs: 12,
		years: YEARS,
		seed: 'metrics-truth',
		formats: ['txt', 'html'],
		mix: true,
		errorRate: 0.3,
		traditionalRate: 0.1,
		publicationLog: true
	});
	// As the demo does: the district office registers each bureau's renamings before importing.
	for (const [k, v] of await importDistrict(district)) dbId.set(k, v);
}, 120_000);

const ALL: DashboardFilter = { fromYear: 2020, toYear: 2023, kind: null, organId: null };
const FILTERS: DashboardFilter[] = [
	ALL,
	{ fromYear: 2021, toYear: 2022, kind: null, organId: null },
	{ ...ALL, kind: 'department' },
	{ ...ALL, kind: 'township' }
];
const KINDS = {
	department: ['department'],
	township: ['street', 'town'],
	government: ['government'],
	other: ['other']
} as const;

function files(f: DashboardFilter, year?: number): TruthFile[] {
	return district.truth.files.filter(
		(t) =>
			t.year !== null &&
			t.year >= f.fromYear &&
			t.year <= f.toYear &&
			(year === undefined || t.year === year) &&
			(f.kind === null || (KINDS[f.kind] as readonly string[]).includes(t.organ_kind)) &&
			(f.organId === null || dbId.get(t.organ_id) === f.organId)
	);
}
const cell = (t: TruthFile, key: string, col = 6) =>
	(t.applications.rows as Record<string, (number | null)[] | undefined>)[key]?.[col] ?? 0;
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const years = (f: DashboardFilter) => YEARS.filter((y) => y >= f.fromYear && y <= f.toYear);

describe('aggregates against the generated district truth', () => {
	it('the district has what the charts need: both templates, damage, fees or review cases', () => {
		const t = district.truth.files;
		expect(new Set(t.map((x) => x.template))).toEqual(new Set(['2019', '2021']));
		expect(t.some((x) => x.damage)).toBe(true);
		expect(sum(t, (x) => cell(x, 'new'))).toBeGreaterThan(100);
	});

	it.each(FILTERS)('new applications by applicant type per year (%o)', (f) => {
		const v = metrics.volume(f);
		for (const [i, y] of years(f).entries()) {
			APPLICANT_TYPES.forEach((type, c) =>
				expect(v.byType[type][i], `${type} ${y}`).toBe(sum(files(f, y), (t) => cell(t, 'new', c)))
			);
			expect(v.total[i]).toBe(sum(files(f, y), (t) => cell(t, 'new')));
		}
	});

	it.each(FILTERS)('outcome groups and refusal reasons per year (%o)', (f) => {
		const o = metrics.outcomes(f);
		const r = metrics.refusals(f);
		for (const [i, y] of years(f).entries()) {
			for (const g of OUTCOME_GROUPS) {
				const expected = sum(files(f, y), (t) =>
					Object.keys(t.applications.rows)
						.filter((k) => k === g || k.startsWith(`${g}.`))
						.reduce((s, k) => s + cell(t, k), 0)
				);
				expect(o.counts[g][i], `${g} ${y}`).toBe(expected);
			}
			for (const k of REFUSAL_REASONS) expect(r.counts[k][i], `${k} ${y}`).toBe(sum(files(f, y), (t) => cell(t, k)));
		}
	});

	it.each(FILTERS)('fees per year (%o)', (f) => {
		const d = metrics.fees(f);
		for (const [i, y] of years(f).entries()) {
			expect(d.infoFeeYuan[i]).toBeCloseTo(
				sum(files(f, y), (t) => t.fees?.info_processing_fee_yuan ?? 0),
				6
			);
			const admin = sum(files(f, y), (t) =>
				t.template === '2021'
					? Number((t.proactive as Record<string, Record<string, number | null>>).admin_fees?.amount_10k_yuan ?? 0)
					: 0
			);
			expect(d.adminFee10k[i]).toBeCloseTo(admin, 4);
		}
	});

	it.each(FILTERS)('reconsideration and litigation per year, 纠错率 inputs (%o)', (f) => {
		const d = metrics.review(f);
		const g = (t: TruthFile, k: string, c: number) =>
			(t.review as Record<string, (number | null)[] | undefined>)[k]?.[c] ?? 0;
		for (const [i, y] of years(f).entries()) {
			const ts = files(f, y);
			expect(d.years[i].reconsideration).toEqual({
				total: sum(ts, (t) => g(t, 'reconsideration', 4)),
				corrected: sum(ts, (t) => g(t, 'reconsideration', 1)),
				concluded: sum(ts, (t) => g(t, 'reconsideration', 4) - g(t, 'reconsideration', 3))
			});
			const lit = (t: TruthFile, c: number) =>
				g(t, 'litigation_direct', c) + g(t, 'litigation_after_reconsideration', c);
			expect(d.years[i].litigation).toEqual({
				total: sum(ts, (t) => lit(t, 4)),
				corrected: sum(ts, (t) => lit(t, 1)),
				concluded: sum(ts, (t) => lit(t, 4) - lit(t, 3))
			});
		}
	});

	it('late reports are those whose truth lists T1; reports with findings match the truth', () => {
		const d = metrics.quality(ALL);
		for (const [i, y] of YEARS.entries()) {
			const ts = files(ALL, y);
			expect(d.years[i].late, `late ${y}`).toBe(ts.filter((t) => t.findings.some((x) => x.rule === 'T1')).length);
			expect(d.years[i].onTime + d.years[i].late + d.years[i].undated).toBe(ts.length);
			expect(d.years[i].missing).toBe(0);
		}
		for (const rule of ['A1', 'Y1', 'C1', 'T1']) {
			const expected = files(ALL).filter((t) => t.findings.some((x) => x.rule === rule)).length;
			expect(d.byRule.find((r) => r.rule === rule)?.reports ?? 0, rule).toBe(expected);
		}
	});

	it('refusal rate per organ from truth, ranked only at 5 or more handled applications', () => {
		const d = metrics.rankings(ALL);
		for (const o of district.truth.organs) {
			const ts = files(ALL).filter((t) => t.organ_id === o.id);
			const handled = sum(ts, (t) => cell(t, 'results_total'));
			const refused = sum(ts, (t) =>
				REFUSAL_REASONS.filter((k) => k.startsWith('refused.')).reduce((s, k) => s + cell(t, k), 0)
			);
			const e = d.measures.refusal_rate.find((x) => x.organ.id === dbId.get(o.id))!;
			// A report whose 办理结果总计 does not add up (A2) makes the rate 数据有误: no sample from broken sums.
			if (ts.some((t) => t.findings.some((x) => x.rule === 'A2')))
				expect([e.broken, e.enough, e.denominator], o.id).toEqual([true, false, undefined]);
			else expect([e.numerator, e.denominator, e.enough], o.id).toEqual([refused, handled, handled >= MIN_SAMPLE]);
			const apps = d.measures.applications.find((x) => x.organ.id === dbId.get(o.id))!;
			expect(apps.value).toBe(sum(ts, (t) => cell(t, 'new')));
		}
	});

	it.each(FILTERS)('headline: the last year against the one before, rates from reports whose sums hold (%o)', (f) => {
		const h = metrics.headline(f);
		expect(h.year).toBe(f.toYear);
		const now = files(f, f.toYear);
		const prev = files({ ...f, fromYear: f.toYear - 1, toYear: f.toYear - 1 }, f.toYear - 1);
		expect(h.applications.value).toBe(sum(now, (t) => cell(t, 'new')));
		expect(h.applications.prev).toBe(prev.length ? sum(prev, (t) => cell(t, 'new')) : null);
		const ok = now.filter((t) => !t.findings.some((x) => x.rule === 'A2'));
		expect(h.openRate.now).toEqual({
			numerator: sum(ok, (t) => cell(t, 'granted') + cell(t, 'partial')),
			denominator: sum(ok, (t) => cell(t, 'results_total')),
			broken: now.length - ok.length
		});
		if (f === ALL) expect(h.openRate.now.numerator * h.applications.value).toBeGreaterThan(0);
		expect(h.late).toBe(now.filter((t) => t.findings.some((x) => x.rule === 'T1')).length);
		expect(h.attention.length).toBeLessThanOrEqual(3);
		// Every organ named has at least one of the stated reasons.
		for (const a of h.attention)
			expect((a.errors ?? 0) > 0 || a.silentDays !== null || a.correction !== null).toBe(true);
	});

	it('weekly-update share and postings per organ from the publication log', () => {
		const d = metrics.updates(ALL);
		const log = district.publicationLog;
		const need = Math.ceil(metrics.WEEKLY_COVERAGE * metrics.WEEKS_PER_YEAR);
		for (const w of d.weekly) {
			const byOrgan = new Map<string, Set<number>>();
			for (const p of log.filter((x) => x.published_on.startsWith(String(w.year)))) {
				const wk = Math.floor((Date.parse(p.published_on) - Date.parse(`${w.year}-01-01`)) / (7 * 86_400_000));
				if (wk >= metrics.WEEKS_PER_YEAR) continue;
				if (!byOrgan.has(p.organ_id)) byOrgan.set(p.organ_id, new Set());
				byOrgan.get(p.organ_id)!.add(wk);
			}
			expect(w.met, String(w.year)).toBe([...byOrgan.values()].filter((s) => s.size >= need).length);
			expect(w.organs).toBe(new Set(log.map((p) => p.organ_id)).size);
		}
		const r = metrics.rankings(ALL);
		for (const o of district.truth.organs) {
			const e = r.measures.update_frequency.find((x) => x.organ.id === dbId.get(o.id));
			// the log is deduplicated on import by url: count distinct urls
			expect(e?.numerator ?? 0, o.id).toBe(
				new Set(log.filter((p) => p.organ_id === o.id && p.published_on <= '2023-12-31').map((p) => p.url)).size
			);
		}
	});
});

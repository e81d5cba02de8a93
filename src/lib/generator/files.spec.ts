import { describe, expect, it } from 'vitest';
import { generateTruth } from './district';
import { planFiles, renderTextFile, renderText } from './files';
import { publicationLog, publicationLogCsv } from './publication-log';
import { toSimplified } from '../report/normalize';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const truth = generateTruth({ organs: 41, years: YEARS, seed: 'files', errorRate: 0.2 });

describe('file plan', () => {
	const plans = planFiles(truth.reports, { formats: ['txt', 'html', 'docx', 'pdf'], seed: 'files' });

	it('renders every report in every format, named by organ id, year and name', () => {
		expect(plans.length).toBe(truth.reports.length * 4);
		const names = new Set(plans.map((p) => p.name));
		expect(names.size).toBe(plans.length);
		for (const p of plans) {
			const t = truth.reports[p.report];
			expect(p.name).toBe(`${t.organ_id}_${t.report.year}_${t.report.organ}.${p.variant.format}`);
		}
	});

	it('mixes styles, encodings and scripts as reports arrive', () => {
		const txt = plans.filter((p) => p.variant.format === 'txt').map((p) => p.variant);
		for (const style of ['pipe', 'tab', 'flat'])
			expect(
				txt.some((v) => v.style === style),
				style
			).toBe(true);
		for (const enc of ['utf-8', 'gb18030', 'big5', 'utf-8-bom'])
			expect(
				txt.some((v) => v.encoding === enc),
				enc
			).toBe(true);
		expect(plans.some((p) => p.variant.script === 'traditional' && p.variant.format === 'html')).toBe(true);
		expect(plans.filter((p) => p.variant.encoding === 'big5').every((p) => p.variant.script === 'traditional')).toBe(
			true
		);
	});

	it('with mix, gives each report one format and stays deterministic', () => {
		const a = planFiles(truth.reports, { formats: ['txt', 'html'], seed: 's', mix: true });
		const b = planFiles(truth.reports, { formats: ['txt', 'html'], seed: 's', mix: true });
		expect(a).toEqual(b);
		expect(a.length).toBe(truth.reports.length);
		expect(new Set(a.map((p) => p.variant.format)).size).toBe(2);
	});

	it('writes bytes that decode back to the rendered text in the declared encoding', () => {
		for (const p of plans.filter((x) => x.variant.format === 'txt' || x.variant.format === 'html')) {
			const report = truth.reports[p.report].report;
			const bytes = renderTextFile(report, p.variant);
			const enc = p.variant.encoding === 'utf-8-bom' ? 'utf-8' : p.variant.encoding;
			const text = new TextDecoder(enc).decode(bytes);
			expect(text, p.name).toBe(renderText(report, p.variant));
			if (p.variant.format === 'html') expect(text).toContain(`<meta charset="${p.variant.charset}">`);
			expect(toSimplified(text)).toContain(toSimplified(report.title));
		}
	});
});

describe('publication log', () => {
	const rows = publicationLog(truth.organs, YEARS, 'files', truth.reports);

	it('has postings of every organ in the years asked, in the channels offices use, plus the annual reports', () => {
		const organs = new Set(rows.map((r) => r.organ_id));
		expect(organs.size).toBe(truth.organs.length);
		for (const r of rows) {
			expect(r.published_on >= '2019-01-01' && r.published_on <= '2026-12-31').toBe(true);
			expect(r.url).toMatch(/^https:\/\/www\.[a-z0-9]+\.gov\.example\//);
		}
		const channels = new Set(rows.map((r) => r.channel));
		for (const c of ['工作动态', '通知公告', '政策文件', '人事信息', '政府信息公开年报'])
			expect(channels.has(c), c).toBe(true);
		expect(rows.filter((r) => r.channel === '政府信息公开年报').length).toBe(truth.reports.length);
	});

	it('has realistic rhythms: some organs post several times a week, some go silent for months', () => {
		const gaps = new Map<string, number[]>();
		const byOrgan = new Map<string, string[]>();
		for (const r of rows)
			if (r.channel !== '政府信息公开年报')
				byOrgan.set(r.organ_id, [...(byOrgan.get(r.organ_id) ?? []), r.published_on]);
		for (const [id, dates] of byOrgan) {
			const ds = dates.map((d) => Date.parse(d) / 86_400_000);
			gaps.set(
				id,
				ds.slice(1).map((d, i) => d - ds[i])
			);
		}
		const perWeek = [...byOrgan.values()].map((d) => d.length / (YEARS.length * 52));
		expect(perWeek.some((x) => x >= 2)).toBe(true);
		expect(perWeek.some((x) => x <= 0.5)).toBe(true);
		expect([...gaps.values()].some((g) => Math.max(...g) >= 60)).toBe(true);
	});

	it('writes CSV with the header organ,published_on,title,channel,url, quoting where needed', () => {
		const csv = publicationLogCsv(rows.slice(0, 50));
		const lines = csv.trimEnd().split('\n');
		expect(lines[0]).toBe('organ,published_on,title,channel,url');
		expect(lines.length).toBe(51);
		expect(publicationLogCsv([{ ...rows[0], title: '关于"双随机,一公开"的通知' }])).toContain(
			'"关于""双随机,一公开""的通知"'
		);
	});

	it('is deterministic for a seed', () => {
		expect(publicationLog(truth.organs, YEARS, 'files', truth.reports)).toEqual(rows);
	});
});

import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { storeModel } from '../../../../tests/helpers/stored-report';
import { getDb } from '../db';
import * as table from '../db/schema';
import * as reports from '../reports/read';
import * as organs from '../organs';
import { correctFigure } from '../corrections';
import { addAnnotation } from '../annotations';
import { apiOrgans, apiReport } from './api';
import { districtMedians } from './medians';
import { organIndex } from './organ-list';
import { organOverview } from './organ-overview';
import { reportPage, templateTables } from './report-page';
import { clone, sampleReport } from '../../../../tests/oracles/sample-report';
import { runChecks } from '../../report/checks';
import type { Report } from '../../report/model';
import { applicationRowKeys } from '../../report/template';

describe('the template tables of the report page', () => {
	it('templateTables: every template row is laid out, absent ones too, each data cell with its path', () => {
		const m = sampleReport();
		delete m.applications.rows['refused.state_secret'];
		const [t2, t3, t4] = templateTables(m);
		const paths = (t: typeof t3) =>
			t.rows
				.flat()
				.filter((c) => c.path)
				.map((c) => c.path!);
		expect(paths(t3)).toHaveLength(applicationRowKeys('2021').length * 7);
		expect(paths(t3)).toContain('applications.rows.refused.state_secret.total');
		expect(paths(t4)).toHaveLength(15);
		expect(paths(t2)).toContain('proactive.admin_fees.amount_10k_yuan');
		const m2019 = clone(m);
		m2019.template = '2019';
		m2019.other_layout = '2019';
		const rows = m2019.applications.rows as Record<string, unknown>;
		for (const k of ['other.no_correction', 'other.no_fee', 'other.other']) delete rows[k];
		rows.other = [0, 0, 0, 0, 0, 0, 0];
		const [p2019, a2019] = templateTables(m2019);
		expect(paths(a2019)).toContain('applications.rows.other.total');
		expect(paths(p2019)).toContain('proactive.procurement.items');
	});
});

describe('reading the stored reports', () => {
	freshDatabaseEachTest('dw-drilldown-', () => {
		getDb().insert(table.user).values({ id: 'insp', username: 'insp', passwordHash: 'x', role: 'inspector' }).run();
	});

	let n = 0;
	function store(organ: string, year: number, change: (m: Report) => void = () => {}) {
		const m = sampleReport();
		m.organ = organ;
		m.year = year;
		m.title = `${organ}${year}年政府信息公开工作年度报告`;
		m.published_on = `${year + 1}-01-20`;
		change(m);
		m.findings = runChecks(m);
		return storeModel(m, String(++n).padStart(64, '0'), { fileName: `${organ}${year}.txt`, importedBy: 'insp' });
	}

	it('lists organs with years, latest findings and missing years; searches names and aliases', () => {
		store('甲区教育局', 2021);
		store('甲区教育局', 2023, (m) => (m.applications.rows.new![0] = 99));
		store('甲区财政局', 2023);
		organs.addAlias(organs.findByName('甲区财政局')!.id, '甲区财政厅');
		getDb()
			.insert(table.organ)
			.values({ name: '甲区某街道办事处', normalizedName: '甲区某街道办事处', kind: 'street' })
			.run();
		const all = organIndex();
		expect(all.map((o) => o.name)).toHaveLength(3);
		const edu = all.find((o) => o.name === '甲区教育局')!;
		expect(edu).toMatchObject({ years: [2021, 2023], latestYear: 2023, missingYears: [2022] });
		expect(edu.latestErrors).toBeGreaterThan(0);
		expect(edu.latestFindings).toBe(reports.byOrganYear(edu.id, 2023)!.findingsCount);
		expect(all.find((o) => o.kind === 'street')).toMatchObject({ years: [], latestFindings: null, missingYears: [] });
		expect(organIndex({ q: '财政厅' }).map((o) => o.name)).toEqual(['甲区财政局']);
		expect(organIndex({ q: ' 教育 ' }).map((o) => o.name)).toEqual(['甲区教育局']);
		expect(organIndex({ kind: 'street' })).toHaveLength(1);
		expect(organIndex({ organIds: [edu.id] }).map((o) => o.id)).toEqual([edu.id]);
		expect(apiOrgans().find((o) => o.name === '甲区财政局')!.aliases).toEqual(['甲区财政厅']);
		expect(apiOrgans([edu.id])).toEqual([
			{ id: edu.id, name: '甲区教育局', kind: 'department', status: 'district', aliases: [] }
		]);
	});

	it('shows an organ year by year: key figures, findings, revisions, corrections, publication rhythm', () => {
		const a = store('甲区教育局', 2022);
		store('甲区教育局', 2022, (m) => (m.sections['6'] = '第二份'));
		store('甲区教育局', 2023, (m) => (m.applications.rows.new = [20, 2, 0, 0, 1, 0, 23]));
		const organId = organs.findByName('甲区教育局')!.id;
		correctFigure(
			{ reportId: a.reportId, cellPath: 'applications.rows.granted.total', value: '8', reason: '核对' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		getDb()
			.insert(table.publication)
			.values([
				{ organId, publishedOn: '2023-01-02', title: 'a', dedupKey: 'a' },
				{ organId, publishedOn: '2023-05-02', title: 'b', dedupKey: 'b' }
			])
			.run();
		const o = organOverview(organId)!;
		expect(o.years.map((y) => y.year)).toEqual([2022, 2023]);
		expect(o.years[0]).toMatchObject({ revisions: 2, corrections: 1 });
		expect(o.years[1].figures[0]).toBe(23);
		expect(o.years[0].figures[2]).toBe(8);
		expect(o.years[1].counts.error).toBeGreaterThan(0);
		expect(o.years[1].findings.some((f) => f.rule === 'A1')).toBe(true);
		expect(o.rhythm.total).toBe(2);
		expect(o.rhythm.years[0].months[4]).toBe(1);
		expect(organOverview(9999)).toBeUndefined();
	});

	it('gives one report as corrected, with parsed values, notes, revisions and their diffs, last year and medians', () => {
		store('甲区教育局', 2022, (m) => (m.applications.rows.carried_forward![6] = 1));
		store('乙区教育局', 2023, (m) => (m.applications.rows.granted = [1, 1, 0, 0, 1, 0, 3]));
		store('丙区教育局', 2023, (m) => (m.applications.rows.granted = [9, 1, 0, 0, 1, 0, 11]));
		const first = store('甲区教育局', 2023);
		store('甲区教育局', 2023, (m) => {
			m.applications.rows.granted = [6, 1, 0, 0, 1, 0, 8];
			m.published_on = '2024-02-15';
		});
		const organId = organs.findByName('甲区教育局')!.id;
		correctFigure(
			{ reportId: first.reportId, cellPath: 'applications.rows.new.natural_person', value: '11', reason: '测试' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		addAnnotation(
			{ reportId: first.reportId, cellPath: 'applications.rows.new.natural_person', note: '请核实' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		const p = reportPage(organId, 2023)!;
		expect(p.years).toEqual([2022, 2023]);
		expect(p.model.applications.rows.new![0]).toBe(11);
		expect(p.model.source_lines!.length).toBeGreaterThan(0);
		expect(p.corrections[0]).toMatchObject({ parsedValue: 10, newValue: 11 });
		expect(p.annotations[0].note).toBe('请核实');
		expect(p.findings.map((f) => f.rule)).toContain('T1');
		expect(p.findings.every((f) => Array.isArray(f.cells))).toBe(true);
		expect(p.revisions).toHaveLength(2);
		expect(p.revisions[0].current).toBe(true);
		const diff = p.revisions[0].diff!;
		expect(diff.fields).toEqual([{ field: 'published_on', before: '2024-01-20', after: '2024-02-15' }]);
		expect(diff.cells.find((c) => c.path === 'applications.rows.granted.natural_person')).toMatchObject({
			before: 5,
			after: 6
		});
		expect(p.revisions[1].diff).toBeNull();
		expect(p.previous!.year).toBe(2022);
		expect(p.previous!.cells['applications.rows.new.total']).toBe(13);
		// Three bureaus' reports in 2023: too few for a median (the count is still given).
		expect(p.medians['applications.rows.granted.total']).toEqual({ median: null, n: 3 });
		expect(p.medianMinReports).toBe(5);
		expect(p.tables).toHaveLength(3);
		expect(reportPage(organId, 2019)).toBeUndefined();

		const api = apiReport(organId, 2023)!;
		expect(api.model.applications.rows.new![0]).toBe(11);
		expect(api.model.findings.map((f) => f.rule)).toContain('T1');
		expect(api.corrections[0]).toMatchObject({
			cell: 'applications.rows.new.natural_person',
			parsed_value: 10,
			new_value: 11,
			active: true
		});
		expect(JSON.parse(JSON.stringify(api)).model.applications.rows.new[0]).toBe(11);
	});

	it('medians skip blank cells and follow each report template for section 2 columns', () => {
		store('甲区教育局', 2020, (m) => {
			m.template = '2019';
			m.proactive = { rules: { made: 4, published: 4, total_public: 10 } };
		});
		store('乙区教育局', 2020, (m) => {
			m.template = '2019';
			m.proactive = { rules: { made: 2, published: null, total_public: 30 } };
		});
		for (const [i, organ] of ['丙区教育局', '丁区教育局', '戊区教育局'].entries())
			store(organ, 2020, (m) => {
				m.template = '2019';
				m.proactive = { rules: { made: 10 + i, published: null, total_public: 1 } };
			});
		// made: 4, 2, 10, 11, 12 → 10; published: one number only, below the minimum: no median.
		const med = districtMedians(2020, 'department');
		expect(med['proactive.rules.made']).toEqual({ median: 10, n: 5 });
		expect(med['proactive.rules.published']).toEqual({ median: null, n: 1 });
		expect(med['proactive.rules.issued']).toBeUndefined();
		// A correction moves the median at once (the cached medians of the year are dropped).
		const a = reports.byOrganYear(organs.findByName('甲区教育局')!.id, 2020)!;
		correctFigure(
			{ reportId: a.id, cellPath: 'proactive.rules.made', value: '20', reason: '核对' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		expect(districtMedians(2020, 'department')['proactive.rules.made']).toEqual({ median: 11, n: 5 });
	});

	it('medians compare an organ with organs of its own kind: a street against streets', () => {
		const streets = ['甲街道办事处', '乙街道办事处', '丙街道办事处', '丁街道办事处', '戊街道办事处'];
		streets.forEach((organ, i) =>
			store(organ, 2023, (m) => (m.applications.rows.granted = [i + 1, 0, 0, 0, 0, 0, i + 1]))
		);
		for (const organ of ['甲区教育局', '乙区教育局', '丙区教育局', '丁区教育局', '戊区教育局', '己区教育局'])
			store(organ, 2023, (m) => (m.applications.rows.granted = [100, 0, 0, 0, 0, 0, 100]));
		store('某镇人民政府', 2023, (m) => (m.applications.rows.granted = [7, 0, 0, 0, 0, 0, 7]));
		const street = organs.findByName('丙街道办事处')!;
		expect(street.kind).toBe('street');
		const p = reportPage(street.id, 2023)!;
		// Streets only: 1, 2, 3, 4, 5 → 3 (across all kinds it would be 100).
		expect(p.medians['applications.rows.granted.total']).toEqual({ median: 3, n: 5 });
		const bureau = reportPage(organs.findByName('甲区教育局')!.id, 2023)!;
		expect(bureau.medians['applications.rows.granted.total']).toEqual({ median: 100, n: 6 });
		// One town: its own report alone is no district comparison.
		const town = reportPage(organs.findByName('某镇人民政府')!.id, 2023)!;
		expect(town.medians['applications.rows.granted.total']).toEqual({ median: null, n: 1 });
	});
});

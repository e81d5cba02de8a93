// The roster end to end on a real database: only roster organs feed the dashboard; unknown organs wait as pending
// and each decision (add, assign as alias, mark outside) changes the figures by exactly what it should; a merge
// with a common year keeps both files and undoes exactly.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { renderReport } from '../../../tests/helpers/report-files';
import { getDb } from './db';
import * as table from './db/schema';
import { importFiles } from './import';
import type { Actor } from '../auth/actor';
import * as organs from './organs';
import * as reports from './reports/read';
import * as users from './users';
import { importRoster, exportRoster } from './roster-file';
import { dashboard, filterOrgans } from './metrics';
import { districtMedians } from './drilldown/medians';
import { organIndex } from './drilldown/organ-list';
import { correctFigure } from './corrections';
import { addAnnotation } from './annotations';
import { generateTruth } from '../generator/district';
import { rosterCsv } from '../generator/roster';
import type { Report } from '../report/model';
import type { DashboardFilter } from '../charts/filters';
import type { DashboardData } from '../charts/data';

freshDatabaseEachTest('dw-roster-', () => {
	getDb().insert(table.user).values({ id: 'insp', username: 'insp', passwordHash: 'x', role: 'inspector' }).run();
});

const admin: Actor = { id: null, role: 'admin', organId: null };
const YEARS = [2020, 2021, 2022, 2023];
const f: DashboardFilter = { fromYear: 2020, toYear: 2022, kind: null, organId: null };

/** The same report under another organ's name (title, prose and all). */
function renamed(report: Report, name: string): Report {
	return JSON.parse(JSON.stringify(report).split(report.organ).join(name));
}

/** Every additive series of `a` plus `b`, element by element (rankings: the union of the entries). */
function plus(a: DashboardData, b: DashboardData): DashboardData {
	const add = (x: unknown, y: unknown): unknown => {
		if (typeof x === 'number' && typeof y === 'number') return Math.round((x + y) * 10000) / 10000;
		if (Array.isArray(x) && Array.isArray(y) && x.every((v) => typeof v === 'number'))
			return x.map((v, i) => add(v, y[i]));
		if (x && y && typeof x === 'object' && !Array.isArray(x))
			return Object.fromEntries(
				Object.entries(x).map(([k, v]) => [
					k,
					k === 'year' || k === 'years' ? v : add(v, (y as Record<string, unknown>)[k])
				])
			);
		return x;
	};
	return {
		...a,
		volume: add(a.volume, b.volume) as DashboardData['volume'],
		outcomes: add(a.outcomes, b.outcomes) as DashboardData['outcomes'],
		refusals: add(a.refusals, b.refusals) as DashboardData['refusals'],
		fees: { ...(add(a.fees, b.fees) as DashboardData['fees']), charging: [...a.fees.charging, ...b.fees.charging] },
		review: {
			years: a.review.years.map((y, i) => add(y, b.review.years[i]) as typeof y),
			corrected: [...a.review.corrected, ...b.review.corrected]
		},
		quality: {
			years: a.quality.years.map((y, i) => add(y, b.quality.years[i]) as typeof y),
			byRule: a.quality.byRule,
			reviews: add(a.quality.reviews, b.quality.reviews) as DashboardData['quality']['reviews']
		}
	};
}

describe('the roster decides what counts', () => {
	it('keeps district figures identical when outside organs are imported, then changes them by exactly the added organ', async () => {
		const truth = generateTruth({ organs: 8, years: YEARS, seed: 'roster', errorRate: 0 });
		const loaded = await importRoster('roster.csv', new TextEncoder().encode(rosterCsv(truth.organs, YEARS)), admin);
		expect(loaded).toMatchObject({ ok: true, created: 8, problems: [] });
		// The education bureau's 2023 report comes later, under a typo.
		const edu = truth.reports.find((t) => t.report.organ === '云溪区教育局' && t.report.year === 2023)!;
		const district = truth.reports.filter((t) => t !== edu);
		const results = await importFiles(
			district.map((t, i) => ({ name: `d${i}.txt`, bytes: renderReport(t.report) })),
			admin
		);
		expect(results.filter((r) => r.status === 'refused')).toEqual([]);
		expect(results.every((r) => r.organStatus === 'district' && !r.newOrgan)).toBe(true);
		const before = dashboard(f);
		expect(before.volume.reports).toEqual([8, 8, 8]);
		// Medians per organ kind: the outside city is a people's government, like the district's own.
		const medians = districtMedians(2022, 'government');
		const departmentMedians = districtMedians(2022, 'department');

		const base = (organ: string, year: number) =>
			truth.reports.find((t) => t.report.organ.includes(organ) && t.report.year === year)!.report;
		const outside = [
			{ name: 'city.txt', bytes: renderReport(renamed(base('人民政府', 2022), '清河市人民政府')) },
			{ name: 'typo.txt', bytes: renderReport(renamed(edu.report, '云溪区教肓局')) },
			{ name: 'province.txt', bytes: renderReport(renamed(base('住房和城乡建设局', 2021), '某省住房和城乡建设厅')) }
		];
		const second = await importFiles(outside, admin);
		expect(second.map((r) => [r.status.startsWith('imported'), r.organStatus, r.reason])).toEqual(
			Array(3).fill([true, 'pending', '新单位，待确认'])
		);
		expect(dashboard(f)).toEqual(before);
		expect(districtMedians(2022, 'government')).toEqual(medians);
		expect(districtMedians(2022, 'department')).toEqual(departmentMedians);
		expect(
			organIndex()
				.filter((o) => o.status === 'pending')
				.map((o) => o.missingYears)
		).toEqual([[], [], []]);
		expect(filterOrgans().map((o) => o.name)).not.toContain('清河市人民政府');
		const pending = organs.pending();
		expect(pending.map((p) => p.name)).toEqual(['清河市人民政府', '云溪区教肓局', '某省住房和城乡建设厅']);
		const eduOrgan = organs.findByName('云溪区教育局')!;
		expect(pending[1].closest[0]).toMatchObject({ id: eduOrgan.id, distance: 1, sameSuffix: true });

		const [city, typo, province] = pending;
		organs.setStatus(city.id, 'district', null);
		organs.mergeOrgans(typo.id, eduOrgan.id, null);
		organs.setStatus(province.id, 'outside', null);
		expect(organs.pending()).toEqual([]);
		// The typo's report joined the bureau's years; the typo finds the bureau from now on.
		expect(reports.list({ organId: eduOrgan.id }).map((r) => r.year)).toEqual([2023, 2022, 2021, 2020]);
		expect(organs.findByName('云溪区教肓局')!.id).toBe(eduOrgan.id);

		const onlyCity = dashboard({ ...f, organId: city.id });
		expect(onlyCity.volume.reports).toEqual([0, 0, 1]);
		const after = dashboard(f);
		const expected = plus(before, onlyCity);
		// Lists (organs charging, organs with corrected cases) in any order; every number per year exactly.
		const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
		for (const d of [after, expected]) {
			d.fees.charging = sorted(d.fees.charging);
			d.review.corrected = sorted(d.review.corrected);
		}
		for (const k of ['volume', 'outcomes', 'refusals', 'fees', 'review'] as const)
			expect(after[k], k).toEqual(expected[k]);
		expect(after.quality.years).toEqual(expected.quality.years);
		for (const m of ['applications', 'refusal_rate', 'correction_rate'] as const) {
			const names = (d: DashboardData) => d.rankings.measures[m].map((x) => x.organ.name).sort();
			expect(names(after), m).toEqual([...names(before), '清河市人民政府'].sort());
		}
		expect(filterOrgans().map((o) => o.name)).toContain('清河市人民政府');
		expect(filterOrgans().map((o) => o.name)).not.toContain('某省住房和城乡建设厅');
		// The city's 2022 report now counts in the governments' medians of 2022 (one report more), not the departments'.
		expect(districtMedians(2022, 'government')['applications.rows.new.total'].n).toBe(
			medians['applications.rows.new.total'].n + 1
		);
		expect(districtMedians(2022, 'department')).toEqual(departmentMedians);
	});

	it('takes the first import into an empty roster as the roster, and says so; later unknown organs wait', async () => {
		const truth = generateTruth({ organs: 3, years: [2022], seed: 'seed', errorRate: 0 });
		const first = await importFiles(
			truth.reports.map((t, i) => ({ name: `${i}.txt`, bytes: renderReport(t.report) })),
			admin
		);
		expect(first.map((r) => [r.organStatus, r.rosterSeeded])).toEqual(Array(3).fill(['district', true]));
		const later = await importFiles(
			[{ name: 'x.txt', bytes: renderReport(renamed(truth.reports[0].report, '清河市人民政府')) }],
			admin
		);
		expect(later[0]).toMatchObject({ organStatus: 'pending', newOrgan: true, reason: '新单位，待确认' });
		expect(later[0].rosterSeeded).toBeUndefined();
	});

	it('refuses unknown organs with --roster-only and for a clerk, creating nothing', async () => {
		const truth = generateTruth({ organs: 2, years: [2022], seed: 'only', errorRate: 0 });
		await importFiles([{ name: 'a.txt', bytes: renderReport(truth.reports[0].report) }], admin);
		const own = organs.findByName(truth.reports[0].report.organ)!;
		const clerk = await users.create({
			username: 'clerk-x',
			password: 'clerk-x-password',
			role: 'clerk',
			organId: own.id
		});
		const stranger = { name: 'b.txt', bytes: renderReport(renamed(truth.reports[1].report, '清河市人民政府')) };
		const n = () => organs.list().length;
		const [r1] = await importFiles([stranger], admin, undefined, { rosterOnly: true });
		expect(r1).toMatchObject({ status: 'refused', reason: expect.stringContaining('不在本区名册中') });
		const [r2] = await importFiles([stranger], { id: clerk.id, role: 'clerk', organId: own.id });
		expect(r2).toMatchObject({ status: 'refused', reason: expect.stringContaining('尚未登记') });
		expect(n()).toBe(1);
		await expect(
			users.create({ username: 'clerk-y', password: 'clerk-y-password', role: 'clerk', organName: '云溪区教肓局' })
		).rejects.toThrow(/不在本区名册中/);
		expect(n()).toBe(1);
	});

	it('reads back what it exports, and refuses a bad roster as a whole', async () => {
		const truth = generateTruth({ organs: 12, years: YEARS, seed: 'rt', errorRate: 0 });
		const csv = rosterCsv(truth.organs, YEARS);
		await importRoster('roster.csv', new TextEncoder().encode(csv), admin);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exportRoster('roster.csv'))).toBe(csv);
		const xlsx = await exportRoster('roster.xlsx');
		const again = await importRoster('roster.xlsx', xlsx, admin);
		expect(again).toMatchObject({ ok: true, created: 0, updated: 12, aliases: 0 });
		const bad = await importRoster(
			'bad.csv',
			new TextEncoder().encode('名称,类型,上级\n新局,机构,\n另一局,,不存在的上级\n'),
			admin
		);
		expect(bad.ok).toBe(false);
		expect(bad.problems.map((p) => p.message)).toEqual([
			'第2行“类型”：“机构”不是单位类型（可选：人民政府、政府部门、街道、乡镇、其他）'
		]);
		const orphan = await importRoster('orphan.csv', new TextEncoder().encode('名称,上级\n新局,不存在的上级\n'), admin);
		expect(orphan.problems[0].message).toContain('既不在本文件中');
		expect(organs.findByName('新局')).toBeUndefined();
	});

	it('renames (old name a dated alias), retires from a year, deletes only an organ without reports', async () => {
		const a = organs.addOrgan({ name: '甲区旧局' }, null);
		organs.rename(a.id, '甲区新局', 2022, null);
		expect(organs.findByName('甲区旧局')!.id).toBe(a.id);
		expect(organs.aliasesOf(a.id)).toMatchObject([{ alias: '甲区旧局', validFrom: null, validTo: 2021 }]);
		organs.retire(a.id, 2024, null);
		expect([2023, 2024].map((y) => organs.isOnRoster(a.id, y))).toEqual([true, false]);
		expect(organs.rosterOrganIds(2023)).toEqual([a.id]);
		expect(organs.rosterOrganIds(2024)).toEqual([]);
		const truth = generateTruth({ organs: 1, years: [2022], seed: 'del', errorRate: 0 });
		await importFiles([{ name: 'x.txt', bytes: renderReport(renamed(truth.reports[0].report, '甲区新局')) }], admin);
		expect(() => organs.remove(a.id, null)).toThrow(/已有年报/);
		const b = organs.addOrgan({ name: '甲区空局' }, null);
		organs.remove(b.id, null);
		expect(organs.get(b.id)).toBeUndefined();
	});
});

describe('safe merge', () => {
	const rowsOf = (sql: string, ...p: unknown[]) =>
		getDb()
			.$client.prepare(sql)
			.all(...p);
	function state(ids: number[]) {
		const inOrgans = `(${ids.join(',')})`;
		const reportIds = `(SELECT id FROM report WHERE organ_id IN ${inOrgans})`;
		return {
			organs: rowsOf(`SELECT * FROM organ WHERE id IN ${inOrgans} ORDER BY id`),
			aliases: rowsOf(`SELECT * FROM organ_alias WHERE organ_id IN ${inOrgans} ORDER BY id`),
			users: rowsOf(`SELECT id, organ_id FROM user ORDER BY id`),
			reports: rowsOf(`SELECT * FROM report WHERE organ_id IN ${inOrgans} ORDER BY id`),
			revisions: rowsOf(`SELECT id, report_id FROM revision WHERE report_id IN ${reportIds} ORDER BY id`),
			corrections: rowsOf(`SELECT * FROM correction WHERE report_id IN ${reportIds} ORDER BY id`),
			annotations: rowsOf(`SELECT * FROM annotation WHERE report_id IN ${reportIds} ORDER BY id`),
			figures: rowsOf(`SELECT * FROM figure WHERE report_id IN ${reportIds} ORDER BY report_id, section, row_key`),
			findings: rowsOf(`SELECT * FROM finding WHERE report_id IN ${reportIds} ORDER BY id`),
			summaries: rowsOf(`SELECT * FROM report_summary WHERE report_id IN ${reportIds} ORDER BY report_id`)
		};
	}

	it('previews the common year, keeps the chosen report current and the other as a revision, undoes exactly, redirects the old id', async () => {
		const truth = generateTruth({ organs: 1, years: [2021, 2022, 2023], seed: 'merge', errorRate: 0 });
		const [r21, r22, r23] = truth.reports.map((t) => t.report);
		const other22 = structuredClone(r22);
		// Same figures, another file.
		other22.sections['6'] = `${other22.sections['6'] ?? ''}\n（另一份文件）`;
		const res = await importFiles(
			[
				{ name: 'old21.txt', bytes: renderReport(renamed(r21, '甲区旧局')) },
				{ name: 'old22.txt', bytes: renderReport(renamed(other22, '甲区旧局')) },
				{ name: 'new22.txt', bytes: renderReport(renamed(r22, '甲区新局')) },
				{ name: 'new23.txt', bytes: renderReport(renamed(r23, '甲区新局')) }
			],
			admin
		);
		const from = res[0].organId!;
		const into = res[2].organId!;
		organs.addAlias(from, '甲区旧局简称');
		const clerk = await users.create({
			username: 'old-clerk',
			password: 'old-clerk-password',
			role: 'clerk',
			organId: from
		});
		const fromReport22 = res[1].reportId!;
		const intoReport22 = res[2].reportId!;
		correctFigure(
			{ reportId: fromReport22, cellPath: 'applications.rows.new.natural_person', value: '999', reason: '核对原件' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		addAnnotation({ reportId: res[0].reportId!, note: '请核实' }, { id: 'insp', role: 'inspector', organId: null });
		const before = state([from, into]);

		const preview = organs.mergePreview(from, into);
		expect(preview.from.years).toEqual([2021, 2022]);
		expect(preview.into.years).toEqual([2022, 2023]);
		expect(preview.conflicts.map((c) => [c.year, c.from.reportId, c.into.reportId])).toEqual([
			[2022, fromReport22, intoReport22]
		]);
		expect(preview.aliases).toEqual(['甲区旧局', '甲区旧局简称']);
		expect(preview.users.map((u) => u.username)).toEqual(['old-clerk']);
		expect(preview.findings).toBe(
			(
				getDb()
					.$client.prepare('SELECT count(*) n FROM finding f JOIN report r ON r.id = f.report_id WHERE r.organ_id = ?')
					.get(from) as { n: number }
			).n
		);

		const merged = organs.mergeOrgans(from, into, null, { 2022: 'from' });
		expect(organs.get(from)).toBeUndefined();
		expect(reports.list({ organId: into }).map((r) => r.year)).toEqual([2023, 2022, 2021]);
		const hist = reports.history(intoReport22);
		expect(hist.map((h) => [h.id, h.current])).toEqual(
			[
				[res[2].revisionId, false],
				[res[1].revisionId, true]
			].sort((a, b) => Number(b[0]) - Number(a[0]))
		);
		// The chosen (merged organ's) file is current, with its correction; the other file is a revision.
		expect(reports.get(intoReport22)!.currentRevisionId).toBe(res[1].revisionId);
		expect(reports.effectiveModel(intoReport22)!.applications.rows.new![0]).toBe(999);
		expect(
			getDb()
				.select()
				.from(table.user)
				.all()
				.find((u) => u.id === clerk.id)!.organId
		).toBe(into);
		expect(organs.mergedInto(from)).toBe(into);

		organs.undoMerge(merged.mergeId, null);
		expect(state([from, into])).toEqual(before);
		expect(organs.mergedInto(from)).toBeUndefined();
		expect(() => organs.undoMerge(merged.mergeId, null)).toThrow(/已撤销/);
	});

	it('refuses to undo once the surviving organ has a new report since', async () => {
		const truth = generateTruth({ organs: 1, years: [2021, 2022], seed: 'merge2', errorRate: 0 });
		const [a, b] = truth.reports.map((t) => t.report);
		const res = await importFiles(
			[
				{ name: 'a.txt', bytes: renderReport(renamed(a, '乙区旧局')) },
				{ name: 'b.txt', bytes: renderReport(renamed(b, '乙区新局')) }
			],
			admin
		);
		const m = organs.mergeOrgans(res[0].organId!, res[1].organId!, null);
		const c = structuredClone(b);
		c.year = 2023;
		c.title = c.title.replace('2022', '2023');
		await importFiles([{ name: 'c.txt', bytes: renderReport(renamed(c, '乙区新局')) }], admin);
		expect(() => organs.undoMerge(m.mergeId, null)).toThrow(/新的年报/);
	});
});

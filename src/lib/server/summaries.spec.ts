// The dashboard summaries stay equal to what the backfill derives from figure and publication, and hold the right
// figures, after each writer: a correction, a re-import (new revision), a publication-log re-import, an organ merge.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { storeModel } from '../../../tests/helpers/stored-report';
import { getDb } from './db';
import * as table from './db/schema';
import * as organs from './organs';
import { correctFigure } from './corrections';
import { storePublications, type PublicationRow } from './publication-log';
import { backfillSql, rebuildSummaries } from './summaries';
import { updates } from './metrics';
import { sampleReport } from '../../../tests/oracles/sample-report';
import { runChecks } from '../report/checks';
import type { Report } from '../report/model';

freshDatabaseEachTest('dw-summaries-', () => {
	getDb()
		.insert(table.user)
		.values({ id: 'insp', username: 'insp', displayName: '督查员', passwordHash: 'x', role: 'inspector' })
		.run();
});

const admin = { id: null, role: 'admin' as const, organId: null };

function store(organ: string, year: number, edit: (m: Report) => void = () => {}, sha = `${organ}${year}`) {
	const m = sampleReport();
	m.organ = organ;
	m.year = year;
	edit(m);
	m.findings = runChecks(m);
	return storeModel(m, sha.padEnd(64, '0'));
}

const rows = (sql: string) => getDb().$client.prepare(sql).all();
const snapshot = () => ({
	reports: rows('SELECT * FROM report_summary ORDER BY report_id'),
	years: rows('SELECT * FROM publication_year ORDER BY organ_id, year'),
	months: rows('SELECT * FROM publication_month ORDER BY organ_id, month')
});
/** The maintained summaries equal a from-scratch backfill (which the snapshot then leaves in place). */
function expectConsistent() {
	const kept = snapshot();
	rebuildSummaries(getDb().$client);
	expect(kept).toEqual(snapshot());
}
const summary = (reportId: number) =>
	getDb().$client.prepare('SELECT * FROM report_summary WHERE report_id = ?').get(reportId) as
		Record<string, number | string | null> | undefined;
const years = (organId: number) =>
	getDb()
		.$client.prepare(
			'SELECT year, posts, weeks, first_on, last_on, gap_days, gap_from, gap_to FROM publication_year WHERE organ_id = ? ORDER BY year'
		)
		.all(organId);
const months = (organId: number) =>
	getDb().$client.prepare('SELECT month, posts FROM publication_month WHERE organ_id = ? ORDER BY month').all(organId);
const post = (organ: string, publishedOn: string, url: string | null = null): PublicationRow => ({
	line: 1,
	organ,
	publishedOn,
	title: `标题${publishedOn}`,
	channel: null,
	url
});

describe('report_summary', () => {
	it('follows a correction and its recompute', () => {
		const a = store('甲区教育局', 2022);
		const before = summary(a.reportId)!;
		expect(before.new_c6).toBe(sampleReport().applications.rows.new![6]);
		correctFigure(
			{ reportId: a.reportId, cellPath: 'applications.rows.new.total', value: '99', reason: '核对' },
			{ id: 'insp', role: 'inspector', organId: null }
		);
		expect(summary(a.reportId)!.new_c6).toBe(99);
		expectConsistent();
	});

	it('follows a re-import (a new revision becomes current)', () => {
		const a = store('甲区教育局', 2022);
		store('甲区教育局', 2022, (m) => (m.applications.rows.new = [20, 2, 0, 0, 1, 0, 23]), 'second');
		const s = summary(a.reportId)!;
		expect([s.new_c0, s.new_c1, s.new_c6]).toEqual([20, 2, 23]);
		expect(rows('SELECT COUNT(*) AS n FROM report_summary')).toEqual([{ n: 1 }]);
		expectConsistent();
	});

	it('sums the outcome groups and refusal reasons from the rows', () => {
		const a = store('甲区教育局', 2022);
		const m = sampleReport();
		const c6 = (k: string) => (m.applications.rows as Record<string, (number | null)[]>)[k]?.[6] ?? 0;
		const refused = Object.keys(m.applications.rows).filter((k) => k.startsWith('refused.'));
		const s = summary(a.reportId)!;
		expect(s.out_refused ?? 0).toBe(refused.reduce((t, k) => t + c6(k), 0));
		expect(s.refused_state_secret ?? 0).toBe(c6('refused.state_secret'));
		expect(s.out_granted ?? 0).toBe(c6('granted'));
	});
});

describe('publication summaries', () => {
	it('count a re-imported log once (dedupe) and keep weeks, gaps and months', () => {
		const log = [
			post('甲区教育局', '2023-01-02', 'u1'),
			post('甲区教育局', '2023-01-20', 'u2'),
			post('甲区教育局', '2023-03-01', 'u3')
		];
		storePublications(log, admin);
		const id = organs.findByName('甲区教育局')!.id;
		const first = years(id);
		expect(first).toEqual([
			{
				year: 2023,
				posts: 3,
				weeks: 3,
				first_on: '2023-01-02',
				last_on: '2023-03-01',
				gap_days: 40,
				gap_from: '2023-01-20',
				gap_to: '2023-03-01'
			}
		]);
		storePublications([...log, post('甲区教育局', '2024-02-01', 'u4')], admin);
		expect(years(id)).toEqual([
			...first,
			{
				year: 2024,
				posts: 1,
				weeks: 1,
				first_on: '2024-02-01',
				last_on: '2024-02-01',
				gap_days: null,
				gap_from: null,
				gap_to: null
			}
		]);
		expect(months(id)).toEqual([
			{ month: '2023-01', posts: 2 },
			{ month: '2023-03', posts: 1 },
			{ month: '2024-02', posts: 1 }
		]);
		expectConsistent();
	});
});

describe('the longest silence from the summaries', () => {
	it('counts a gap across years only when both postings lie in the range', () => {
		storePublications(
			[
				post('甲区教育局', '2022-11-01', 'a'),
				post('甲区教育局', '2023-02-01', 'b'),
				post('甲区教育局', '2023-03-01', 'c')
			],
			admin
		);
		const id = organs.findByName('甲区教育局')!.id;
		const one = updates({ fromYear: 2023, toYear: 2023, kind: null, organId: null }).silences;
		expect(one).toEqual([{ organ: { id, name: '甲区教育局' }, days: 28, from: '2023-02-01', to: '2023-03-01' }]);
		const two = updates({ fromYear: 2022, toYear: 2023, kind: null, organId: null }).silences;
		expect(two).toEqual([{ organ: { id, name: '甲区教育局' }, days: 92, from: '2022-11-01', to: '2023-02-01' }]);
	});
});

describe('an organ merge', () => {
	it('moves report and publication summaries to the merged organ, deduplicating shared postings', () => {
		const a = store('甲区教育局', 2022);
		const b = store('甲区教育体育局', 2023, (m) => (m.applications.rows.new = [20, 2, 0, 0, 1, 0, 23]));
		const clash = store('甲区教育体育局', 2022, (m) => (m.applications.rows.new = [1, 0, 0, 0, 0, 0, 1]));
		storePublications([post('甲区教育局', '2023-01-02', 'same'), post('甲区教育局', '2023-02-02', 'a')], admin);
		storePublications([post('甲区教育体育局', '2023-01-02', 'same'), post('甲区教育体育局', '2023-06-02', 'b')], admin);
		const into = organs.findByName('甲区教育局')!.id;
		const from = organs.findByName('甲区教育体育局')!.id;
		organs.mergeOrgans(from, into);
		expect(summary(b.reportId)).toMatchObject({ organ_id: into, year: 2023, new_c6: 23 });
		// Both had 2022: the merged organ's report stays current, the other's is gone with its summary.
		expect(summary(a.reportId)).toMatchObject({ organ_id: into, year: 2022 });
		expect(summary(clash.reportId)).toBeUndefined();
		expect(years(into)).toEqual([
			{
				year: 2023,
				posts: 3,
				weeks: 3,
				first_on: '2023-01-02',
				last_on: '2023-06-02',
				gap_days: 120,
				gap_from: '2023-02-02',
				gap_to: '2023-06-02'
			}
		]);
		expect(years(from)).toEqual([]);
		expectConsistent();
	});
});

describe('the backfill migration', () => {
	it('runs the same SQL as the maintenance code, and rebuilds summaries an upgrade starts without', () => {
		store('甲区教育局', 2022);
		storePublications([post('甲区教育局', '2023-01-02', 'u1'), post('甲区教育局', '2023-05-02', 'u2')], admin);
		const kept = snapshot();
		const read = (name: string) =>
			readFileSync(new URL(`../../../drizzle/${name}.sql`, import.meta.url), 'utf8')
				.split('--> statement-breakpoint')
				.map((s) =>
					s
						.replace(/^--.*$/gm, '')
						.trim()
						.replace(/;$/, '')
				)
				.filter(Boolean);
		// 0002 backfills the tables 0001 made; 0003 adds two columns and backfills them.
		const statements = [
			...read('0002_backfill_dashboard_summaries'),
			...read('0003_publication_year_neighbours').filter((s) => !s.startsWith('ALTER'))
		];
		expect(statements).toEqual(backfillSql());
		const c = getDb().$client;
		for (const t of ['report_summary', 'publication_year', 'publication_month']) c.exec(`DELETE FROM ${t}`);
		expect(snapshot().reports).toEqual([]);
		for (const s of statements) c.exec(s);
		expect(snapshot()).toEqual(kept);
	});
});

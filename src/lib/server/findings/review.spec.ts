// The review workflow on a real migrated SQLite file: a decision is kept by fingerprint, so it survives a re-import
// of the same bytes and of a new file with the same figures, and a changed figure brings the finding back as open.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { renderReport } from '../../../../tests/helpers/report-files';
import { generateTruth } from '../../generator/district';
import { importFiles } from '../import';
import type { Actor } from '../../auth/actor';
import * as users from '../users';
import { quality } from '../metrics/quality';
import {
	confirmedFindings,
	listFindings,
	refreshTimeDependent,
	reviewFindings,
	statusCounts,
	ReviewRefusal
} from './review';
import { getDb } from '../db';

let inspectorId = '';
freshDatabaseEachTest('dw-review-', () => {});

async function setUp() {
	inspectorId = (await users.create({ username: 'insp', password: 'insp-password-1', role: 'inspector' })).id;
	return { id: inspectorId, role: 'inspector', organId: null } as Actor;
}

/** Two organs' 2022–2023 reports, imported, with the district government's 2023 section 2 stock of `item` off by
 * `extra` on purpose: X4, a warning about that year's figures. */
async function importBrokenStock(actor: Actor, item: 'rules' | 'normative_docs', extra: number) {
	const t = generateTruth({ organs: 2, years: [2022, 2023], seed: 'review-spec', errorRate: 0 });
	const r2023 = t.reports.find((r) => r.report.year === 2023 && r.organ_id.endsWith('-gov'))!.report;
	r2023.proactive[item].in_force = (r2023.proactive[item].in_force as number) + extra;
	const files = t.reports.map((r) => ({ name: `${r.organ_id}-${r.report.year}.txt`, bytes: renderReport(r.report) }));
	await importFiles(files, actor);
	return { r2023, files };
}

describe('finding review', () => {
	it('a dismissed finding stays dismissed on re-import of the same bytes and returns when a figure changes', async () => {
		const actor = await setUp();
		const { r2023, files } = await importBrokenStock(actor, 'normative_docs', 7);
		const open = listFindings({ rule: 'X4' }).rows;
		expect(open).toHaveLength(1);
		expect(open[0].status).toBe('open');

		expect(() => reviewFindings({ keys: [open[0].key], status: 'dismissed' }, actor.id!)).toThrow(ReviewRefusal);
		expect(
			reviewFindings(
				{ keys: [open[0].key], status: 'dismissed', reason: 'as_printed', note: '原文如此，已核对纸质版' },
				actor.id!
			)
		).toBe(1);
		expect(listFindings({ rule: 'X4' }).rows).toEqual([]);
		const dismissed = listFindings({ rule: 'X4', status: 'dismissed' }).rows;
		expect(dismissed).toHaveLength(1);
		expect(dismissed[0]).toMatchObject({ reason: 'as_printed', note: '原文如此，已核对纸质版', reviewer: 'insp' });

		// The same bytes again: a no-op import, the decision stands.
		const again = await importFiles([files.find((f) => f.name.includes('gov-2023'))!], actor);
		expect(again[0].status).toBe('duplicate');
		expect(listFindings({ rule: 'X4', status: 'dismissed' }).rows).toHaveLength(1);
		expect(listFindings({ rule: 'X4' }).rows).toEqual([]);

		// A new file with the same figures (another title spacing → other bytes): a new revision, the decision stands.
		const sameFigures = { ...r2023, title: r2023.title + ' ' };
		const res = await importFiles([{ name: 'gov-2023-b.txt', bytes: renderReport(sameFigures) }], actor);
		expect(res[0].newRevision).toBe(true);
		expect(listFindings({ rule: 'X4' }).rows).toEqual([]);
		expect(listFindings({ rule: 'X4', status: 'dismissed' }).rows).toHaveLength(1);

		// A figure changes: the finding is back as open.
		const changed = structuredClone(r2023);
		changed.proactive.normative_docs.in_force = (changed.proactive.normative_docs.in_force as number) + 1;
		await importFiles([{ name: 'gov-2023-c.txt', bytes: renderReport(changed) }], actor);
		expect(listFindings({ rule: 'X4' }).rows).toHaveLength(1);
		expect(listFindings({ rule: 'X4', status: 'dismissed' }).rows).toEqual([]);
		expect(statusCounts().dismissed).toBe(0);
	});

	it('confirmed findings are what the assessment reads', async () => {
		const actor = await setUp();
		await importBrokenStock(actor, 'rules', 3);
		expect(confirmedFindings()).toEqual([]);
		const [f] = listFindings({ rule: 'X4' }).rows;
		reviewFindings({ keys: [f.key], status: 'confirmed', note: '确有问题' }, actor.id!);
		const confirmed = confirmedFindings({ year: 2023 });
		expect(confirmed.map((c) => [c.rule, c.organName, c.note])).toEqual([['X4', f.organName, '确有问题']]);
		expect(confirmedFindings({ year: 2022 })).toEqual([]);
		const counts = statusCounts();
		expect(counts.confirmed).toBe(1);
		expect(counts.open).toBe(listFindings({ limit: 10_000 }).total);
		// The dashboard's quality chart counts the same.
		expect(quality({ fromYear: 2022, toYear: 2030, kind: null, organId: null }).reviews).toEqual(counts);
		expect(quality({ fromYear: 2022, toYear: 2022, kind: null, organId: null }).reviews.confirmed).toBe(0);
	});

	it('reports stored before the workflow get fingerprints and their cross findings when the list is brought up to date', async () => {
		const actor = await setUp();
		await importBrokenStock(actor, 'rules', 3);
		// As a database from before migration 0005 would hold them.
		const c = getDb().$client;
		c.prepare("UPDATE finding SET fingerprint = ''").run();
		c.prepare('DELETE FROM similarity_band').run();
		const [legacy] = listFindings({ rule: 'X4' }).rows;
		expect(() => reviewFindings({ keys: [legacy.key], status: 'confirmed' }, actor.id!)).toThrow(ReviewRefusal);
		refreshTimeDependent();
		const [f] = listFindings({ rule: 'X4' }).rows;
		expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
		expect(reviewFindings({ keys: [f.key], status: 'confirmed' }, actor.id!)).toBe(1);
		expect((c.prepare('SELECT count(*) AS n FROM similarity_band').get() as { n: number }).n).toBeGreaterThan(0);
	});
});

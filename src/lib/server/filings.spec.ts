// R-D2's filing records on a real migrated SQLite file: with a local filing deadline set, a report without a record
// is a warning, a late record another (its own identity, so a dismissal of one does not hide the other), an
// on-time record none; the record follows its report through a merge and back through the undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { renderReport } from '../../../tests/helpers/report-files';
import { generateTruth } from '../generator/district';
import { importFiles } from './import';
import * as users from './users';
import * as organs from './organs';
import { ActionError } from './corrections';
import { filingOf, recordFiling } from './filings';
import { listFindings, reviewFindings } from './findings/review';
import { getDb } from './db';
import type { Actor } from '../auth/actor';

freshDatabaseEachTest('dw-filing-');
const admin: Actor = { id: null, role: 'admin', organId: null };
const env = { filing: process.env.LOCAL_FILING_DEADLINE, today: process.env.FINDINGS_TODAY };
beforeEach(() => {
	process.env.LOCAL_FILING_DEADLINE = '01-26';
	process.env.FINDINGS_TODAY = '2024-06-01';
});
afterEach(() => {
	for (const [k, v] of [
		['LOCAL_FILING_DEADLINE', env.filing],
		['FINDINGS_TODAY', env.today]
	] as const)
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
});

async function setUp() {
	const inspector = await users.create({ username: 'insp', password: 'insp-password-1', role: 'inspector' });
	const actor: Actor = { id: inspector.id, role: 'inspector', organId: null };
	const t = generateTruth({ organs: 2, years: [2023], seed: 'filing-spec', errorRate: 0 });
	const results = await importFiles(
		t.reports.map((r) => ({ name: `${r.organ_id}-2023.txt`, bytes: renderReport(r.report) })),
		admin
	);
	expect(results.every((r) => r.status.startsWith('imported'))).toBe(true);
	const ids = getDb().$client.prepare('SELECT id, organ_id AS organId FROM report ORDER BY id').all() as {
		id: number;
		organId: number;
	}[];
	return { actor, ids };
}

const d2 = (reportId: number) =>
	listFindings({ reportId, rule: 'D2', status: 'all' }).rows.filter((f) => f.cells.includes('filed_on'));

describe('D2 filing records', () => {
	it('no record, a late record, an on-time record; each its own identity', async () => {
		const { actor, ids } = await setUp();
		const [{ id }] = ids;
		let found = d2(id);
		expect(found.map((f) => f.message)).toEqual(['未见报送记录（本地规定2024-01-26前向区政务公开办报送）。']);
		expect(found[0].severity).toBe('warning');
		reviewFindings(
			{ keys: [found[0].key], status: 'dismissed', reason: 'as_printed', note: '纸质件已报送' },
			actor.id!
		);

		recordFiling(id, { filedOn: '2024-02-03', note: '逾期报送' }, actor);
		expect(filingOf(id)).toMatchObject({ filedOn: '2024-02-03', note: '逾期报送', recordedBy: 'insp' });
		found = d2(id);
		expect(found.map((f) => [f.message, f.status])).toEqual([
			['报送于2024-02-03，晚于本地规定的报送期限2024-01-26。', 'open']
		]);

		recordFiling(id, { filedOn: '2024-01-26' }, actor);
		expect(d2(id)).toEqual([]);
		// Cleared: the missing record is back, with the decision taken on it.
		recordFiling(id, { filedOn: '' }, actor);
		expect(filingOf(id)).toBeUndefined();
		expect(d2(id).map((f) => f.status)).toEqual(['dismissed']);
		// Another report of the district was never touched.
		expect(d2(ids[1].id).map((f) => f.status)).toEqual(['open']);
	});

	it('not checked without a local filing deadline', async () => {
		delete process.env.LOCAL_FILING_DEADLINE;
		const { ids } = await setUp();
		expect(d2(ids[0].id)).toEqual([]);
	});

	it('refuses what is not a filing date, and anyone who may not correct', async () => {
		const { actor, ids } = await setUp();
		const id = ids[0].id;
		const refusal = (f: () => void) => {
			try {
				f();
			} catch (e) {
				expect(e).toBeInstanceOf(ActionError);
				return (e as ActionError).message;
			}
			throw new Error('not refused');
		};
		expect(refusal(() => recordFiling(id, { filedOn: '2024-02-30' }, actor))).toContain('“2024-02-30”无效');
		expect(refusal(() => recordFiling(id, { filedOn: '2024-07-01' }, actor))).toContain('晚于今天');
		expect(refusal(() => recordFiling(id, { filedOn: '2022-12-31' }, actor))).toContain('早于报告年度');
		expect(refusal(() => recordFiling(id, { filedOn: '2024-01-20' }, { ...actor, role: 'leader' }))).toContain(
			'没有登记报送记录的权限'
		);
		expect(filingOf(id)).toBeUndefined();
	});

	it('the record follows its report through a merge, and back through the undo', async () => {
		const { actor, ids } = await setUp();
		const [a] = ids;
		recordFiling(a.id, { filedOn: '2024-01-20' }, actor);
		const into = organs.addOrgan({ name: '承接单位' }, null);
		const merged = organs.mergeOrgans(a.organId, into.id, null);
		const moved = getDb().$client.prepare('SELECT id FROM report WHERE organ_id = ?').get(into.id) as { id: number };
		expect(filingOf(moved.id)?.filedOn).toBe('2024-01-20');
		expect(d2(moved.id)).toEqual([]);
		organs.undoMerge(merged.mergeId, null);
		expect(filingOf(a.id)?.filedOn).toBe('2024-01-20');
	});
});

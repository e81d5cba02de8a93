// The findings list by the organ's roster status: the reviewer's default covers the roster and the organs awaiting a
// decision, not those kept outside the district; the counts follow the same scope.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { renderReport } from '../../../../tests/helpers/report-files';
import { generateTruth } from '../../generator/district';
import { importFiles } from '../import';
import type { Actor } from '../../auth/actor';
import * as users from '../users';
import { listFindings, statusCounts, type OrganScope } from './review';
import { getDb } from '../db';

freshDatabaseEachTest('dw-findings-scope-', () => {});

describe('findings by organ scope', () => {
	it('lists each scope’s organs only, and counts them alike', async () => {
		const admin = await users.create({ username: 'adm', password: 'adm-password-1', role: 'admin' });
		const t = generateTruth({ organs: 3, years: [2023], seed: 'scope-spec', errorRate: 1 });
		const files = t.reports.map((r) => ({ name: `${r.organ_id}.txt`, bytes: renderReport(r.report) }));
		await importFiles(files, { id: admin.id, role: 'admin', organId: null } as Actor);
		const c = getDb().$client;
		const ids = (c.prepare('SELECT id FROM organ ORDER BY id').all() as { id: number }[]).map((o) => o.id);
		expect(ids).toHaveLength(3);
		const set = c.prepare('UPDATE organ SET status = ? WHERE id = ?');
		set.run('district', ids[0]);
		set.run('pending', ids[1]);
		set.run('outside', ids[2]);
		const organsIn = (scope: OrganScope) =>
			[...new Set(listFindings({ scope, status: 'all' }).rows.map((f) => f.organId))].sort((a, b) => a - b);
		expect(organsIn('all')).toEqual(ids);
		expect(organsIn('review')).toEqual([ids[0], ids[1]]);
		expect(organsIn('district')).toEqual([ids[0]]);
		const total = (scope: OrganScope) => Object.values(statusCounts(2023, scope)).reduce((a, b) => a + b, 0);
		expect(total('review')).toBe(listFindings({ scope: 'review', status: 'all', year: 2023 }).total);
		expect(total('district')).toBeLessThan(total('review'));
		expect(total('review')).toBeLessThan(total('all'));
	});
});

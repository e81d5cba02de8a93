import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { getDb } from './db';
import * as table from './db/schema';
import { audit } from './audit';

describe('audit', () => {
	freshDatabaseEachTest('dw-audit-');

	it('logs who did what with the detail as JSON, and commits or rolls back with the change it records', () => {
		audit('u1', 'report.restore', { reportId: 3, revisionId: 7 });
		audit(null, 'organ.merge', { from: { id: 1, name: '甲局' } }, getDb().$client);
		const c = getDb().$client;
		expect(() =>
			c.transaction(() => {
				audit('u1', 'report.correct', { reportId: 3 });
				throw new Error('the change failed');
			})()
		).toThrow('the change failed');
		const rows = getDb().select().from(table.auditLog).all();
		expect(rows.map((r) => [r.userId, r.action, JSON.parse(r.detail!)])).toEqual([
			['u1', 'report.restore', { reportId: 3, revisionId: 7 }],
			[null, 'organ.merge', { from: { id: 1, name: '甲局' } }]
		]);
		expect(rows.every((r) => r.at > 0)).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { getDb } from './db';
import { audit } from './audit';
import * as users from './users';
import { AuditFilterError, auditCsv, parseAuditFilter, pruneAudit, queryAudit } from './audit-query';

const at = (day: string, hh = '12') => Date.parse(`${day}T${hh}:00:00+08:00`);
function logAt(userId: string | null, action: string, detail: unknown, ms: number) {
	audit(userId, action, detail);
	getDb().$client.prepare('UPDATE audit_log SET at = ? WHERE id = (SELECT max(id) FROM audit_log)').run(ms);
}

describe('audit log queries', () => {
	freshDatabaseEachTest('dw-audit-q-');

	it('filters by user, action (or a prefix) and days in Shanghai time, newest first', async () => {
		const ann = await users.create({ username: 'ann', password: 'password-1', role: 'inspector' });
		logAt(ann.id, 'auth.login', {}, at('2026-03-01', '00'));
		logAt(ann.id, 'report.correct', { reportId: 1 }, at('2026-03-02'));
		logAt(null, 'auth.login_failed', { username: 'x' }, at('2026-03-03', '23'));
		const q = (s: string) => queryAudit(parseAuditFilter(new URLSearchParams(s)));
		expect(q('').rows.map((r) => r.action)).toEqual(['auth.login_failed', 'report.correct', 'auth.login']);
		expect(q('user=ANN').rows.map((r) => r.action)).toEqual(['report.correct', 'auth.login']);
		expect(q('action=auth.').total).toBe(2);
		expect(q('action=auth.login').total).toBe(1);
		expect(q('from=2026-03-02&to=2026-03-02').rows.map((r) => r.action)).toEqual(['report.correct']);
		// 00:00 and 23:00 Shanghai time fall on their own days, not the UTC ones
		expect(q('from=2026-03-01&to=2026-03-01').total).toBe(1);
		expect(q('from=2026-03-03').total).toBe(1);
		expect(q('user=ann').rows[0].username).toBe('ann');
	});

	it('refuses bad filter values with a Chinese reason', () => {
		for (const s of [
			'from=2026-13-99',
			'from=2026-02-30',
			'to=yesterday',
			'action=DROP TABLE',
			'user=' + 'u'.repeat(65)
		])
			expect(() => parseAuditFilter(new URLSearchParams(s)), s).toThrow(AuditFilterError);
	});

	it('exports every matching row as CSV, uploaded text written as text', () => {
		audit(null, 'report.import', { file: '=HYPERLINK("http://evil.example")' });
		audit(null, '=cmd', null);
		const csv = auditCsv(parseAuditFilter(new URLSearchParams('')));
		expect(csv.startsWith('\uFEFF时间,用户,操作,详情\r\n')).toBe(true);
		expect(csv).toContain("'=cmd");
		expect(csv).not.toMatch(/(^|,)=/m);
	});

	it('keeps rows for the retention period (AUDIT_RETENTION_DAYS) and drops older ones', () => {
		const now = Date.now();
		logAt(null, 'old', {}, now - 400 * 86_400_000);
		logAt(null, 'recent', {}, now - 10 * 86_400_000);
		expect(pruneAudit(now)).toBe(1);
		process.env.AUDIT_RETENTION_DAYS = '5';
		try {
			expect(pruneAudit(now)).toBe(1);
		} finally {
			delete process.env.AUDIT_RETENTION_DAYS;
		}
		expect(queryAudit(parseAuditFilter(new URLSearchParams(''))).total).toBe(0);
	});
});

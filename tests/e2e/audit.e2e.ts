// The audit log page against the real server: a failed login and a lockout appear, filtered, and in the export.
import { describe, expect, it } from 'vitest';
import { demoCookie, http } from './http';

describe('/admin/audit', () => {
	it('shows failed logins and the lockout, filtered by action, and exports them as CSV', async () => {
		const name = `audit-${Date.now().toString(36)}`;
		for (let i = 0; i < 5; i++)
			await http('/login', { method: 'POST', form: { username: name, password: `wrong-${i}` } });
		const admin = demoCookie('admin');
		const page = await http('/admin/audit?action=auth.', { cookie: admin });
		expect(page.status).toBe(200);
		expect(page.body).toContain(`{"username":"${name}","address":"127.0.0.1"}`); // the detail, as text
		expect(page.body).toContain('auth.lockout');
		const failed = await http(`/admin/audit?action=auth.login_failed`, { cookie: admin });
		expect((failed.body.match(new RegExp(name, 'g')) ?? []).length).toBeGreaterThanOrEqual(5);
		const csv = await http('/admin/audit/export?action=auth.lockout', { cookie: admin });
		expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(csv.body).toMatch(/^\uFEFF?时间,用户,操作,详情\r\n/); // fetch's text() drops the BOM
		expect(csv.body).toContain(name);
		expect((await http('/admin/audit?from=2026-02-30', { cookie: admin })).status).toBe(400);
		expect((await http('/admin/audit', { cookie: demoCookie('inspector') })).status).toBe(403);
	});
});

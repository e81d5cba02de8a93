// Sessions against the real server: a new id at every login, logout and a password reset end every session of the
// user, the cookie's flags.
import { describe, expect, it } from 'vitest';
import { demoCookie, freshUser, http, loginCookie } from './http';

const stamp = Date.now().toString(36);
const signedIn = async (cookie: string) => {
	const r = await http('/organs', { cookie });
	return r.status === 200;
};

describe('sessions', () => {
	it('sets the cookie HttpOnly, SameSite=Lax, Path=/, not Secure over plain http', async () => {
		const name = `ck-${stamp}`;
		await freshUser(name, 'inspector');
		const r = await http('/login', { method: 'POST', form: { username: name, password: `${name}-pass-1` } });
		const set = r.headers.getSetCookie().find((c) => c.startsWith('dw_session='))!;
		const attrs = set.split(';').map((s) => s.trim().toLowerCase());
		expect(attrs).toContain('httponly');
		expect(attrs).toContain('samesite=lax');
		expect(attrs).toContain('path=/');
		expect(attrs.some((a) => a.startsWith('expires='))).toBe(true);
		expect(attrs).not.toContain('secure'); // the e2e server is plain http (ORIGIN http://127.0.0.1)
	});

	it('gives a new session id at every login and ends the one the browser had (no fixation)', async () => {
		const name = `fx-${stamp}`;
		const first = await freshUser(name, 'inspector');
		const r = await http('/login', {
			method: 'POST',
			cookie: first,
			form: { username: name, password: `${name}-pass-1` }
		});
		expect(r.status).toBe(303);
		const second = r.headers
			.getSetCookie()
			.find((c) => c.startsWith('dw_session='))!
			.split(';')[0];
		expect(second).not.toBe(first);
		expect(await signedIn(second)).toBe(true);
		expect(await signedIn(first)).toBe(false);
	});

	it('logout ends every session of the user, on every machine', async () => {
		const name = `lo-${stamp}`;
		const a = await freshUser(name, 'leader');
		const b = await loginCookie(name, `${name}-pass-1`);
		const other = await freshUser(`lo2-${stamp}`, 'leader');
		expect(await signedIn(a)).toBe(true);
		expect(await signedIn(b)).toBe(true);
		const out = await http('/logout', { method: 'POST', cookie: a, form: {} });
		expect(out.status).toBe(303);
		expect(await signedIn(a)).toBe(false);
		expect(await signedIn(b)).toBe(false);
		expect(await signedIn(other)).toBe(true); // only that user's
	});

	it("an admin's password reset ends the user's sessions", async () => {
		const name = `rs-${stamp}`;
		const a = await freshUser(name, 'inspector');
		expect(await signedIn(a)).toBe(true);
		const r = await http('/admin/users?/passwd', {
			method: 'POST',
			cookie: demoCookie('admin'),
			form: { username: name, password: 'a-new-password-9' }
		});
		expect(r.status).toBe(200);
		expect(await signedIn(a)).toBe(false);
		expect(await signedIn(await loginCookie(name, 'a-new-password-9'))).toBe(true);
	});

	it('refuses a made-up or tampered session cookie and clears it', async () => {
		const r = await http('/organs', { cookie: 'dw_session=abcdefghijklmnopqrstuvwxyz234567' });
		expect(r.status).toBe(303);
		expect(r.location).toMatch(/^\/login/);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../tests/helpers/temp-db';

const tmp = useTempDatabase();
const { getDb, closeDb } = await import('../db');
const table = await import('../db/schema');
const session = await import('./session');
const users = await import('../users');

/** The ids of the session rows stored now. */
const sessionIds = () =>
	getDb()
		.select({ id: table.session.id })
		.from(table.session)
		.all()
		.map((r) => r.id);

let userId = '';
beforeAll(async () => {
	userId = (await users.create({ username: 'sess-user', password: 'password-1', role: 'leader' })).id;
});
afterAll(() => {
	closeDb();
	tmp.cleanup();
});

describe('sessions', () => {
	it('stores only the sha256 of the token', () => {
		const token = session.generateSessionToken();
		const s = session.createSession(token, userId);
		const ids = sessionIds();
		expect(ids).toContain(s.id);
		expect(ids).not.toContain(token);
		expect(s.id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('validates a live token and returns the user', () => {
		const token = session.generateSessionToken();
		session.createSession(token, userId);
		const v = session.validateSessionToken(token);
		expect(v.user?.username).toBe('sess-user');
		expect(v.user?.role).toBe('leader');
		expect(session.validateSessionToken(token + 'x').session).toBeNull();
	});

	it('expires: a token past its expiry is refused and deleted', () => {
		const t0 = Date.now();
		const token = session.generateSessionToken();
		const s = session.createSession(token, userId, t0);
		expect(session.validateSessionToken(token, t0 + session.SESSION_TTL + 1).session).toBeNull();
		expect(sessionIds()).not.toContain(s.id);
	});

	it('renews (slides) when less than half the lifetime is left, not before', () => {
		const t0 = Date.now();
		const token = session.generateSessionToken();
		const s = session.createSession(token, userId, t0);
		const early = session.validateSessionToken(token, t0 + 1000);
		expect(early.session?.expiresAt).toBe(s.expiresAt);
		const late = t0 + session.SESSION_TTL * 0.75;
		const renewed = session.validateSessionToken(token, late);
		expect(renewed.session?.expiresAt).toBe(late + session.SESSION_TTL);
		// still valid past the original expiry thanks to the renewal
		expect(session.validateSessionToken(token, s.expiresAt + 1000).session).not.toBeNull();
	});

	it('a login sweeps every expired session, not only the one presented', () => {
		const t0 = Date.now();
		const live = session.createSession(session.generateSessionToken(), userId, t0 - 1000);
		// a session that ran out while nobody presented it again
		const old = { id: 'f'.repeat(64), userId, expiresAt: t0 - 1 };
		getDb().insert(table.session).values(old).run();
		expect(sessionIds()).toContain(old.id);
		session.createSession(session.generateSessionToken(), userId, t0);
		const ids = sessionIds();
		expect(ids).not.toContain(old.id);
		expect(ids).toContain(live.id);
	});

	it('sets the cookie HttpOnly, SameSite=Lax, Path=/, and Secure exactly when served over HTTPS', () => {
		const set: { name: string; value: string; opts: Record<string, unknown> }[] = [];
		const jar = {
			set: (name: string, value: string, opts: Record<string, unknown>) => set.push({ name, value, opts }),
			delete: () => {}
		};
		session.setSessionCookie(jar, 'tok', Date.now() + 1000, true);
		session.setSessionCookie(jar, 'tok', Date.now() + 1000, false);
		for (const c of set) expect(c.opts).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax' });
		expect(set.map((c) => c.opts.secure)).toEqual([true, false]);
		expect(set[0].name).toBe(session.SESSION_COOKIE);
	});

	it('logout deletes the session', () => {
		const token = session.generateSessionToken();
		const s = session.createSession(token, userId);
		session.invalidateSession(s.id);
		expect(session.validateSessionToken(token).session).toBeNull();
	});

	it('a password change ends every session of the user', async () => {
		const token = session.generateSessionToken();
		session.createSession(token, userId);
		await users.setPassword('sess-user', 'password-2');
		expect(session.validateSessionToken(token).session).toBeNull();
	});
});

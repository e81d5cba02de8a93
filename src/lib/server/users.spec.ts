// Account administration on a real database: disable ends sessions and bars sign-in, role changes end sessions,
// unlock lifts the failed-login lock, a clerk is bound to a roster organ only.
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../tests/helpers/temp-db';

const tmp = useTempDatabase('dw-users-');
const { closeDb } = await import('./db');
const session = await import('./auth/session');
const rate = await import('./auth/rate-limit');
const users = await import('./users');
const organs = await import('./organs');

afterAll(() => {
	closeDb();
	tmp.cleanup();
});

describe('user administration', () => {
	it('disables an account: its sessions end at once, and it shows as disabled until enabled', async () => {
		const u = await users.create({ username: 'disable-me', password: 'password-123', role: 'leader' });
		const token = session.generateSessionToken();
		session.createSession(token, u.id);
		expect(session.validateSessionToken(token).user?.id).toBe(u.id);
		users.setDisabled(u.id, true, 'someone-else');
		expect(session.validateSessionToken(token).user).toBeNull();
		expect(users.list().find((x) => x.id === u.id)).toMatchObject({ disabled: true });
		// A session created afterwards (there is none: login refuses) would not validate either.
		const t2 = session.generateSessionToken();
		session.createSession(t2, u.id);
		expect(session.validateSessionToken(t2).user).toBeNull();
		users.setDisabled(u.id, false, 'someone-else');
		expect(session.validateSessionToken(t2).user?.id).toBe(u.id);
		expect(() => users.setDisabled(u.id, true, u.id)).toThrow(/当前登录/);
	});

	it('changes a role (sessions end), unlocks a locked account, records the last login', async () => {
		const u = await users.create({ username: 'role-me', password: 'password-123', role: 'leader' });
		const token = session.generateSessionToken();
		session.createSession(token, u.id);
		users.setRole(u.id, 'inspector', null, 'admin-id');
		expect(session.validateSessionToken(token).user).toBeNull();
		expect(users.byUsername('role-me')!.role).toBe('inspector');
		expect(() => users.setRole(u.id, 'clerk', null, 'admin-id')).toThrow(/名册单位/);
		for (let i = 0; i < rate.MAX_FAILURES; i++) rate.recordFailure('role-me');
		expect(users.list().find((x) => x.id === u.id)!.lockedUntil).not.toBeNull();
		users.unlock(u.id, 'admin-id');
		expect(rate.blockedUntil('role-me')).toBeNull();
		expect(users.list().find((x) => x.id === u.id)!.lastLoginAt).toBeNull();
		users.recordLogin(u.id, 1234);
		expect(users.list().find((x) => x.id === u.id)!.lastLoginAt).toBe(1234);
	});

	it('binds a clerk only to a roster organ', async () => {
		const on = organs.addOrgan({ name: '甲区审计局' }, null);
		const pending = organs.ensure('某市某局', undefined, 'pending');
		await expect(
			users.create({ username: 'clerk-1', password: 'password-123', role: 'clerk', organName: '甲区审计局' })
		).resolves.toMatchObject({ organId: on.id });
		await expect(
			users.create({ username: 'clerk-2', password: 'password-123', role: 'clerk', organId: pending.id })
		).rejects.toThrow(/不在本区名册中/);
		await expect(
			users.create({ username: 'clerk-3', password: 'password-123', role: 'clerk', organName: '甲区审计肓局' })
		).rejects.toThrow(/不在本区名册中/);
		expect(organs.findByName('甲区审计肓局')).toBeUndefined();
	});
});

import { afterAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../tests/helpers/temp-db';

const tmp = useTempDatabase();
const { closeDb, openDatabase } = await import('../db');
const rl = await import('./rate-limit');

afterAll(() => {
	closeDb();
	tmp.cleanup();
});

describe('login rate limit', () => {
	it('blocks after MAX_FAILURES failures within the window, per username', () => {
		const t0 = 1_700_000_000_000;
		for (let i = 0; i < rl.MAX_FAILURES - 1; i++) rl.recordFailure('Bob', t0 + i);
		expect(rl.blockedUntil('bob', t0 + 10)).toBeNull();
		rl.recordFailure('bob', t0 + 20);
		expect(rl.blockedUntil('bob', t0 + 30)).toBe(t0 + rl.WINDOW_MS);
		expect(rl.blockedUntil('carol', t0 + 30)).toBeNull();
	});

	it('lets the user try again once the window has passed', () => {
		const t0 = 1_700_000_000_000;
		expect(rl.blockedUntil('bob', t0 + rl.WINDOW_MS + 1)).toBeNull();
	});

	it('survives a restart: the failures are in the database file', () => {
		const t0 = Date.now();
		for (let i = 0; i < rl.MAX_FAILURES; i++) rl.recordFailure('dave', t0);
		closeDb(); // "restart": a new connection to the same file
		const again = openDatabase(tmp.url);
		const n = again.$client.prepare("select count(*) n from login_failure where username='dave'").get() as { n: number };
		again.$client.close();
		expect(n.n).toBe(rl.MAX_FAILURES);
		expect(rl.blockedUntil('dave', t0 + 1)).not.toBeNull();
	});

	it('a successful login clears the count', () => {
		rl.clearFailures('dave');
		expect(rl.blockedUntil('dave')).toBeNull();
	});
});

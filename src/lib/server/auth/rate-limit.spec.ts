import { afterAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../tests/helpers/temp-db';

const tmp = useTempDatabase();
const { closeDb, getDb, openDatabase } = await import('../db');
const rl = await import('./rate-limit');
const { hashPassword, verifyPassword } = await import('./password');

afterAll(() => {
	closeDb();
	tmp.cleanup();
});

const A = '203.0.113.7';
const B = '198.51.100.9';

describe('login rate limit', () => {
	it('blocks after MAX_FAILURES failures within the window, per (username, address)', () => {
		const t0 = 1_700_000_000_000;
		for (let i = 0; i < rl.MAX_FAILURES - 1; i++) rl.recordFailure('Bob', A, t0 + i);
		expect(rl.blockedUntil('bob', A, t0 + 10)).toBeNull();
		rl.recordFailure('bob', A, t0 + 20);
		// the lock lifts when the oldest of the last MAX_FAILURES leaves the window
		expect(rl.blockedUntil('bob', A, t0 + 30)).toBe(t0 + rl.WINDOW_MS);
		expect(rl.blockedUntil('carol', A, t0 + 30)).toBeNull();
		// lockout abuse: failures from A do not lock bob out of B
		expect(rl.blockedUntil('bob', B, t0 + 30)).toBeNull();
		expect(rl.locksOf('bob', t0 + 30)).toEqual([{ address: A, failures: rl.MAX_FAILURES, until: t0 + rl.WINDOW_MS }]);
	});

	it('lets the user try again once the window has passed', () => {
		const t0 = 1_700_000_000_000;
		expect(rl.blockedUntil('bob', A, t0 + rl.WINDOW_MS + 1)).toBeNull();
	});

	it('limits one address across usernames (one password tried across all users)', () => {
		const t0 = 1_710_000_000_000;
		const max = rl.maxAddressFailures();
		for (let i = 0; i < max; i++) {
			const a = rl.beginAttempt(`user${i}`, B, t0 + i);
			expect('attempt' in a, `attempt ${i}`).toBe(true);
		}
		const blocked = rl.beginAttempt('someone-else', B, t0 + max);
		expect(blocked).toEqual({ blockedUntil: t0 + rl.WINDOW_MS });
		// another address is unaffected, and an admin can lift the address lock
		expect('attempt' in rl.beginAttempt('someone-else', A, t0 + max)).toBe(true);
		expect(rl.unlockAddress(B)).toBe(max);
		expect(rl.blockedUntil('someone-else', B, t0 + max)).toBeNull();
	});

	it('survives a restart: the failures are in the database file', () => {
		const t0 = Date.now();
		for (let i = 0; i < rl.MAX_FAILURES; i++) rl.recordFailure('dave', A, t0);
		closeDb(); // "restart": a new connection to the same file
		const again = openDatabase(tmp.url);
		const n = again.$client.prepare("select count(*) n from login_failure where username='dave'").get() as {
			n: number;
		};
		again.$client.close();
		expect(n.n).toBe(rl.MAX_FAILURES);
		expect(rl.blockedUntil('dave', A, t0 + 1)).not.toBeNull();
	});

	it('an admin unlock clears the username from every address', () => {
		rl.recordFailure('dave', B);
		expect(rl.unlockUser('DAVE')).toBe(rl.MAX_FAILURES + 1);
		expect(rl.blockedUntil('dave', A)).toBeNull();
		expect(rl.locksOf('dave')).toEqual([]);
	});

	it('a successful attempt is no failure and forgives only its own address', () => {
		const t0 = Date.now();
		for (let i = 0; i < 3; i++) rl.recordFailure('erin', A, t0);
		rl.recordFailure('erin', B, t0);
		const a = rl.beginAttempt('erin', A, t0 + 1);
		if (!('attempt' in a)) throw new Error('blocked');
		rl.attemptSucceeded(a.attempt, 'erin', A);
		const rows = getDb().$client.prepare("select address from login_failure where username='erin'").all();
		expect(rows).toEqual([{ address: B }]);
	});

	it('parallel wrong guesses: the check and the count are one step, so only MAX_FAILURES reach the hash', async () => {
		const passwordHash = await hashPassword('the-right-one');
		let hashed = 0;
		// 40 guesses in flight at once, each awaiting the real argon2 verify as the login action does
		const outcomes = await Promise.all(
			Array.from({ length: 40 }, async (_, i) => {
				const a = rl.beginAttempt('frank', A);
				if ('blockedUntil' in a) return 429;
				hashed++;
				const ok = await verifyPassword(passwordHash, `wrong-${i}`);
				return ok ? 200 : 400;
			})
		);
		expect(hashed).toBe(rl.MAX_FAILURES);
		expect(outcomes.filter((s) => s === 429)).toHaveLength(40 - rl.MAX_FAILURES);
	});

	it('stores a cut, lower-cased username, never the megabytes sent', () => {
		rl.recordFailure('X'.repeat(5_000_000), 'a'.repeat(1000));
		const row = getDb()
			.$client.prepare('select length(username) u, length(address) a from login_failure order by id desc limit 1')
			.get();
		expect(row).toEqual({ u: rl.MAX_USERNAME_CHARS, a: 64 });
	});
});

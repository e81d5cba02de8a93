// Failed logins, kept in SQLite so a restart does not reset the count. Two limits:
// - per (username, client address): MAX_FAILURES in WINDOW_MS locks that name from that address only, so a stranger
//   cannot lock the admin out of the admin's own desk;
// - per client address: MAX_ADDRESS_FAILURES in WINDOW_MS stops one password being tried across every user.
// An attempt is recorded as a failure in the same synchronous step that checks the limits, before the password hash
// is awaited, and removed again if the password was right: parallel guesses cannot all pass the check.
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
/** Failures from one address across all usernames (LOGIN_MAX_ADDRESS_FAILURES, default 30). */
export function maxAddressFailures(): number {
	const n = Number(process.env.LOGIN_MAX_ADDRESS_FAILURES);
	return Number.isInteger(n) && n > 0 ? n : 30;
}
/** The longest username the app creates; a longer one is cut before it is counted or stored. */
export const MAX_USERNAME_CHARS = 64;
const MAX_ADDRESS_CHARS = 64;

export function usernameKey(username: string): string {
	return username.trim().toLowerCase().slice(0, MAX_USERNAME_CHARS);
}
function addressKey(address: string): string {
	return address.slice(0, MAX_ADDRESS_CHARS);
}

const lf = table.loginFailure;

/** When the `limit`-th most recent failure matching `where` leaves the window, or null below the limit. */
function untilAfter(where: ReturnType<typeof and>, limit: number, now: number): number | null {
	const row = getDb()
		.select({ at: lf.at })
		.from(lf)
		.where(and(where, gte(lf.at, now - WINDOW_MS)))
		.orderBy(desc(lf.at))
		.limit(1)
		.offset(limit - 1)
		.get();
	return row ? row.at + WINDOW_MS : null;
}

/** null when a login may be tried; otherwise the time (ms) at which the next try is allowed. */
export function blockedUntil(username: string, address = '', now = Date.now()): number | null {
	const user = untilAfter(
		and(eq(lf.username, usernameKey(username)), eq(lf.address, addressKey(address))),
		MAX_FAILURES,
		now
	);
	const addr = address ? untilAfter(eq(lf.address, addressKey(address)), maxAddressFailures(), now) : null;
	if (user === null && addr === null) return null;
	return Math.max(user ?? 0, addr ?? 0);
}

export function recordFailure(username: string, address = '', now = Date.now()): number {
	const db = getDb();
	const row = db
		.insert(lf)
		.values({ username: usernameKey(username), address: addressKey(address), at: now })
		.returning({ id: lf.id })
		.get();
	// Old rows are of no use to the window: drop them as we go.
	db.delete(lf)
		.where(lt(lf.at, now - WINDOW_MS))
		.run();
	return row.id;
}

export type Attempt = { blockedUntil: number } | { attempt: number };

/**
 * Checks both limits and, when not blocked, records this attempt as a failure, in one synchronous transaction (no
 * await between check and write). Call `attemptSucceeded` when the password proves right.
 */
export function beginAttempt(username: string, address = '', now = Date.now()): Attempt {
	return getDb().transaction(
		() => {
			const until = blockedUntil(username, address, now);
			if (until !== null) return { blockedUntil: until };
			return { attempt: recordFailure(username, address, now) };
		},
		{ behavior: 'immediate' }
	);
}

/** The password was right: this attempt was no failure, and the earlier ones from this address are forgiven. */
export function attemptSucceeded(attempt: number, username: string, address = ''): void {
	const db = getDb();
	db.delete(lf).where(eq(lf.id, attempt)).run();
	clearFailures(username, address);
}

/** Forgets the failures of a username from one address, or (address undefined) from every address. */
export function clearFailures(username: string, address?: string): void {
	const u = eq(lf.username, usernameKey(username));
	getDb()
		.delete(lf)
		.where(address === undefined ? u : and(u, eq(lf.address, addressKey(address))))
		.run();
}

export interface Lock {
	address: string;
	failures: number;
	/** When the lock lifts by itself (ms). */
	until: number;
}

/** The addresses from which this username is locked now (for the user admin page, issue 12). */
export function locksOf(username: string, now = Date.now()): Lock[] {
	const rows = getDb()
		.select({ address: lf.address, failures: count() })
		.from(lf)
		.where(and(eq(lf.username, usernameKey(username)), gte(lf.at, now - WINDOW_MS)))
		.groupBy(lf.address)
		.having(sql`count(*) >= ${MAX_FAILURES}`)
		.all();
	return rows.map((r) => ({ ...r, until: blockedUntil(username, r.address, now) ?? now }));
}

/** An admin's unlock: the username may be tried again from every address. Returns the failures forgotten. */
export function unlockUser(username: string): number {
	return getDb()
		.delete(lf)
		.where(eq(lf.username, usernameKey(username)))
		.run().changes;
}

/** An admin's unlock of a client address (all usernames). */
export function unlockAddress(address: string): number {
	return getDb()
		.delete(lf)
		.where(eq(lf.address, addressKey(address)))
		.run().changes;
}

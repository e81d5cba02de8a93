// Failed logins per username, kept in SQLite so a restart does not reset the count.
import { and, eq, gte, lt, count, min } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

function key(username: string): string {
	return username.trim().toLowerCase();
}

/** null when a login may be tried; otherwise the time (ms) at which the next try is allowed. */
export function blockedUntil(username: string, now = Date.now()): number | null {
	const row = getDb()
		.select({ n: count(), first: min(table.loginFailure.at) })
		.from(table.loginFailure)
		.where(and(eq(table.loginFailure.username, key(username)), gte(table.loginFailure.at, now - WINDOW_MS)))
		.get();
	if (!row || row.n < MAX_FAILURES || row.first === null) return null;
	return row.first + WINDOW_MS;
}

export function recordFailure(username: string, now = Date.now()): void {
	const db = getDb();
	db.insert(table.loginFailure).values({ username: key(username), at: now }).run();
	// Old rows are of no use to the window: drop them as we go.
	db.delete(table.loginFailure).where(lt(table.loginFailure.at, now - WINDOW_MS)).run();
}

export function clearFailures(username: string): void {
	getDb().delete(table.loginFailure).where(eq(table.loginFailure.username, key(username))).run();
}

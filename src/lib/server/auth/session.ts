// Sessions as the Lucia guide teaches: a random token in an httpOnly cookie, only its sha256 in the database,
// 30-day expiry that slides forward when less than half is left.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lte } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import type { Role } from '../../auth/permissions';

export const SESSION_COOKIE = 'dw_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL = 30 * DAY;

export interface SessionUser {
	id: string;
	username: string;
	displayName: string | null;
	role: Role;
	organId: number | null;
}
export interface Session {
	id: string;
	userId: string;
	expiresAt: number;
}

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(token: string, userId: string, now = Date.now()): Session {
	const session: Session = { id: sessionIdOf(token), userId, expiresAt: now + SESSION_TTL };
	const db = getDb();
	db.insert(table.session).values(session).run();
	// Expired sessions nobody presents again would stay forever: each login sweeps them.
	db.delete(table.session).where(lte(table.session.expiresAt, now)).run();
	return session;
}

export function validateSessionToken(
	token: string,
	now = Date.now()
): { session: Session; user: SessionUser } | { session: null; user: null } {
	const db = getDb();
	const id = sessionIdOf(token);
	const row = db
		.select({
			session: table.session,
			user: {
				id: table.user.id,
				username: table.user.username,
				displayName: table.user.displayName,
				role: table.user.role,
				organId: table.user.organId
			}
		})
		.from(table.session)
		.innerJoin(table.user, eq(table.session.userId, table.user.id))
		.where(and(eq(table.session.id, id), eq(table.user.disabled, false)))
		.get();
	if (!row) return { session: null, user: null };
	const session = { ...row.session };
	if (now >= session.expiresAt) {
		db.delete(table.session).where(eq(table.session.id, id)).run();
		return { session: null, user: null };
	}
	if (now >= session.expiresAt - SESSION_TTL / 2) {
		session.expiresAt = now + SESSION_TTL;
		db.update(table.session).set({ expiresAt: session.expiresAt }).where(eq(table.session.id, id)).run();
	}
	return { session, user: row.user };
}

export function invalidateSession(sessionId: string): void {
	getDb().delete(table.session).where(eq(table.session.id, sessionId)).run();
}

export function invalidateUserSessions(userId: string): void {
	getDb().delete(table.session).where(eq(table.session.userId, userId)).run();
}

interface CookieJar {
	set(
		name: string,
		value: string,
		opts: { path: string; expires?: Date; httpOnly?: boolean; sameSite?: 'lax' | 'strict'; secure?: boolean }
	): void;
	delete(name: string, opts: { path: string }): void;
}

export function setSessionCookie(cookies: CookieJar, token: string, expiresAt: number, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		expires: new Date(expiresAt),
		httpOnly: true,
		sameSite: 'lax',
		secure
	});
}

export function deleteSessionCookie(cookies: CookieJar): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

import type { Handle, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { startScheduler } from '$lib/server/crawl/scheduler';

// The crawler's schedule lives in the database; the server's one timer starts the due runs (issue 19).
export const init: ServerInit = () => {
	startScheduler();
};

// Resolves who is asking, nothing more: every load, action and endpoint checks the permission itself.
export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = validateSessionToken(token);
	if (session) setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
	else deleteSessionCookie(event.cookies);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

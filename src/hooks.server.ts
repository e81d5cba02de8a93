import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { compress } from '$lib/server/http/compress';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { startScheduler } from '$lib/server/crawl/scheduler';

// The crawler's schedule lives in the database; the server's one timer starts the due runs (issue 19).
export const init: ServerInit = () => {
	startScheduler();
};

// Resolves who is asking, nothing more: every load, action and endpoint checks the permission itself.
const session: Handle = async ({ event, resolve }) => {
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

// Compression first: it sees the final response of every hook after it.
export const handle = sequence(compress, session);

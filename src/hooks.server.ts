import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { compress } from '$lib/server/http/compress';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { guardRoute } from '$lib/server/auth/route-guard';
import { IMPORT_ROUTE, bodyLimitFor, megabytes, readLimited, withBody } from '$lib/server/http/body-limit';
import { withSecurityHeaders } from '$lib/server/http/security-headers';
import { startScheduler } from '$lib/server/crawl/scheduler';
import { sharedParsePool } from '$lib/server/parse-pool';
import { counted } from '$lib/server/requests-in-flight';

// The crawler's schedule lives in the database; the server's one timer starts the due runs (issue 19).
// The parse pool starts its first worker with the server, before any upload waits for one.
export const init: ServerInit = () => {
	startScheduler();
	sharedParsePool()?.warm();
};

function tooLarge(limit: number): Response {
	return new Response(`请求内容超过上限 ${megabytes(limit)}`, {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

// Who is asking, then the permission table by route id (before any load or action), then the body cap of the
// route; every response leaves with the security headers.
const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { session, user } = validateSessionToken(token);
		if (session) setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		else deleteSessionCookie(event.cookies);
		event.locals.user = user;
		event.locals.session = session;
	}

	const refused = guardRoute(event);
	if (refused) {
		// A refusal built here skips SvelteKit's cookie handling: clear a dead session cookie by hand.
		if (token && !event.locals.session)
			refused.headers.append(
				'set-cookie',
				event.cookies.serialize(SESSION_COOKIE, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax' })
			);
		return withSecurityHeaders(refused);
	}

	// The import action counts its (large) upload itself as it streams, and answers with a form message; every
	// other body is read here, capped to its route's limit.
	if (event.request.body && event.route.id !== IMPORT_ROUTE) {
		const limit = bodyLimitFor(event.route.id);
		const body = await readLimited(event.request, limit);
		if (!body) return withSecurityHeaders(tooLarge(limit));
		event.request = withBody(event.request, body);
	}
	return withSecurityHeaders(await resolve(event));
};

// Every request but an upload is counted while it is answered: an import stores its next file only once they are
// (requests-in-flight.ts), so the pages stay quick during a large upload.
const inFlight: Handle = ({ event, resolve }) =>
	event.route.id === IMPORT_ROUTE && event.request.method === 'POST'
		? resolve(event)
		: counted(async () => resolve(event));

// Compression first: it sees the final response of every hook after it.
export const handle = sequence(compress, inFlight, session);

// JSON endpoints answer every outcome as JSON: a refusal thrown by a guard (401, 403, 404) becomes
// `{ "message": … }` with its status, whatever the client's Accept header says (SvelteKit would send an HTML
// error page to a browser).
import { isHttpError, isRedirect, json } from '@sveltejs/kit';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function apiRoute<H extends (event: any) => Response | Promise<Response>>(handler: H): H {
	return (async (event: Parameters<H>[0]) => {
		try {
			return await handler(event);
		} catch (e) {
			if (isHttpError(e)) return json({ message: e.body.message }, { status: e.status });
			// A guard that redirects (to the login page) means "not signed in" here.
			if (isRedirect(e)) return json({ message: '未登录或登录已过期' }, { status: 401 });
			throw e;
		}
	}) as H;
}

// Plain HTTP against the e2e server (no browser): what an attacker's script, not a page, would send.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';

export const base = () => inject('baseURL');

export interface Answer {
	status: number;
	location: string | null;
	headers: Headers;
	body: string;
	ms: number;
}

/** One request, redirects not followed; `form` is sent url-encoded with the same-origin header SvelteKit wants. */
export async function http(
	path: string,
	opts: {
		cookie?: string;
		method?: string;
		form?: Record<string, string>;
		headers?: Record<string, string>;
		body?: BodyInit;
	} = {}
): Promise<Answer> {
	const headers: Record<string, string> = { accept: 'text/html', ...(opts.headers ?? {}) };
	if (opts.cookie) headers.cookie = opts.cookie;
	let body = opts.body;
	if (opts.form) {
		body = new URLSearchParams(opts.form).toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	if ((opts.method ?? 'GET') !== 'GET') headers.origin ??= base();
	const t0 = performance.now();
	const send = () =>
		fetch(base() + path, {
			method: opts.method ?? 'GET',
			headers,
			body,
			redirect: 'manual',
			duplex: 'half'
		} as RequestInit);
	let r: Response;
	try {
		r = await send();
	} catch (e) {
		// After a test whose oversized body the server cut off, fetch may pick a pooled keep-alive socket that is
		// already gone: a request whose body can be sent again goes once more on a new socket (a stream cannot).
		if (body instanceof ReadableStream) throw e;
		r = await send();
	}
	const text = await r.text();
	return {
		status: r.status,
		location: r.headers.get('location'),
		headers: r.headers,
		body: text,
		ms: performance.now() - t0
	};
}

/** Logs in with the login form and returns the session cookie ("dw_session=…"). */
export async function loginCookie(username: string, password: string): Promise<string> {
	const r = await http('/login', { method: 'POST', form: { username, password } });
	const set = r.headers.getSetCookie().find((c) => c.startsWith('dw_session='));
	if (r.status !== 303 || !set) throw new Error(`login as ${username} failed: ${r.status} ${r.body.slice(0, 200)}`);
	return set.split(';')[0];
}

/** The session cookie of a demo role, from the login saved in global setup. */
export function demoCookie(role: 'admin' | 'leader' | 'inspector' | 'clerk'): string {
	const state = JSON.parse(readFileSync(inject('storageStates')[role], 'utf8')) as {
		cookies: { name: string; value: string }[];
	};
	const c = state.cookies.find((x) => x.name === 'dw_session');
	if (!c) throw new Error(`no saved session for ${role}`);
	return `dw_session=${c.value}`;
}

/** Adds a user through the admin page's form (the real code path) and returns its session cookie. A clerk's organ
 * is a roster organ's id, as the page's select sends it. */
export async function freshUser(username: string, role: string, organId = ''): Promise<string> {
	const password = `${username}-pass-1`;
	const r = await http('/admin/users?/add', {
		method: 'POST',
		cookie: demoCookie('admin'),
		form: { username, password, role, organId }
	});
	if (r.status !== 200 && !r.body.includes('已存在')) throw new Error(`adding ${username} failed: ${r.status}`);
	return loginCookie(username, password);
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function rssOf(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb * 1024;
}

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as users from '$lib/server/users';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { blockedUntil, clearFailures, recordFailure } from '$lib/server/auth/rate-limit';
import { safeRedirect } from '$lib/server/auth/redirect';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return {};
};

function retryMessage(until: number): string {
	const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60000));
	const at = new Date(until).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
	return `登录失败次数过多，请在 ${minutes} 分钟后（${at} 以后）再试`;
}

export const actions: Actions = {
	default: async ({ request, cookies, url, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!username || !password) return fail(400, { username, message: '请输入用户名和密码' });

		const until = blockedUntil(username);
		if (until !== null) {
			setHeaders({ 'retry-after': String(Math.ceil((until - Date.now()) / 1000)) });
			return fail(429, { username, message: retryMessage(until) });
		}
		const found = users.byUsername(username);
		const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
		if (!found || !ok) {
			recordFailure(username);
			return fail(400, { username, message: '用户名或密码错误' });
		}
		clearFailures(username);
		if (found.disabled) return fail(403, { username, message: '该账号已停用，请联系系统管理员' });
		users.recordLogin(found.id);
		const token = generateSessionToken();
		const session = createSession(token, found.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
};


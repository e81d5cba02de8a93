import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as users from '$lib/server/users';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import {
	attemptSucceeded,
	beginAttempt,
	blockedUntil,
	MAX_USERNAME_CHARS,
	usernameKey
} from '$lib/server/auth/rate-limit';
import { audit } from '$lib/server/audit';
import { pruneAudit } from '$lib/server/audit-query';
import { safeRedirect } from '$lib/server/auth/redirect';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return {};
};

function retryMessage(until: number): string {
	const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60000));
	const at = new Date(until).toLocaleTimeString('zh-CN', {
		hour: '2-digit',
		minute: '2-digit',
		hour12: false,
		timeZone: 'Asia/Shanghai'
	});
	return `登录失败次数过多，请在 ${minutes} 分钟后（${at} 以后）再试`;
}

/** Longer than any password the app accepts (passwordProblem): such a field is refused before argon2 sees it. */
const MAX_PASSWORD_CHARS = 128;

export const actions: Actions = {
	// The body of this form is capped in hooks.server.ts (BODY_LIMITS): an anonymous request cannot fill memory.
	default: async ({ request, cookies, url, setHeaders, getClientAddress, locals }) => {
		const form = await request.formData();
		const rawName = form.get('username');
		const rawPassword = form.get('password');
		const username = typeof rawName === 'string' ? rawName.trim() : '';
		const password = typeof rawPassword === 'string' ? rawPassword : '';
		if (username.length > MAX_USERNAME_CHARS || password.length > MAX_PASSWORD_CHARS)
			return fail(400, { username: username.slice(0, MAX_USERNAME_CHARS), message: '用户名或密码过长' });
		if (!username || !password) return fail(400, { username, message: '请输入用户名和密码' });

		// Checked and counted before the hash is awaited: parallel guesses see each other's attempts.
		const address = getClientAddress();
		const attempt = beginAttempt(username, address);
		if ('blockedUntil' in attempt) {
			setHeaders({ 'retry-after': String(Math.max(1, Math.ceil((attempt.blockedUntil - Date.now()) / 1000))) });
			return fail(429, { username, message: retryMessage(attempt.blockedUntil) });
		}
		const found = users.byUsername(username);
		const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
		if (!found || !ok) {
			// Logged once per failure (the limits bound how many), and once more when it locks the name here.
			audit(found?.id ?? null, 'auth.login_failed', { username: usernameKey(username), address });
			const until = blockedUntil(username, address);
			if (until !== null) audit(found?.id ?? null, 'auth.lockout', { username: usernameKey(username), address, until });
			return fail(400, { username, message: '用户名或密码错误' });
		}
		if (found.disabled) return fail(403, { username, message: '该账号已停用，请联系系统管理员' });
		attemptSucceeded(attempt.attempt, username, address);
		audit(found.id, 'auth.login', { address });
		pruneAudit(); // the retention period, applied as people log in
		users.recordLogin(found.id);
		// No fixation: whatever session this browser had ends, and the login gets a new random token.
		if (locals.session) invalidateSession(locals.session.id);
		const token = generateSessionToken();
		const session = createSession(token, found.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
};

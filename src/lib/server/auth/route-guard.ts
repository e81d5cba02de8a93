// The permission table as the first guard: hooks.server.ts asks it about every request by its route id, before any
// load, action or endpoint runs. A route without a rule is closed. The loads and actions still call
// requirePermission / requireOrganAccess (for the action's own permission and the per-organ narrowing).
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { actionOf, canOpenRoute, canRunAction, ruleFor } from '../../auth/permissions';

const FORBIDDEN = '您没有权限访问此页面';
const NO_RULE = '此页面尚未配置访问权限';
const SIGNED_OUT = '未登录或登录已过期';

function wantsJson(event: RequestEvent): boolean {
	const accept = event.request.headers.get('accept') ?? '';
	return (
		event.route.id?.startsWith('/api/') === true ||
		(accept.includes('application/json') && !accept.includes('text/html'))
	);
}

/** Requests SvelteKit's client makes for itself (data loads, enhanced forms): it must see its own formats. */
function isClientRequest(event: RequestEvent): boolean {
	return event.isDataRequest || event.request.headers.get('x-sveltekit-action') === 'true';
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The same words as src/routes/+error.svelte, without running any of the app's loads. */
export function errorPage(status: number, title: string, message: string): Response {
	const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} · 政务公开年报督查平台</title></head><body><main class="error-page" style="max-width:36rem;margin:4rem auto;font-family:sans-serif"><h1>${status} · ${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></main></body></html>`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** null when the request may go on; otherwise the refusal (or it throws one SvelteKit formats for its client). */
export function guardRoute(event: RequestEvent): Response | null {
	const routeId = event.route.id;
	if (routeId === null) return null; // no such route: SvelteKit answers 404
	const role = event.locals.user?.role ?? null;
	const allowed =
		event.request.method === 'POST'
			? canRunAction(role, routeId, actionOf(event.url.search))
			: canOpenRoute(role, routeId);
	if (allowed) return null;
	const rule = ruleFor(routeId);
	if (rule !== undefined && rule !== 'public' && !role) {
		if (wantsJson(event)) return Response.json({ message: SIGNED_OUT }, { status: 401 });
		const location = `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		if (isClientRequest(event)) redirect(303, location);
		return new Response(null, { status: 303, headers: { location } });
	}
	const message = rule === undefined ? NO_RULE : FORBIDDEN;
	if (isClientRequest(event)) error(403, message);
	if (wantsJson(event)) return Response.json({ message }, { status: 403 });
	return errorPage(403, '无权访问', message);
}

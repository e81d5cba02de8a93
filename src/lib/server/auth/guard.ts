// The guard every protected load, action and endpoint calls first: a layout guard alone does not protect
// actions, endpoints or parallel loads (sveltejs/kit#6315).
import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { can, canViewOrgan, type Permission } from '../../auth/permissions';
import type { SessionUser } from './session';

function loginRedirect(): never {
	const { url } = getRequestEvent();
	redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in user, or a redirect to the login page. */
export function requireUser(): SessionUser {
	const { locals } = getRequestEvent();
	if (!locals.user) loginRedirect();
	return locals.user;
}

/** The signed-in user holding any one of the permissions; 403 otherwise. */
export function requirePermission(...permissions: Permission[]): SessionUser {
	const user = requireUser();
	if (!permissions.some((p) => can(user.role, p))) error(403, '您没有权限访问此页面');
	return user;
}

/** The signed-in user who may see this organ's reports; 403 otherwise. */
export function requireOrganAccess(organId: number): SessionUser {
	const user = requireUser();
	if (!canViewOrgan(user, organId)) error(403, '您只能查看本单位的报告');
	return user;
}

/**
 * For /api endpoints: the signed-in user, or a 401 (no login redirect: tools, not people, call these). Endpoints
 * answer errors as JSON through `apiRoute` (src/lib/server/api.ts).
 */
export function requireApiUser(): SessionUser {
	const { locals } = getRequestEvent();
	if (!locals.user) error(401, '未登录或登录已过期');
	return locals.user;
}

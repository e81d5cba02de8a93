import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiUser, requirePermission } from '$lib/server/auth/guard';
import { apiRoute } from '$lib/server/api';
import { can } from '$lib/auth/permissions';
import { apiOrgans } from '$lib/server/drilldown/api';

/** GET /api/organs: id, name, kind, aliases of every organ the caller may see (a clerk: its own). */
export const GET: RequestHandler = apiRoute(() => {
	requireApiUser();
	const user = requirePermission('reports.view_all', 'reports.view_own');
	const organs = can(user.role, 'reports.view_all')
		? apiOrgans()
		: apiOrgans(user.organId === null ? [] : [user.organId]);
	return json({ organs });
});

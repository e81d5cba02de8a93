import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiUser, requireOrganAccess } from '$lib/server/auth/guard';
import { apiRoute } from '$lib/server/api';
import { apiReport } from '$lib/server/drilldown/api';
import { can } from '$lib/auth/permissions';
import { movedResponse } from '$lib/server/organ-redirect';

/** GET /api/organs/:id/reports/:year: the model as corrected, with its findings (Y1, T1 included), the cross-report findings and corrections. */
export const GET: RequestHandler = apiRoute(({ params }) => {
	const user = requireApiUser();
	const id = Number(params.id);
	const year = Number(params.year);
	if (!Number.isInteger(id) || !Number.isInteger(year)) error(404, '报告不存在');
	const moved = movedResponse(id);
	if (moved) return moved;
	requireOrganAccess(id);
	const body = apiReport(id, year, can(user.role, 'reports.view_all'));
	if (!body) error(404, '报告不存在');
	return json(body);
});

import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { filterOrgans } from '$lib/server/metrics';
import { requestFilter } from '$lib/server/filter';
import { loadDashboard } from '$lib/server/dashboard';
import { filterQuery } from '$lib/charts/filters';
import { parseRankPeriod } from '$lib/charts/rank-period';

export const load: PageServerLoad = ({ url }) => {
	const user = requireUser();
	// A clerk has no district view: its home is its own organ.
	if (!can(user.role, 'dashboard.view') && user.organId !== null) redirect(303, `/organs/${user.organId}`);
	requirePermission('dashboard.view');
	const { filter, available } = requestFilter(url);
	const rank = parseRankPeriod(url.searchParams, filter);
	const { data, headline } = loadDashboard(filter, undefined, rank);
	return { filter, available, rank, query: filterQuery(filter), organs: filterOrgans(), dashboard: data, headline };
};

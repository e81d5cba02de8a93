import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { latestDistrictYear, organIndex } from '$lib/server/drilldown/organ-list';
import { isOrganKind } from '$lib/report/organ';

export const load: PageServerLoad = ({ url }) => {
	const user = requirePermission('reports.view_all', 'reports.view_own');
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const kindParam = url.searchParams.get('kind') ?? '';
	const kind = isOrganKind(kindParam) ? kindParam : '';
	// A clerk sees only its own organ.
	const organIds = can(user.role, 'reports.view_all') ? undefined : [user.organId ?? -1];
	return { q, kind, rows: organIndex({ q, kind: kind || undefined, organIds }), latestYear: latestDistrictYear() };
};

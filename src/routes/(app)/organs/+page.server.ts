import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import {
	hasProblem,
	latestDistrictYear,
	organIndex,
	ORGAN_SORTS,
	sortOrgans,
	type OrganSort
} from '$lib/server/drilldown/organ-list';
import { KIND_FILTER_KINDS, KIND_FILTERS, type KindFilter } from '$lib/charts/filters';

export const load: PageServerLoad = ({ url }) => {
	const user = requirePermission('reports.view_all', 'reports.view_own');
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const kindParam = url.searchParams.get('kind') ?? '';
	// The dashboard's kinds, so a filter means the same on both pages (an old ?kind=street|town reads as 街道、乡镇).
	const kind: KindFilter | '' = (KIND_FILTERS as readonly string[]).includes(kindParam)
		? (kindParam as KindFilter)
		: kindParam === 'street' || kindParam === 'town'
			? 'township'
			: '';
	// A clerk sees only its own organ.
	const organIds = can(user.role, 'reports.view_all') ? undefined : [user.organId ?? -1];
	const sortParam = url.searchParams.get('sort') ?? '';
	const sort: OrganSort = (ORGAN_SORTS as readonly string[]).includes(sortParam) ? (sortParam as OrganSort) : 'name';
	const problems = url.searchParams.get('problems') === '1';
	const all = organIndex({ q, kinds: kind ? KIND_FILTER_KINDS[kind] : undefined, organIds });
	const rows = sortOrgans(problems ? all.filter(hasProblem) : all, sort);
	return { q, kind, sort, problems, total: all.length, rows, latestYear: latestDistrictYear() };
};

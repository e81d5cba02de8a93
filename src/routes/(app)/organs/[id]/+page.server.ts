import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireOrganAccess } from '$lib/server/auth/guard';
import * as organs from '$lib/server/organs';
import { organOverview } from '$lib/server/drilldown/organ-overview';
import { redirectIfMerged } from '$lib/server/organ-redirect';

export const load: PageServerLoad = ({ params }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id)) error(404, '单位不存在');
	redirectIfMerged(id);
	requireOrganAccess(id);
	const organ = organs.get(id);
	if (!organ) error(404, '单位不存在');
	const overview = organOverview(id);
	if (!overview) error(404, '单位不存在');
	return { organ, overview };
};

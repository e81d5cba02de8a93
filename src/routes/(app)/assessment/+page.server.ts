import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { quarterList } from '$lib/server/assessment';
import { can } from '$lib/auth/permissions';

export const load: PageServerLoad = () => {
	const user = requirePermission('assessment.view', 'assessment.view_own');
	return { quarters: quarterList(), mayRubric: can(user.role, 'assessment.view') };
};

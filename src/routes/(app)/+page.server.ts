import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';

export const load: PageServerLoad = () => {
	const user = requireUser();
	// A clerk has no district view: its home is its own organ.
	if (!can(user.role, 'dashboard.view') && user.organId !== null) redirect(303, `/organs/${user.organId}`);
	requirePermission('dashboard.view');
	return {};
};

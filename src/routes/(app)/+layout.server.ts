import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { navFor } from '$lib/auth/permissions';

// For the chrome only (name, role, navigation): each page and action below checks its own permission.
export const load: LayoutServerLoad = () => {
	const user = requireUser();
	return {
		user: { username: user.username, displayName: user.displayName, role: user.role, organId: user.organId },
		nav: navFor(user.role, user.organId)
	};
};

import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { navFor } from '$lib/auth/permissions';
import { unreadCount } from '$lib/server/inbox/items';

// For the chrome only (name, role, navigation): each page and action below checks its own permission.
export const load: LayoutServerLoad = ({ url }) => {
	const user = requireUser();
	// Read the path so the count is fresh after every navigation, not only after a form action.
	void url.pathname;
	return {
		inboxUnread: unreadCount(user),
		user: { username: user.username, displayName: user.displayName, role: user.role, organId: user.organId },
		nav: navFor(user.role, user.organId)
	};
};

import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie, invalidateUserSessions } from '$lib/server/auth/session';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		// Logging out ends every session of the user (a forgotten login on another machine too).
		if (locals.user) {
			invalidateUserSessions(locals.user.id);
			audit(locals.user.id, 'auth.logout', {});
		}
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};

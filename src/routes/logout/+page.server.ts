import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie, invalidateUserSessions } from '$lib/server/auth/session';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		// Logging out ends every session of the user (a forgotten login on another machine too).
		if (locals.user) invalidateUserSessions(locals.user.id);
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as users from '$lib/server/users';
import * as organs from '$lib/server/organs';
import { ROLES } from '$lib/auth/permissions';

export const load: PageServerLoad = () => {
	requirePermission('users.manage');
	return { users: users.list(), organs: organs.list().map((o) => ({ id: o.id, name: o.name })), roles: ROLES };
};

export const actions: Actions = {
	add: async ({ request }) => {
		requirePermission('users.manage');
		const form = await request.formData();
		const fields = {
			username: String(form.get('username') ?? ''),
			role: String(form.get('role') ?? ''),
			organName: String(form.get('organ') ?? '').trim() || null,
			displayName: String(form.get('displayName') ?? '').trim() || null
		};
		try {
			await users.create({ ...fields, password: String(form.get('password') ?? '') });
		} catch (e) {
			if (e instanceof users.UserError) return fail(400, { ...fields, message: e.message });
			throw e;
		}
		return { message: `已添加用户 ${fields.username}` };
	},
	passwd: async ({ request }) => {
		requirePermission('users.manage');
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		try {
			await users.setPassword(username, String(form.get('password') ?? ''));
		} catch (e) {
			if (e instanceof users.UserError) return fail(400, { message: e.message });
			throw e;
		}
		return { message: `已重置 ${username} 的密码` };
	},
	remove: async ({ request, locals }) => {
		const me = requirePermission('users.manage');
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		if (id === me.id || id === locals.user?.id) return fail(400, { message: '不能删除当前登录的账号' });
		users.remove(id);
		return { message: '已删除用户' };
	}
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as users from '$lib/server/users';
import * as organs from '$lib/server/organs';
import { ROLES } from '$lib/auth/permissions';

export const load: PageServerLoad = () => {
	const me = requirePermission('users.manage');
	return {
		users: users.list(),
		organs: organs.rosterList().map((o) => ({ id: o.id, name: o.name })),
		roles: ROLES,
		me: me.id,
		now: Date.now()
	};
};

function organIdOf(form: FormData): number | null {
	const n = Number(form.get('organId'));
	return Number.isInteger(n) && n > 0 ? n : null;
}

/** Runs a user change; a UserError becomes the page's message. */
function attempt(run: () => string) {
	try {
		return { message: run() };
	} catch (e) {
		if (e instanceof users.UserError) return fail(400, { message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	add: async ({ request }) => {
		requirePermission('users.manage');
		const form = await request.formData();
		const fields = {
			username: String(form.get('username') ?? ''),
			role: String(form.get('role') ?? ''),
			organId: organIdOf(form),
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
	disable: async ({ request }) => {
		const me = requirePermission('users.manage');
		const id = String((await request.formData()).get('id') ?? '');
		return attempt(() => (users.setDisabled(id, true, me.id), '已停用该账号，其登录会话已全部结束'));
	},
	enable: async ({ request }) => {
		const me = requirePermission('users.manage');
		const id = String((await request.formData()).get('id') ?? '');
		return attempt(() => (users.setDisabled(id, false, me.id), '已启用该账号'));
	},
	role: async ({ request }) => {
		const me = requirePermission('users.manage');
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		return attempt(
			() => (users.setRole(id, String(form.get('role') ?? ''), organIdOf(form), me.id), '已更改角色，该账号须重新登录')
		);
	},
	unlock: async ({ request }) => {
		const me = requirePermission('users.manage');
		const id = String((await request.formData()).get('id') ?? '');
		return attempt(() => (users.unlock(id, me.id), '已解除锁定'));
	}
};

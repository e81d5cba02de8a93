import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as organs from '$lib/server/organs';
import { isOrganKind } from '$lib/report/organ';

export const load: PageServerLoad = () => {
	requirePermission('organs.manage');
	return { organs: organs.listForAdmin() };
};

function id(form: FormData, key: string): number | null {
	const n = Number(form.get(key));
	return Number.isInteger(n) && n > 0 ? n : null;
}

export const actions: Actions = {
	alias: async ({ request }) => {
		requirePermission('organs.manage');
		const form = await request.formData();
		const organId = id(form, 'organId');
		const alias = String(form.get('alias') ?? '').trim();
		if (!organId || !alias) return fail(400, { message: '请填写别名' });
		try {
			organs.addAlias(organId, alias);
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
		return { message: `已添加别名“${alias}”` };
	},
	unalias: async ({ request }) => {
		requirePermission('organs.manage');
		const aliasId = id(await request.formData(), 'aliasId');
		if (!aliasId) return fail(400, { message: '别名不存在' });
		organs.removeAlias(aliasId);
		return { message: '已删除别名' };
	},
	kind: async ({ request }) => {
		requirePermission('organs.manage');
		const form = await request.formData();
		const organId = id(form, 'organId');
		const kind = String(form.get('kind') ?? '');
		if (!organId || !isOrganKind(kind)) return fail(400, { message: '单位类型无效' });
		organs.setKind(organId, kind);
		return { message: '已更新单位类型，并重新核查了该单位的报告' };
	},
	merge: async ({ request }) => {
		const user = requirePermission('organs.manage');
		const form = await request.formData();
		const from = id(form, 'fromId');
		const into = id(form, 'intoId');
		if (!from || !into) return fail(400, { message: '请选择要合并的两个单位' });
		try {
			const merged = organs.mergeOrgans(from, into, user.id);
			return { message: `已合并到“${merged.name}”，原名称已作为别名保留` };
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
	}
};

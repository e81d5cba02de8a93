import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as organs from '$lib/server/organs';

export const load: PageServerLoad = () => {
	requirePermission('organs.pending');
	return { pending: organs.pending(), roster: organs.rosterList().map((o) => ({ id: o.id, name: o.name })) };
};

function pendingOrgan(form: FormData) {
	const id = Number(form.get('organId'));
	const organ = Number.isInteger(id) ? organs.get(id) : undefined;
	return organ?.status === 'pending' ? organ : undefined;
}

export const actions: Actions = {
	add: async ({ request }) => {
		const user = requirePermission('organs.pending');
		const organ = pendingOrgan(await request.formData());
		if (!organ) return fail(400, { message: '该单位已处理或不存在' });
		organs.setStatus(organ.id, 'district', user.id);
		return { message: `已将“${organ.name}”加入本区名册，其年报计入总览` };
	},
	assign: async ({ request }) => {
		const user = requirePermission('organs.pending');
		const form = await request.formData();
		const organ = pendingOrgan(form);
		if (!organ) return fail(400, { message: '该单位已处理或不存在' });
		const typed = String(form.get('targetName') ?? '').trim();
		const picked = Number(form.get('targetId'));
		const target = typed
			? organs.findByName(typed)
			: Number.isInteger(picked) && picked > 0
				? organs.get(picked)
				: undefined;
		if (!target)
			return fail(400, { message: typed ? `名册中没有“${typed}”` : '请选择要归入的名册单位', organId: organ.id });
		if (target.status !== 'district')
			return fail(400, { message: `“${target.name}”不在本区名册中`, organId: organ.id });
		try {
			const { conflicts } = organs.mergePreview(organ.id, target.id);
			organs.mergeOrgans(organ.id, target.id, user.id);
			const kept = conflicts.length
				? `；${conflicts.map((c) => c.year).join('、')}年度原有报告仍为当前版本，新文件作为历史版本保留`
				: '';
			return { message: `已将“${organ.name}”作为“${target.name}”的别名，其年报归入该单位${kept}` };
		} catch (e) {
			return fail(400, { message: (e as Error).message, organId: organ.id });
		}
	},
	outside: async ({ request }) => {
		const user = requirePermission('organs.pending');
		const organ = pendingOrgan(await request.formData());
		if (!organ) return fail(400, { message: '该单位已处理或不存在' });
		organs.setStatus(organ.id, 'outside', user.id);
		return { message: `已将“${organ.name}”标记为区外单位（年报保留，不计入总览）` };
	}
};

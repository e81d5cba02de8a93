import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as organs from '$lib/server/organs';
import type { MergeChoices } from '$lib/server/organ-merge';

function ids(url: URL): { from: number; into: number } {
	const from = Number(url.searchParams.get('from'));
	const into = Number(url.searchParams.get('into'));
	if (!Number.isInteger(from) || !Number.isInteger(into) || from <= 0 || into <= 0)
		error(400, '请选择要合并的两个单位');
	return { from, into };
}

export const load: PageServerLoad = ({ url }) => {
	requirePermission('organs.manage');
	const { from, into } = ids(url);
	// Just merged (the page reloads after its action): nothing left to preview.
	if (!organs.get(from) && organs.mergedInto(from) !== undefined) return { preview: null };
	try {
		return { preview: organs.mergePreview(from, into) };
	} catch (e) {
		error(400, (e as Error).message);
	}
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const user = requirePermission('organs.manage');
		const { from, into } = ids(url);
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { message: '请勾选确认后再合并' });
		let preview;
		try {
			preview = organs.mergePreview(from, into);
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
		const choices: MergeChoices = {};
		for (const c of preview.conflicts) {
			const v = form.get(`year_${c.year}`);
			if (v !== 'from' && v !== 'into') return fail(400, { message: `请选择 ${c.year} 年度保留哪份报告为当前版本` });
			choices[c.year] = v;
		}
		try {
			const merged = organs.mergeOrgans(from, into, user.id, choices);
			return {
				done: true,
				mergeId: merged.mergeId,
				message: `已将“${preview.from.name}”合并到“${merged.name}”，原名称已作为别名保留`
			};
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
	}
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { rubrics } from '$lib/server/assessment';
import { RubricRefusal } from '$lib/server/assessment/rubrics';

export const load: PageServerLoad = () => {
	const user = requirePermission('assessment.view');
	const latest = rubrics.latest();
	return {
		latest,
		json: JSON.stringify(latest.rubric, null, 2),
		versions: rubrics.list(),
		mayEdit: can(user.role, 'assessment.rubric')
	};
};

export const actions: Actions = {
	save: async ({ request }) => {
		const user = requirePermission('assessment.rubric');
		const form = await request.formData();
		const json = String(form.get('rubric') ?? '');
		const note = String(form.get('note') ?? '').trim() || null;
		let parsed: unknown;
		try {
			parsed = JSON.parse(json);
		} catch (e) {
			return fail(400, { json, message: `细则不是有效的 JSON：${(e as Error).message}` });
		}
		try {
			const version = rubrics.save(parsed as never, user.id, note);
			return { ok: true, message: `已保存为第${version}版：未定稿的季度按新版本重新计分，已定稿的季度不变` };
		} catch (e) {
			if (e instanceof RubricRefusal) return fail(400, { json, message: e.message });
			return fail(400, { json, message: `细则无法使用：${(e as Error).message}` });
		}
	}
};

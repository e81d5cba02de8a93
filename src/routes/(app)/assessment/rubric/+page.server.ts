import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { rubrics } from '$lib/server/assessment';
import { RubricRefusal } from '$lib/server/assessment/rubrics';
import { applyRubricForm, formFields, rubricForm } from '$lib/assessment/rubric-form';

export const load: PageServerLoad = () => {
	const user = requirePermission('assessment.view');
	const latest = rubrics.latest();
	return {
		latest,
		fields: rubricForm(latest.rubric),
		json: JSON.stringify(latest.rubric, null, 2),
		versions: rubrics.list(),
		mayEdit: can(user.role, 'assessment.rubric')
	};
};

/** A save based on an older version than the latest would silently drop the other edit. */
function stale(form: FormData, latest: number): string | null {
	const based = Number(form.get('version'));
	return based && based !== latest ? `细则已被他人保存为第${latest}版，请刷新页面后在新版本上修改` : null;
}

export const actions: Actions = {
	saveForm: async ({ request }) => {
		const user = requirePermission('assessment.rubric');
		const form = await request.formData();
		const latest = rubrics.latest();
		const get = (name: string) => {
			const v = form.get(name);
			return typeof v === 'string' ? v : null;
		};
		const values = Object.fromEntries(formFields(rubricForm(latest.rubric)).map((f) => [f.name, get(f.name) ?? '']));
		const late = stale(form, latest.version);
		if (late) return fail(409, { values, errors: [{ field: '', message: late }] });
		const { rubric, errors } = applyRubricForm(latest.rubric, get);
		if (errors.length) return fail(400, { values, errors });
		const note = String(form.get('note') ?? '').trim() || null;
		try {
			const version = rubrics.save(rubric, user.id, note);
			return { ok: true, message: `已保存为第${version}版：未定稿的季度按新版本重新计分，已定稿的季度不变` };
		} catch (e) {
			if (e instanceof RubricRefusal) return fail(400, { values, errors: [{ field: '', message: e.message }] });
			throw e;
		}
	},
	save: async ({ request }) => {
		const user = requirePermission('assessment.rubric');
		const form = await request.formData();
		const json = String(form.get('rubric') ?? '');
		const note = String(form.get('note') ?? '').trim() || null;
		const late = stale(form, rubrics.latest().version);
		if (late) return fail(409, { json, message: late });
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

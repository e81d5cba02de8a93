import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can, canViewAssessmentOf } from '$lib/auth/permissions';
import { parseQuarter } from '$lib/assessment/quarter';
import { entries, organPage, rectifications, rubrics } from '$lib/server/assessment';
import { EntryRefusal } from '$lib/server/assessment/entries';
import { RectificationRefusal } from '$lib/server/assessment/rectifications';
import * as organs from '$lib/server/organs';

function target(params: { quarter: string; organId: string }) {
	const quarter = parseQuarter(params.quarter);
	const organId = Number(params.organId);
	if (!quarter || !Number.isInteger(organId)) error(404, '考核期或单位不存在');
	return { quarter, organId };
}

export const load: PageServerLoad = ({ params }) => {
	const user = requirePermission('assessment.view', 'assessment.view_own');
	const { quarter, organId } = target(params);
	if (!canViewAssessmentOf(user, organId)) error(403, '您只能查看本单位的考核情况');
	const data = organPage(quarter, organId);
	if (!data) error(404, organs.get(organId) ? `该单位不在${params.quarter}的考核名单中` : '单位不存在');
	return {
		...data,
		organId,
		may: {
			produce: can(user.role, 'assessment.produce'),
			answer: can(user.role, 'assessment.answer_own') && user.organId === organId
		}
	};
};

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

/** An uploaded file from the form, or null when none was chosen. */
async function upload(form: FormData): Promise<{ name: string; bytes: Uint8Array } | null> {
	const f = form.get('file');
	if (!(f instanceof File) || !f.name || f.size === 0) return null;
	return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

function refused(action: string, e: unknown, extra: Record<string, unknown> = {}) {
	if (e instanceof EntryRefusal || e instanceof RectificationRefusal)
		return fail(400, { action, message: e.message, ...extra });
	throw e;
}

/** A rectification of this page's organ and quarter, or 404. */
function rectificationOf(params: { quarter: string; organId: string }, id: number) {
	const { organId } = target(params);
	const r = rectifications.get(id);
	if (!r || r.organId !== organId) error(404, '整改要求不存在');
	return r;
}

export const actions: Actions = {
	entry: async ({ params, request }) => {
		const user = requirePermission('assessment.produce');
		const { quarter, organId } = target(params);
		const form = await request.formData();
		const fields = {
			indicatorId: text(form, 'indicator'),
			points: text(form, 'points'),
			reason: text(form, 'reason'),
			note: text(form, 'note')
		};
		try {
			entries.add(
				quarter,
				rubrics.latest().rubric,
				{
					organId,
					indicatorId: fields.indicatorId,
					points: Number(fields.points),
					reason: fields.reason,
					note: fields.note,
					veto: form.get('veto') === 'on',
					file: await upload(form)
				},
				user.id
			);
			return { action: 'entry', ok: true, message: fields.indicatorId === 'bonus' ? '已录入加分' : '已录入扣分' };
		} catch (e) {
			return refused('entry', e, fields);
		}
	},
	removeEntry: async ({ params, request }) => {
		const user = requirePermission('assessment.produce');
		const { quarter } = target(params);
		const form = await request.formData();
		try {
			entries.remove(quarter, Number(text(form, 'id')), user.id);
			return { action: 'removeEntry', ok: true, message: '已删除录入' };
		} catch (e) {
			return refused('removeEntry', e);
		}
	},
	request: async ({ params, request }) => {
		const user = requirePermission('assessment.produce');
		const { organId } = target(params);
		const form = await request.formData();
		try {
			rectifications.request(
				{
					quarter: params.quarter.toUpperCase(),
					organId,
					itemKey: text(form, 'item'),
					indicatorId: text(form, 'indicator'),
					problem: text(form, 'problem'),
					request: text(form, 'request'),
					deadline: text(form, 'deadline')
				},
				user.id
			);
			return { action: 'request', ok: true, message: '已下发整改要求' };
		} catch (e) {
			return refused('request', e, { item: text(form, 'item') });
		}
	},
	answer: async ({ params, request }) => {
		const user = requirePermission('assessment.answer_own');
		const form = await request.formData();
		const r = rectificationOf(params, Number(text(form, 'id')));
		if (user.organId !== r.organId) error(403, '只能答复本单位的整改要求');
		try {
			rectifications.answer(r.id, text(form, 'text'), { id: user.id, organId: user.organId }, await upload(form));
			return { action: 'answer', ok: true, message: '已提交整改情况' };
		} catch (e) {
			return refused('answer', e);
		}
	},
	review: async ({ params, request }) => {
		const user = requirePermission('assessment.produce');
		const form = await request.formData();
		const r = rectificationOf(params, Number(text(form, 'id')));
		const verdict = text(form, 'verdict') === 'reject' ? 'reject' : 'accept';
		try {
			rectifications.review(r.id, verdict, text(form, 'text'), user.id);
			return { action: 'review', ok: true, message: verdict === 'accept' ? '整改已通过' : '整改已退回' };
		} catch (e) {
			return refused('review', e);
		}
	}
};

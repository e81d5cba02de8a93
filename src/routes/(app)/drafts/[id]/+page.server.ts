import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { deleteDraft, getDraft, promoteDraft, recheckDraft } from '$lib/server/drafts/store';
import { ActionError } from '$lib/server/corrections';
import { templateTables } from '$lib/server/drilldown/report-page';

function draftId(params: { id: string }): number {
	const id = Number(params.id);
	if (!Number.isInteger(id)) error(404, '草稿不存在');
	return id;
}

function refused(action: string, e: unknown) {
	if (e instanceof ActionError) return fail(e.status, { action, message: e.message });
	throw e;
}

export const load: PageServerLoad = ({ params }) => {
	const user = requirePermission('drafts.check');
	let draft;
	try {
		draft = getDraft(draftId(params), user);
	} catch (e) {
		if (e instanceof ActionError) error(e.status, e.message);
		throw e;
	}
	return {
		draft,
		tables: templateTables(draft.model),
		mayPromote: can(user.role, 'reports.import') || can(user.role, 'reports.import_own')
	};
};

export const actions: Actions = {
	recheck: async ({ params }) => {
		const user = requirePermission('drafts.check');
		try {
			await recheckDraft(draftId(params), user);
			return { action: 'recheck', ok: true, message: '已按当前数据重新检查' };
		} catch (e) {
			return refused('recheck', e);
		}
	},
	delete: async ({ params }) => {
		const user = requirePermission('drafts.check');
		try {
			deleteDraft(draftId(params), user);
		} catch (e) {
			return refused('delete', e);
		}
		redirect(303, '/drafts');
	},
	promote: async ({ params, request }) => {
		const user = requirePermission('reports.import', 'reports.import_own');
		requirePermission('drafts.check');
		const form = await request.formData();
		try {
			const r = await promoteDraft(draftId(params), user, form.get('acknowledged') === 'on');
			const what =
				r.status === 'duplicate'
					? '与已导入的文件相同，未改动'
					: r.newRevision
						? '已导入，成为该报告的新版本'
						: '已导入';
			return { action: 'promote', ok: true, message: what, organId: r.organId, year: r.year };
		} catch (e) {
			return refused('promote', e);
		}
	}
};

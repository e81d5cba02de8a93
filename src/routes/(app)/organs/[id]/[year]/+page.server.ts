import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganAccess, requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import * as reports from '$lib/server/reports/read';
import { restoreRevision } from '$lib/server/reports/write';
import { reportPage } from '$lib/server/drilldown/report-page';
import { ActionError, correctFigure, undoCorrection } from '$lib/server/corrections';
import { addAnnotation, deleteAnnotation } from '$lib/server/annotations';
import { redirectIfMerged } from '$lib/server/organ-redirect';
import { recordFiling } from '$lib/server/filings';

function organYear(params: { id: string; year: string }) {
	const id = Number(params.id);
	const year = Number(params.year);
	if (!Number.isInteger(id) || !Number.isInteger(year)) error(404, '报告不存在');
	return { id, year };
}

export const load: PageServerLoad = ({ params }) => {
	const { id, year } = organYear(params);
	redirectIfMerged(id);
	const user = requireOrganAccess(id);
	const page = reportPage(id, year);
	if (!page) error(404, `该单位没有${year}年度的报告`);
	return {
		...page,
		// The other side of a cross-report finding is another organ's report: not for a clerk.
		crossFindings: can(user.role, 'reports.view_all') ? page.crossFindings : [],
		mayReview: can(user.role, 'findings.review'),
		userId: user.id,
		isAdmin: user.role === 'admin',
		may: { correct: can(user.role, 'reports.correct'), annotate: can(user.role, 'reports.annotate') },
		mayList: can(user.role, 'reports.view_all'),
		mayRestore: can(user.role, 'reports.import')
	};
};

/** The report an action addresses, after both guards: the permission, then the organ. */
function target(params: { id: string; year: string }, ...permission: Parameters<typeof requirePermission>) {
	const user = requirePermission(...permission);
	const { id, year } = organYear(params);
	requireOrganAccess(id);
	const report = reports.byOrganYear(id, year);
	if (!report) error(404, '报告不存在');
	return { user, reportId: report.id };
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '');

function refused(action: string, e: unknown, extra: Record<string, unknown> = {}) {
	if (e instanceof ActionError) return fail(e.status, { action, message: e.message, ...extra });
	throw e;
}

export const actions: Actions = {
	correct: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.correct');
		const form = await request.formData();
		const cell = text(form, 'cell');
		try {
			const c = correctFigure(
				{ reportId, cellPath: cell, value: text(form, 'value'), reason: text(form, 'reason') },
				user
			);
			return { action: 'correct', ok: true, cell: c.cellPath, message: `已更正：${c.label}` };
		} catch (e) {
			return refused('correct', e, { cell, value: text(form, 'value'), reason: text(form, 'reason') });
		}
	},
	undo: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.correct');
		const form = await request.formData();
		try {
			const c = undoCorrection(Number(text(form, 'id')), user, reportId);
			return { action: 'undo', ok: true, cell: c.cellPath, message: `已撤销更正：${c.label}` };
		} catch (e) {
			return refused('undo', e);
		}
	},
	annotate: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.annotate');
		const form = await request.formData();
		const cell = text(form, 'cell') || null;
		try {
			const asksAnswer = form.get('asks_answer') === 'on';
			addAnnotation({ reportId, cellPath: cell, note: text(form, 'note'), asksAnswer }, user);
			return {
				action: 'annotate',
				ok: true,
				cell,
				message: asksAnswer ? '已添加批注，并请单位答复（已进入单位待办）' : '已添加批注'
			};
		} catch (e) {
			return refused('annotate', e, { cell, note: text(form, 'note') });
		}
	},
	restore: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.import');
		const form = await request.formData();
		const revisionId = Number(text(form, 'id'));
		if (!reports.history(reportId).some((r) => r.id === revisionId))
			return fail(404, { action: 'restore', message: '该版本不属于此报告' });
		restoreRevision(reportId, revisionId, user.id);
		return { action: 'restore', ok: true, message: '已将所选版本设为当前版本，核查结果已重新计算' };
	},
	filing: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.correct');
		const form = await request.formData();
		const filedOn = text(form, 'filed_on');
		try {
			recordFiling(reportId, { filedOn, note: text(form, 'filing_note') }, user);
			return { action: 'filing', ok: true, message: filedOn.trim() ? '已登记报送记录' : '已清除报送记录' };
		} catch (e) {
			return refused('filing', e, { filedOn, filingNote: text(form, 'filing_note') });
		}
	},
	deleteNote: async ({ params, request }) => {
		const { user, reportId } = target(params, 'reports.annotate');
		const form = await request.formData();
		try {
			deleteAnnotation(Number(text(form, 'id')), user, reportId);
			return { action: 'deleteNote', ok: true, message: '已删除批注' };
		} catch (e) {
			return refused('deleteNote', e);
		}
	}
};

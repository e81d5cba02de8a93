import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { can } from '$lib/auth/permissions';
import { parseQuarter, type Quarter } from '$lib/assessment/quarter';
import { close, quarterPage, QuarterRefusal, reopen } from '$lib/server/assessment';
import { assessmentPanels } from '$lib/charts/assessment';
import { renderPanels, SSR_WIDTH } from '$lib/server/charts-ssr';
import { ORGAN_KINDS } from '$lib/report/organ';

function quarterOf(param: string): Quarter {
	const q = parseQuarter(param);
	if (!q) error(404, `考核期“${param}”无效，应写作 2025Q1`);
	return q;
}

const KINDS = [...ORGAN_KINDS, 'township'];

export const load: PageServerLoad = ({ params, url }) => {
	const user = requirePermission('assessment.view', 'assessment.view_own');
	const quarter = quarterOf(params.quarter);
	const all = can(user.role, 'assessment.view');
	const sp = url.searchParams;
	const kind = KINDS.includes(sp.get('kind') ?? '') ? sp.get('kind')! : '';
	const data = quarterPage(quarter, {
		sort: (sp.get('sort') ?? 'total').slice(0, 40),
		dir: sp.get('dir') === 'asc' ? 'asc' : 'desc',
		kind,
		grade: (sp.get('grade') ?? '').slice(0, 20),
		page: Number(sp.get('page')) || 1,
		organIds: all ? undefined : [user.organId ?? -1]
	});
	return {
		...data,
		// A clerk sees its own row only: the district's charts are not its to see.
		chart: all ? data.chart : null,
		svgs: all ? renderPanels(assessmentPanels(data.chart), SSR_WIDTH) : [],
		query: {
			sort: sp.get('sort') ?? 'total',
			dir: sp.get('dir') === 'asc' ? 'asc' : 'desc',
			kind,
			grade: sp.get('grade') ?? ''
		},
		may: {
			produce: can(user.role, 'assessment.produce'),
			reopen: can(user.role, 'assessment.reopen'),
			export: can(user.role, 'assessment.view') && can(user.role, 'exports.download')
		}
	};
};

export const actions: Actions = {
	close: async ({ params }) => {
		const user = requirePermission('assessment.produce');
		const quarter = quarterOf(params.quarter);
		try {
			close(quarter, user.id);
			return { action: 'close', ok: true, message: '已定稿：分数和证据已冻结' };
		} catch (e) {
			if (e instanceof QuarterRefusal) return fail(400, { action: 'close', message: e.message });
			throw e;
		}
	},
	reopen: async ({ params, request }) => {
		const user = requirePermission('assessment.reopen');
		const quarter = quarterOf(params.quarter);
		const reason = String((await request.formData()).get('reason') ?? '').trim();
		if (!reason) return fail(400, { action: 'reopen', message: '请填写重新开启的理由' });
		try {
			reopen(quarter, user.id, reason);
			return { action: 'reopen', ok: true, message: '已重新开启，按最新细则实时计分' };
		} catch (e) {
			if (e instanceof QuarterRefusal) return fail(400, { action: 'reopen', message: e.message });
			throw e;
		}
	}
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { RULES } from '$lib/report/checks';
import { SEVERITIES, type Severity } from '$lib/report/model';
import * as organs from '$lib/server/organs';
import {
	listFindings,
	refreshTimeDependent,
	reviewFindings,
	ReviewRefusal,
	statusCounts,
	ORGAN_SCOPES,
	type OrganScope,
	type DismissReason,
	type StatusFilter
} from '$lib/server/findings/review';
import { getDb } from '$lib/server/db';

const STATUSES: StatusFilter[] = ['open', 'confirmed', 'dismissed', 'all'];
const REASONS: DismissReason[] = ['as_printed', 'false_positive'];
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export const load: PageServerLoad = ({ url }) => {
	requirePermission('findings.review');
	// X7 (missing reports) depends on today's date, not only on imports.
	refreshTimeDependent();
	const p = url.searchParams;
	const rule = p.get('rule') && p.get('rule')! in RULES ? p.get('rule')! : '';
	const severity = (SEVERITIES as readonly string[]).includes(p.get('severity') ?? '')
		? (p.get('severity') as Severity)
		: '';
	const status = STATUSES.includes(p.get('status') as StatusFilter) ? (p.get('status') as StatusFilter) : 'open';
	const organId = int(p.get('organ'));
	const year = int(p.get('year'));
	const scope: OrganScope = (p.get('scope') ?? '') in ORGAN_SCOPES ? (p.get('scope') as OrganScope) : 'review';
	const { rows, total } = listFindings({
		scope,
		rule: rule || undefined,
		severity: severity || undefined,
		status,
		organId,
		year,
		limit: 500
	});
	const years = (
		getDb().$client.prepare('SELECT DISTINCT year FROM report ORDER BY year DESC').all() as { year: number }[]
	).map((r) => r.year);
	return {
		filter: { rule, severity, status, organId: organId ?? null, year: year ?? null, scope },
		rows,
		total,
		counts: statusCounts(year, scope),
		scopes: Object.entries(ORGAN_SCOPES).map(([value, s]) => ({ value, label: s.label })),
		organs: organs.list().map((o) => ({ id: o.id, name: o.name })),
		years,
		rules: Object.values(RULES).map((r) => ({ id: r.id, name: r.name }))
	};
};

export const actions: Actions = {
	review: async ({ request }) => {
		const user = requirePermission('findings.review');
		const form = await request.formData();
		const keys = form.getAll('key').map(String);
		const status = String(form.get('status') ?? '');
		const reason = String(form.get('reason') ?? '');
		const note = String(form.get('note') ?? '');
		if (status !== 'confirmed' && status !== 'dismissed' && status !== 'open')
			return fail(400, { error: '请选择“确认”“排除”或“重新打开”', note });
		try {
			const n = reviewFindings(
				{ keys, status, reason: REASONS.includes(reason as DismissReason) ? (reason as DismissReason) : null, note },
				user.id
			);
			return { done: n, status };
		} catch (e) {
			if (e instanceof ReviewRefusal) return fail(400, { error: e.message, note });
			throw e;
		}
	}
};

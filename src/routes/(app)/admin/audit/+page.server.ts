import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import {
	AuditFilterError,
	auditActions,
	parseAuditFilter,
	queryAudit,
	retentionDays,
	shanghaiTime
} from '$lib/server/audit-query';

const SHOWN = 200;

export const load: PageServerLoad = ({ url }) => {
	requirePermission('audit.view');
	let filter;
	try {
		filter = parseAuditFilter(url.searchParams);
	} catch (e) {
		if (e instanceof AuditFilterError) error(400, e.message);
		throw e;
	}
	const { rows, total } = queryAudit(filter, SHOWN);
	return {
		filter,
		total,
		shown: SHOWN,
		retentionDays: retentionDays(),
		actions: auditActions(),
		rows: rows.map((r) => ({ ...r, when: shanghaiTime(r.at) })),
		query: url.search
	};
};
